import HPOObjective
import HPORun

/// The regret trajectories of several optimizers on the problems of a suite: what a suite report
/// ranks and tabulates. Our optimizers' come from comparisons, other libraries' from a peers file.
public struct SuiteResults: Hashable, Sendable {
    /// One optimizer's runs on one problem.
    public struct Entry: Hashable, Sendable {
        /// The optimizer's label.
        public var optimizer: String
        /// Per run, the regret of the incumbent (best so far) after each evaluation.
        public var runs: [[Double]]

        /// An entry of `runs`.
        public init(optimizer: String, runs: [[Double]]) {
            self.optimizer = optimizer
            self.runs = runs
        }
    }

    /// One problem with every optimizer's runs on it.
    public struct Problem: Hashable, Sendable {
        /// The benchmark's name.
        public var name: String
        /// Its kind, e.g. continuous.
        public var kind: BenchmarkKind
        /// The evaluations per run (the budget).
        public var evaluations: Int
        /// One entry per optimizer, in the suite's optimizer order.
        public var entries: [Entry]

        /// A problem of `entries`.
        public init(name: String, kind: BenchmarkKind, evaluations: Int, entries: [Entry]) {
            self.name = name
            self.kind = kind
            self.evaluations = evaluations
            self.entries = entries
        }

        /// The mean regret of each entry after `evaluations` evaluations (each run's value at its
        /// last evaluation if shorter).
        func finals(after evaluations: Int) -> [[Double]] {
            entries.map { entry in entry.runs.map { $0[min(evaluations, $0.count) - 1] } }
        }
    }

    /// The suite's name.
    public var suite: String
    /// The optimizers, in table and legend order.
    public var optimizers: [String]
    /// The problems, in the suite's order.
    public var problems: [Problem]

    /// Results of `problems`; throws ``SuiteResultsError`` unless every problem has a non-empty
    /// entry of full length for each of `optimizers`, in that order.
    public init(suite: String, optimizers: [String], problems: [Problem]) throws {
        for problem in problems {
            guard problem.entries.map(\.optimizer) == optimizers else {
                throw SuiteResultsError.optimizers(problem: problem.name, found: problem.entries.map(\.optimizer), expected: optimizers)
            }
            for entry in problem.entries {
                guard !entry.runs.isEmpty else {
                    throw SuiteResultsError.shortRuns(problem: problem.name, optimizer: entry.optimizer, length: 0, budget: problem.evaluations)
                }
                let shortest = entry.runs.map(\.count).min() ?? 0
                guard shortest >= problem.evaluations else {
                    throw SuiteResultsError.shortRuns(problem: problem.name, optimizer: entry.optimizer, length: shortest, budget: problem.evaluations)
                }
            }
        }
        self.suite = suite
        self.optimizers = optimizers
        self.problems = problems
    }

    /// The problem of a comparison whose runs are all stored: its optimizers' regret trajectories.
    public static func problem(of comparison: Comparison, kind: BenchmarkKind) throws -> Problem {
        let documents = try comparison.documents()
        return Problem(
            name: comparison.benchmark.name, kind: kind, evaluations: comparison.settings.evaluations,
            entries: documents.map { document in Entry(optimizer: document.optimizer, runs: document.runs.map { $0.regret ?? [] }) })
    }

    /// These results with `peers`' optimizers appended to every problem; throws if a peer's label
    /// is one of ours or a peer lacks a problem.
    public func adding(_ peers: PeerResults) throws -> SuiteResults {
        for label in peers.optimizers where optimizers.contains(label) {
            throw SuiteResultsError.duplicateOptimizer(label)
        }
        var problems = problems
        for p in problems.indices {
            for label in peers.optimizers {
                guard let runs = peers.runs[problems[p].name]?[label] else {
                    throw SuiteResultsError.missingPeer(problem: problems[p].name, optimizer: label)
                }
                problems[p].entries.append(Entry(optimizer: label, runs: runs))
            }
        }
        return try SuiteResults(suite: suite, optimizers: optimizers + peers.optimizers, problems: problems)
    }
}

/// Suite results that cannot be ranked together.
public enum SuiteResultsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A problem's optimizers are not the suite's.
    case optimizers(problem: String, found: [String], expected: [String])
    /// An optimizer's runs on a problem are shorter than the problem's budget.
    case shortRuns(problem: String, optimizer: String, length: Int, budget: Int)
    /// A peer optimizer has the label of one of ours.
    case duplicateOptimizer(String)
    /// A peer optimizer has no runs on a problem of the suite.
    case missingPeer(problem: String, optimizer: String)

    public var description: String {
        switch self {
        case .optimizers(let problem, let found, let expected):
            "problem \(problem) has results of \(found.joined(separator: ", ")): expected \(expected.joined(separator: ", "))"
        case .shortRuns(let problem, let optimizer, let length, let budget):
            "\(optimizer) on \(problem) has runs of \(length) evaluations: the suite needs \(budget) (run it with that budget)"
        case .duplicateOptimizer(let label):
            "the peers file has an optimizer labelled '\(label)', which is also one of --optimizers: rename it in the file"
        case .missingPeer(let problem, let optimizer):
            "the peers file has no runs of \(optimizer) on \(problem): every peer optimizer needs runs on every problem of the suite"
        }
    }
}
