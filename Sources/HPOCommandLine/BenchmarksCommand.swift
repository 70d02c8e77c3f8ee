import ArgumentParser
import HPO

/// `hpo benchmarks`: the embedded benchmarks with their size and optimum.
struct BenchmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmarks",
        abstract: "List the embedded benchmarks with their size and optimum."
    )

    func run() throws {
        print("name              configurations  best mean valid MSE     best configuration")
        for name in BenchmarkRegistry.standard.names {
            let benchmark = try BenchmarkRegistry.standard.benchmark(named: name, objective: "mean")
            let size = benchmark.space.size.map(String.init) ?? "infinite"
            let best = benchmark.space.values(of: benchmark.optimalConfiguration).map(\.value.description).joined(separator: ", ")
            print(name.padding(18) + size.padding(16) + "\(benchmark.optimum)".padding(24) + best)
        }
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
