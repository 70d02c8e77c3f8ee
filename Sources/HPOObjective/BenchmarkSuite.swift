/// A named list of benchmarks run together: what `hpo compare --suite NAME` runs.
public struct BenchmarkSuite: Hashable, Sendable {
    /// The suite's name, e.g. `synthetic`.
    public let name: String
    /// What the suite holds, in one line.
    public let summary: String
    /// The benchmarks' names, in the order they are run and reported.
    public let benchmarks: [String]

    /// A suite of `benchmarks`.
    public init(name: String, summary: String, benchmarks: [String]) {
        self.name = name
        self.summary = summary
        self.benchmarks = benchmarks
    }

    /// The suites of the embedded benchmarks: `synthetic` (every synthetic problem), `continuous`
    /// (those with real parameters only), `mixed` (those with integer or categorical
    /// parameters), `fcnet` (the four tables) and `all`.
    public static let standard: [BenchmarkSuite] = {
        let synthetic = SyntheticFunction.standard
        let fcnet = FCNetDataset.allCases.map(\.benchmarkName)
        return [
            BenchmarkSuite(name: "synthetic", summary: "every synthetic problem", benchmarks: synthetic.map(\.name)),
            BenchmarkSuite(
                name: "continuous", summary: "the synthetic problems over real parameters only",
                benchmarks: synthetic.filter { $0.kind == .continuous }.map(\.name)),
            BenchmarkSuite(
                name: "mixed", summary: "the synthetic problems with integer or categorical parameters",
                benchmarks: synthetic.filter { $0.kind != .continuous }.map(\.name)),
            BenchmarkSuite(name: "fcnet", summary: "the four FCNet tables", benchmarks: fcnet),
            BenchmarkSuite(name: "all", summary: "the FCNet tables and every synthetic problem", benchmarks: fcnet + synthetic.map(\.name)),
        ]
    }()

    /// The standard suite called `name`; throws ``UnknownSuiteError`` naming the valid ones.
    public static func named(_ name: String) throws -> BenchmarkSuite {
        guard let suite = standard.first(where: { $0.name == name }) else {
            throw UnknownSuiteError(name: name, valid: standard.map(\.name))
        }
        return suite
    }
}

/// A suite name that is not one of the standard suites.
public struct UnknownSuiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name that was given.
    public let name: String
    /// The valid names.
    public let valid: [String]

    public var description: String {
        "unknown suite '\(name)': valid suites are " + valid.joined(separator: ", ")
    }
}
