import ArgumentParser
import Foundation
import HPO

/// `hpo compare`: several optimizers, the same seeded runs, one report.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare optimizers on a benchmark, or on every problem of a suite, and write their results and an HTML report.",
        discussion: """
            Run i of every optimizer uses the same seed (from --seed and i), so all see the same \
            noise. Each finished run is written to the output folder at once; the same command \
            again skips finished runs, so an interrupted comparison resumes where it stopped. \
            A folder holding runs of other settings is refused. Results are byte-identical \
            whatever --jobs is; only suggestion times (timings/, tables/suggest-time.*, \
            index.html) differ between invocations. With --suite NAME every optimizer runs on \
            every problem of the suite (see hpo benchmarks), each with its default budget times \
            --budget-scale unless --evaluations is given, in one comparison folder per problem \
            under the output folder; the output's index.html, ranks.csv and problems.csv then \
            give each problem's mean regret at 25%, 50% and 100% of its budget and the \
            optimizers' average rank over the problems. --peers adds other libraries' runs \
            (Benchmarks/peers) to that ranking.
            """
    )

    @Option(help: "Comma-separated optimizers: presets (\(OptimizerRegistry.standard.presets.map(\.name).joined(separator: ", "))), each optionally with settings changed as labels show them, e.g. bo-rf[kappa=2,trees=20].")
    var optimizers: String = "random"

    @Option(help: ArgumentHelp(BenchmarkOptionsHelp.benchmark + " Not with --suite."))
    var benchmark: String?

    @Option(help: "Run every problem of this suite instead of one benchmark: \(BenchmarkSuite.standard.map(\.name).joined(separator: ", ")).")
    var suite: String?

    @Option(help: ArgumentHelp(BenchmarkOptionsHelp.objective + " With --suite, applied to every problem."))
    var objective: String?

    @Option(help: "Runs per optimizer.")
    var runs: Int = 30

    @Option(help: "Evaluations per run; the default is the benchmark's default budget (100 for the FCNet tables, 10 d + 20 up to 100 for a synthetic function of d parameters).")
    var evaluations: Int?

    @Option(help: "With --suite and no --evaluations: each problem's default budget times this factor (rounded, at least 1).")
    var budgetScale: Double = 1

    @Option(help: "With --suite: a CSV of other libraries' runs (optimizer,problem,seed,evaluation,regret, as Benchmarks/peers/run.sh writes it) to rank beside the optimizers.")
    var peers: String?

    @Option(help: "The experiment's seed.")
    var seed: UInt64 = 0

    @Option(help: "The output folder (runs, results, figures, tables, index.html).")
    var output: String = "results"

    @Option(help: "Runs computed in parallel; the default is the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress display.")
    var quiet = false

    func validate() throws {
        for (name, value) in [("--runs", runs), ("--evaluations", evaluations ?? 1), ("--jobs", jobs)] where value <= 0 {
            throw ValidationError("\(name) must be a positive integer, not \(value)")
        }
        guard budgetScale > 0, budgetScale.isFinite else {
            throw ValidationError("--budget-scale must be a positive number, not \(budgetScale)")
        }
        if suite != nil, benchmark != nil {
            throw ValidationError("--suite and --benchmark exclude each other: give one")
        }
        if suite == nil, peers != nil {
            throw ValidationError("--peers needs --suite: peers are ranked over the problems of a suite")
        }
    }

    func run() throws {
        if let suite {
            try SuiteSession(
                suite: try BenchmarkSuite.named(suite), optimizers: ExperimentSession.optimizers(optimizers),
                objective: objective, evaluations: evaluations, budgetScale: budgetScale, runs: runs, seed: seed,
                output: URL(fileURLWithPath: output), peers: peers, jobs: jobs, quiet: quiet
            ).run()
            return
        }
        let benchmark = self.benchmark ?? "fcnet-protein"
        let settings = try ComparisonSettings(
            benchmark: benchmark, objective: BenchmarkOptionsHelp.objective(objective, benchmark: benchmark),
            evaluations: evaluations ?? BenchmarkRegistry.standard.provider(named: benchmark).defaultEvaluations,
            runs: runs, seed: seed, optimizers: ExperimentSession.optimizers(optimizers))
        let comparison = try Comparison(settings: settings, directory: URL(fileURLWithPath: output))
        let session = ExperimentSession(comparisons: [comparison], jobs: jobs, quiet: quiet, title: "hpo compare")
        let reports = try session.run()
        for report in reports { print(ExperimentSession.summary(report)) }
        print("report written to \(comparison.store.directory.appendingPathComponent("index.html").path)")
    }
}
