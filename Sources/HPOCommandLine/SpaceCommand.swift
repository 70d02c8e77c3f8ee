import ArgumentParser
import HPO

/// `hpo space`: a benchmark's search space as JSON, in the schema of space files.
struct SpaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "space",
        abstract: "Print a benchmark's search space as JSON (the schema space files use)."
    )

    @Argument(help: "The benchmark: \(BenchmarkRegistry.standard.names.joined(separator: ", ")).")
    var benchmark: String

    func run() throws {
        let space = try BenchmarkRegistry.standard.benchmark(named: benchmark, objective: "mean").space
        print(String(decoding: try space.json(pretty: true), as: UTF8.self))
    }
}
