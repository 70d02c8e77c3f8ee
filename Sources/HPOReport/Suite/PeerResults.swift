import Foundation

/// Runs of other libraries' optimizers read from a CSV file, to rank beside ours.
///
/// The file has the header `optimizer,problem,seed,evaluation,regret` and one line per
/// evaluation: the regret of the best configuration found so far (its noise-free value minus the
/// optimum) after evaluation 1, 2, ... of that optimizer's run with that seed on that problem.
/// `Benchmarks/peers/run.py` writes it.
public struct PeerResults: Hashable, Sendable {
    /// The optimizers, in the order they first appear in the file.
    public var optimizers: [String]
    /// Per problem and optimizer, the runs in seed order, each the regret after each evaluation.
    public var runs: [String: [String: [[Double]]]]

    /// The header the file starts with.
    public static let header = "optimizer,problem,seed,evaluation,regret"

    /// Parses the CSV `text` (from `file`, named in errors); throws ``PeerFileError`` for a wrong
    /// header, a malformed line or a run with a missing evaluation.
    public init(csv text: String, file: String) throws {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.first == Self.header else {
            throw PeerFileError(file: file, line: 1, problem: "the header is '\(lines.first ?? "")'", valid: "the header \(Self.header)")
        }
        struct Key: Hashable { var problem: String, optimizer: String, seed: Int }
        var order: [String] = []
        var values: [Key: [Int: Double]] = [:]
        for (index, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, !fields[0].isEmpty, !fields[1].isEmpty, let seed = Int(fields[2]),
                  let evaluation = Int(fields[3]), evaluation >= 1, let regret = Double(fields[4]), regret.isFinite
            else {
                throw PeerFileError(
                    file: file, line: index + 1, problem: "'\(line)' is malformed",
                    valid: "optimizer,problem,seed,evaluation,regret with an integer seed, an evaluation from 1 and a finite regret")
            }
            if !order.contains(fields[0]) { order.append(fields[0]) }
            values[Key(problem: fields[1], optimizer: fields[0], seed: seed), default: [:]][evaluation] = regret
        }
        var runs: [String: [String: [(seed: Int, regret: [Double])]]] = [:]
        for (key, byEvaluation) in values {
            let count = byEvaluation.count
            let regret = (1...count).compactMap { byEvaluation[$0] }
            guard regret.count == count else {
                throw PeerFileError(
                    file: file, line: nil,
                    problem: "the run of \(key.optimizer) with seed \(key.seed) on \(key.problem) lacks some evaluation in 1...\(byEvaluation.keys.max() ?? 0)",
                    valid: "one line per evaluation 1, 2, ... of each run")
            }
            runs[key.problem, default: [:]][key.optimizer, default: []].append((key.seed, regret))
        }
        optimizers = order
        self.runs = runs.mapValues { $0.mapValues { $0.sorted { $0.seed < $1.seed }.map(\.regret) } }
    }
}

/// A peers file that cannot be read.
public struct PeerFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path.
    public let file: String
    /// The 1-based line, if the problem is on one line.
    public let line: Int?
    /// What is wrong.
    public let problem: String
    /// What would be valid.
    public let valid: String

    public var description: String {
        "peers file \(file)\(line.map { ", line \($0)" } ?? ""): \(problem); expected \(valid)"
    }
}
