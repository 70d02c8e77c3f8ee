import ArgumentParser
import Foundation
import HPO

/// `hpo run`: many seeded runs of one optimizer on one benchmark.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an optimizer on a benchmark many times and summarize the final regret.",
        discussion: """
            Each run gets its own seed derived from --seed and the run index; the same command \
            writes byte-identical results whatever --jobs is. Regret is the noise-free value of \
            the incumbent (for FCNet: the mean validation MSE over the 4 seeds) minus the \
            benchmark's optimum.
            """
    )

    @OptionGroup(title: "Optimizer")
    var optimizer: OptimizerOptions

    @Option(help: ArgumentHelp(BenchmarkOptionsHelp.benchmark))
    var benchmark: String = "fcnet-protein"

    @Option(help: ArgumentHelp(BenchmarkOptionsHelp.objective))
    var objective: String?

    @Option(help: "Number of independent runs.")
    var runs: Int = 50

    @Option(help: "Evaluations per run.")
    var evaluations: Int = 50

    @Option(help: "The experiment's seed.")
    var seed: UInt64 = 0

    @Option(help: "Parallel runs; the default is this machine's number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Write the results to this file.")
    var output: String?

    @Option(help: "Format of --output: json (one document) or csv (one row per trial).")
    var format: OutputFormat = .json

    @Option(help: "Evaluation counts at which the summary reports the regret: positive integers separated by commas.")
    var checkpoints: Checkpoints = Checkpoints(counts: [10, 20, 50, 100])

    @Flag(help: "No progress display (it is shown only when standard error is a terminal).")
    var quiet = false

    @Flag(help: "Include each trial's suggestion time in the results (the file is then no longer byte-reproducible).")
    var timings = false

    enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
        case json, csv
    }

    func validate() throws {
        for (name, value) in [("--runs", runs), ("--evaluations", evaluations), ("--jobs", jobs)] where value <= 0 {
            throw ValidationError("\(name) must be a positive integer, not \(value)")
        }
    }

    func run() throws {
        let objective = try BenchmarkOptionsHelp.objective(self.objective, benchmark: self.benchmark)
        let benchmark = try BenchmarkRegistry.standard.benchmark(named: self.benchmark, objective: objective)
        let optimizer = try self.optimizer.resolve()
        let loop = try RunLoop(optimizer: optimizer.spec, objective: benchmark, evaluations: evaluations)
        let experiment = try Experiment(loop: loop, runs: runs, seed: seed)
        let label = optimizer.label
        let display = ProgressDisplay(
            title: "\(label) on \(benchmark.name)", groups: [.init(label: label, done: 0, total: runs)], enabled: !quiet)
        display.begin()
        let results = try experiment.perform(jobs: jobs) { _ in display.finished(label: label) }
        let document = ResultsDocument(
            optimizer: label, benchmark: benchmark.name, objective: objective,
            seed: seed, evaluations: evaluations, optimum: benchmark.optimum, space: benchmark.space,
            results: results, includeTimings: timings)
        if let output {
            let data = format == .json ? try document.json() : Data(document.csv(space: benchmark.space).utf8)
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandLineError("cannot write --output '\(output)': \(error.localizedDescription)")
            }
        }
        print(RunSummary(
            benchmark: benchmark, optimizer: label, objective: objective, seed: seed, results: results,
            checkpoints: checkpoints.counts).text)
        if let output { print("results written to \(output)") }
    }
}

/// A user-facing failure of the command line, printed as `Error: <message>` with exit code 1.
struct CommandLineError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
