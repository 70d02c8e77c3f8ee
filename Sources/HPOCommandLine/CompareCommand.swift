import ArgumentParser
import Foundation
import HPO

/// `hpo compare`: several optimizers, the same seeded runs, one report.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare optimizers on a benchmark and write their results and an HTML report.",
        discussion: """
            Run i of every optimizer uses the same seed (from --seed and i), so all see the same \
            noise. Each finished run is written to the output folder at once; the same command \
            again skips finished runs, so an interrupted comparison resumes where it stopped. \
            A folder holding runs of other settings is refused. Results are byte-identical \
            whatever --jobs is; only suggestion times (timings/, tables/suggest-time.*, \
            index.html) differ between invocations.
            """
    )

    @Option(help: "Comma-separated optimizers: presets (\(OptimizerRegistry.standard.presets.map(\.name).joined(separator: ", "))), each optionally with settings changed as labels show them, e.g. bo-rf[kappa=2,trees=20].")
    var optimizers: String = "random"

    @Option(help: "The benchmark: \(BenchmarkRegistry.standard.names.joined(separator: ", ")).")
    var benchmark: String = "fcnet-protein"

    @Option(help: "How an evaluation reads the table: noisy (one of the 4 seeds at random, as the original benchmark), mean, or seed:K.")
    var objective: String = "noisy"

    @Option(help: "Runs per optimizer.")
    var runs: Int = 30

    @Option(help: "Evaluations per run.")
    var evaluations: Int = 100

    @Option(help: "The experiment's seed.")
    var seed: UInt64 = 0

    @Option(help: "The output folder (runs, results, figures, tables, index.html).")
    var output: String = "results"

    @Option(help: "Runs computed in parallel; the default is the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress display.")
    var quiet = false

    func validate() throws {
        for (name, value) in [("--runs", runs), ("--evaluations", evaluations), ("--jobs", jobs)] where value <= 0 {
            throw ValidationError("\(name) must be a positive integer, not \(value)")
        }
    }

    func run() throws {
        let settings = try ComparisonSettings(
            benchmark: benchmark, objective: objective, evaluations: evaluations, runs: runs, seed: seed,
            optimizers: ExperimentSession.optimizers(optimizers))
        let comparison = try Comparison(settings: settings, directory: URL(fileURLWithPath: output))
        let session = ExperimentSession(comparisons: [comparison], jobs: jobs, quiet: quiet, title: "hpo compare")
        let reports = try session.run()
        for report in reports { print(ExperimentSession.summary(report)) }
        print("report written to \(comparison.store.directory.appendingPathComponent("index.html").path)")
    }
}
