import ArgumentParser
import Foundation
import HPO

/// `hpo reproduce`: the original report's experiments and an HTML report of them.
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Rerun the original report's experiments and write its figures and tables as an HTML report.",
        discussion: """
            By default: on fcnet-protein, \(Reproduction.defaultOptimizers.joined(separator: ", ")) \
            each over 50 runs of 50 evaluations (the original's figures 1-3) and 30 runs of 100 \
            evaluations (figure 4 and the best configurations), noisy objective, seed 0. Runs are \
            spread over all cores, written as they finish, and skipped when the same command runs \
            again; the results are byte-identical whatever --jobs is.
            """
    )

    @Option(help: "The benchmark (see hpo benchmarks), or all for the four FCNet tables: \(BenchmarkRegistry.standard.names.joined(separator: ", ")), all.")
    var benchmark: String = "fcnet-protein"

    @Option(help: "The output folder (index.html and a folder per benchmark).")
    var output: String = "report"

    @Option(help: "Comma-separated optimizers: presets (\(OptimizerRegistry.standard.presets.map(\.name).joined(separator: ", "))), each optionally with settings changed as labels show them, e.g. bo-rf[kappa=2,trees=20]. (default: \(Reproduction.defaultOptimizers.joined(separator: ",")))")
    var optimizers: String?

    @Option(help: ArgumentHelp(BenchmarkOptionsHelp.objective))
    var objective: String?

    @Option(help: "Runs of the per-optimizer figures.")
    var runs: Int = 50

    @Option(help: "Evaluations per run of the per-optimizer figures.")
    var evaluations: Int = 50

    @Option(help: "Runs of the comparison.")
    var comparisonRuns: Int = 30

    @Option(help: "Evaluations per run of the comparison.")
    var comparisonEvaluations: Int = 100

    @Option(help: "The experiments' seed.")
    var seed: UInt64 = 0

    @Option(help: "Runs computed in parallel; the default is the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress display.")
    var quiet = false

    func validate() throws {
        let counts = [("--runs", runs), ("--evaluations", evaluations), ("--comparison-runs", comparisonRuns),
                      ("--comparison-evaluations", comparisonEvaluations), ("--jobs", jobs)]
        for (name, value) in counts where value <= 0 {
            throw ValidationError("\(name) must be a positive integer, not \(value)")
        }
        guard benchmark == "all" || BenchmarkRegistry.standard.names.contains(benchmark) else {
            throw ValidationError("unknown benchmark '\(benchmark)': valid are \(BenchmarkRegistry.standard.names.joined(separator: ", ")) and all")
        }
    }

    /// The named optimizers, or the reproduction's defaults.
    func resolvedOptimizers() throws -> [NamedOptimizer] {
        try ExperimentSession.optimizers(optimizers ?? Reproduction.defaultOptimizers.joined(separator: ","))
    }

    func run() throws {
        let benchmarks = benchmark == "all" ? try BenchmarkSuite.named("fcnet").benchmarks : [benchmark]
        let objective = try BenchmarkOptionsHelp.objective(self.objective, benchmark: benchmarks[0])
        let reproduction = Reproduction(
            benchmarks: benchmarks, optimizers: try resolvedOptimizers(), objective: objective, seed: seed,
            trajectoryRuns: runs, trajectoryEvaluations: evaluations,
            comparisonRuns: comparisonRuns, comparisonEvaluations: comparisonEvaluations)
        let directory = URL(fileURLWithPath: output)
        let parts = try reproduction.parts(in: directory)
        let session = ExperimentSession(
            comparisons: parts.flatMap { [$0.trajectories, $0.comparison] }, jobs: jobs, quiet: quiet, title: "hpo reproduce")
        let reports = try session.run()
        let pairs = stride(from: 0, to: reports.count, by: 2).map { (trajectories: reports[$0], comparison: reports[$0 + 1]) }
        let page = reproduction.page(reports: pairs, command: commandText)
        let index = directory.appendingPathComponent("index.html")
        try RunStore.write(Data(page.html().utf8), to: index)
        for report in reports { print(ExperimentSession.summary(report)) }
        print("report written to \(index.path)")
    }

    /// The command as a user would type it to get this report.
    var commandText: String {
        var words = ["hpo reproduce", "--benchmark \(benchmark)"]
        if let optimizers { words.append("--optimizers \(optimizers)") }
        if let objective { words.append("--objective \(objective)") }
        if runs != 50 { words.append("--runs \(runs)") }
        if evaluations != 50 { words.append("--evaluations \(evaluations)") }
        if comparisonRuns != 30 { words.append("--comparison-runs \(comparisonRuns)") }
        if comparisonEvaluations != 100 { words.append("--comparison-evaluations \(comparisonEvaluations)") }
        if seed != 0 { words.append("--seed \(seed)") }
        return words.joined(separator: " ")
    }
}
