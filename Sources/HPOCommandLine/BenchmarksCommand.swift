import ArgumentParser
import Foundation
import HPO

/// `hpo benchmarks`: the embedded benchmarks and suites, and evaluating points of a benchmark.
struct BenchmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmarks",
        abstract: "List the embedded benchmarks and suites, or evaluate points of a benchmark.",
        subcommands: [BenchmarksListCommand.self, BenchmarksEvaluateCommand.self],
        defaultSubcommand: BenchmarksListCommand.self
    )
}

/// `hpo benchmarks list` (the default): every benchmark with its kind, size, optimum and budget.
struct BenchmarksListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every benchmark (kind, dimensions, size, optimum, default budget, objectives) and the suites."
    )

    @Flag(help: "Print JSON: the benchmarks with their parameters and optimal configuration, and the suites.")
    var json = false

    func run() throws {
        let entries = try BenchmarkRegistry.standard.providers.map(BenchmarkEntry.init)
        if json {
            let document = BenchmarksDocument(benchmarks: entries, suites: BenchmarkSuite.standard.map(SuiteEntry.init))
            FileHandle.standardOutput.write(try SortedJSON.encode(document, pretty: true))
            return
        }
        print("name".padding(22) + "kind".padding(12) + "dims".padding(5) + "size".padding(10) + "optimum".padding(14)
            + "budget".padding(7) + "objectives".padding(24) + "summary")
        for entry in entries {
            print(entry.name.padding(22) + entry.kind.padding(12) + "\(entry.dimensions)".padding(5)
                + (entry.size.map(String.init) ?? "infinite").padding(10) + entry.optimum.significant(8).padding(14)
                + "\(entry.defaultEvaluations)".padding(7) + entry.objectives.joined(separator: ", ").padding(24) + entry.summary)
        }
        print("\nsuites (hpo compare --suite NAME):")
        for suite in BenchmarkSuite.standard {
            print("  " + suite.name.padding(12) + "\(suite.summary) (\(suite.benchmarks.count) benchmarks)")
        }
    }
}

/// One benchmark as `hpo benchmarks --json` lists it.
struct BenchmarkEntry: Encodable {
    var name: String
    var kind: String
    var dimensions: Int
    var size: Int?
    var optimum: Double
    var optimalConfiguration: [String: ParameterValue]
    var defaultEvaluations: Int
    var objectives: [String]
    var summary: String
    var parameters: [Parameter]

    init(_ provider: any BenchmarkProvider) throws {
        let benchmark = try provider.benchmark(objective: provider.defaultObjective)
        name = provider.name
        kind = provider.kind.rawValue
        dimensions = benchmark.space.dimension
        size = benchmark.space.size
        optimum = benchmark.optimum
        optimalConfiguration = benchmark.space.dictionary(of: benchmark.optimalConfiguration)
        defaultEvaluations = provider.defaultEvaluations
        objectives = provider.objectives
        summary = provider.summary
        parameters = benchmark.space.parameters
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, dimensions, size, optimum, objectives, summary, parameters
        case optimalConfiguration = "optimal_configuration", defaultEvaluations = "default_evaluations"
    }
}

/// One suite as `hpo benchmarks --json` lists it.
struct SuiteEntry: Encodable {
    var name: String
    var summary: String
    var benchmarks: [String]

    init(_ suite: BenchmarkSuite) {
        name = suite.name
        summary = suite.summary
        benchmarks = suite.benchmarks
    }
}

/// What `hpo benchmarks --json` prints.
struct BenchmarksDocument: Encodable {
    var benchmarks: [BenchmarkEntry]
    var suites: [SuiteEntry]
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
