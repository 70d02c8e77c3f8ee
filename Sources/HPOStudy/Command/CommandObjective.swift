import Foundation
import HPORun
import HPOSpace

/// An objective evaluated by an external command, in any language.
///
/// For each trial the command (run by `/bin/sh -c`) gets the configuration as a JSON object of
/// name -> value on standard input, and in the environment as `HPO_PARAM_<NAME>` (the name in
/// upper case, characters other than letters, digits and `_` replaced by `_`), `HPO_CONFIG`
/// (the same JSON) and `HPO_TRIAL` (the trial id). It reports the loss as the last line of
/// standard output: a number, or a JSON object with a numeric `loss` field. A command that exits
/// non-zero, is killed, times out, writes more than the output limit, or whose last line is not
/// a finite loss fails the trial with an ``ObjectiveFailure`` carrying its stderr tail.
public struct CommandObjective: Sendable {
    /// The command line.
    public var command: String
    /// Seconds a trial may take before it is killed and failed; `nil` for no limit.
    public var timeout: Double?
    /// Bytes of standard output after which the command is killed and the trial failed.
    public var outputLimit: Int

    /// The longest last line read as a loss.
    public static let maximumLossLineLength = 1000
    /// The number of lines of standard error kept with a failed trial.
    public static let stderrTailLines = 20

    /// Creates an objective.
    public init(command: String, timeout: Double? = nil, outputLimit: Int = 16 << 20) {
        self.command = command
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    /// The environment variable that carries `parameter`, e.g. `HPO_PARAM_LEARNING_RATE`.
    public static func environmentName(of parameter: String) -> String {
        "HPO_PARAM_" + String(parameter.uppercased().unicodeScalars.map { scalar in
            ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" ? Character(scalar) : "_"
        })
    }

    /// Runs the command on `trial`'s configuration and returns its loss, or throws an
    /// ``ObjectiveFailure`` that says what went wrong.
    public func evaluate(_ trial: Study.Trial) async throws -> Double {
        let json = String(decoding: try SortedJSON.encode(trial.config, newline: false), as: UTF8.self)
        var environment = ["HPO_CONFIG": json, "HPO_TRIAL": "\(trial.id)"]
        for (name, value) in trial.config { environment[Self.environmentName(of: name)] = value.description }
        let shell = ShellCommand(command: command, environment: environment, timeout: timeout, outputLimit: outputLimit)
        let result = try await shell.run(input: Data((json + "\n").utf8))
        let stderrTail = Self.lastLines(of: result.stderrTail, count: Self.stderrTailLines)
        func failure(_ reason: String) -> ObjectiveFailure {
            ObjectiveFailure(reason: reason, stderrTail: stderrTail)
        }
        switch result.termination {
        case .exit(0): break
        case .exit(let status): throw failure("the command exited with status \(status)")
        case .signal(let signal): throw failure("the command was killed by signal \(signal)")
        case .timedOut: throw failure("the command timed out after \((timeout ?? 0).shortDescription) s and was killed")
        case .outputLimitExceeded:
            throw failure("the command wrote more than \(outputLimit) bytes to standard output and was killed")
        }
        switch Self.loss(fromOutput: result.stdoutTail) {
        case .success(let loss): return loss
        case .failure(let problem): throw failure(problem.reason)
        }
    }

    /// The loss in a command's standard output: its last non-empty line, a number or a JSON
    /// object with a numeric `loss` field, which must be finite.
    public static func loss(fromOutput output: Data) -> Result<Double, ObjectiveFailure> {
        let text = String(decoding: output, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return .failure(ObjectiveFailure(reason: "the command printed nothing on standard output: its last line must be the loss"))
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= maximumLossLineLength else {
            return .failure(ObjectiveFailure(
                reason: "the last line of standard output is \(trimmed.count) characters long: expected a number or a JSON object with a 'loss' field"))
        }
        let loss: Double
        if trimmed.hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                return .failure(ObjectiveFailure(reason: "the last line of standard output is not valid JSON: '\(trimmed)'"))
            }
            guard object["loss"] != nil else {
                return .failure(ObjectiveFailure(reason: "the JSON on the last line of standard output has no 'loss' field: '\(trimmed)'"))
            }
            guard let report = try? JSONDecoder().decode(LossReport.self, from: Data(trimmed.utf8)) else {
                return .failure(ObjectiveFailure(reason: "the 'loss' field on the last line of standard output is not a number: '\(trimmed)'"))
            }
            loss = report.loss
        } else {
            guard let number = Double(trimmed) else {
                return .failure(ObjectiveFailure(
                    reason: "the last line of standard output is not a number: '\(trimmed)' (expected a number or a JSON object with a 'loss' field)"))
            }
            loss = number
        }
        guard loss.isFinite else {
            return .failure(ObjectiveFailure(reason: "the command reported a loss of \(loss): a loss must be a finite number"))
        }
        return .success(loss)
    }

    private struct LossReport: Decodable {
        let loss: Double
    }

    /// The last `count` lines of `data` as text, or `nil` if it is empty.
    static func lastLines(of data: Data, count: Int) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let tail = lines.suffix(lines.last?.isEmpty == true ? count + 1 : count).joined(separator: "\n")
        return tail.allSatisfy(\.isWhitespace) ? nil : tail
    }
}
