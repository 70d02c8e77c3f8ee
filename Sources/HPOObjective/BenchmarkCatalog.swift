/// The benchmarks that ship with swift-hpo, by the names the command line uses.
public enum BenchmarkCatalog {
    /// Every benchmark name, e.g. `fcnet-protein`.
    public static var names: [String] { FCNetDataset.allCases.map(\.benchmarkName) }

    /// The benchmark called `name`, evaluated in `mode`.
    public static func benchmark(named name: String, mode: ObjectiveMode = .noisy) throws -> any Benchmark {
        guard let dataset = FCNetDataset.allCases.first(where: { $0.benchmarkName == name }) else {
            throw UnknownBenchmarkError(name: name)
        }
        return try FCNetBenchmark(dataset, mode: mode)
    }
}

/// A benchmark name that the catalog does not know.
public struct UnknownBenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name that was given.
    public let name: String

    public var description: String {
        "unknown benchmark '\(name)': valid benchmarks are " + BenchmarkCatalog.names.joined(separator: ", ")
    }
}
