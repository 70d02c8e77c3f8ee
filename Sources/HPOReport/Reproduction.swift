import Foundation
import HPOObjective
import HPOOptimizers
import HPORun

/// The experiments of the original report (N. Mallik, "Deep Learning Lab: Exercise 2 (AutoML)",
/// 2019) on the embedded benchmarks: per benchmark, each optimizer's trajectory over 50 runs of
/// 50 evaluations (its figures 1-3) and all optimizers over 30 runs of 100 evaluations (its
/// figure 4 and section 5), on the noisy objective.
///
/// Layout under the output folder: `<benchmark>/per-optimizer/` and `<benchmark>/comparison/`,
/// each a comparison folder as `hpo compare` writes it, and `index.html` showing them all.
public struct Reproduction: Sendable {
    /// The optimizers the original report compared, by preset name: the one place to change the
    /// defaults of `hpo reproduce`.
    public static let defaultOptimizers = ["random", "bo-rf", "bo-dngo"]

    /// The benchmarks, by name.
    public var benchmarks: [String]
    /// The optimizers compared.
    public var optimizers: [NamedOptimizer]
    /// The objective mode, e.g. `noisy`.
    public var objective: String
    /// The seed of every experiment: run i has the same seed in both parts.
    public var seed: UInt64
    /// Runs and evaluations of the per-optimizer figures (the original: 50 x 50).
    public var trajectoryRuns: Int
    public var trajectoryEvaluations: Int
    /// Runs and evaluations of the comparison (the original: 30 x 100).
    public var comparisonRuns: Int
    public var comparisonEvaluations: Int

    /// The original protocol on `benchmarks` with `optimizers`, unless told otherwise.
    public init(
        benchmarks: [String], optimizers: [NamedOptimizer], objective: String = "noisy", seed: UInt64 = 0,
        trajectoryRuns: Int = 50, trajectoryEvaluations: Int = 50, comparisonRuns: Int = 30, comparisonEvaluations: Int = 100
    ) {
        self.benchmarks = benchmarks
        self.optimizers = optimizers
        self.objective = objective
        self.seed = seed
        self.trajectoryRuns = trajectoryRuns
        self.trajectoryEvaluations = trajectoryEvaluations
        self.comparisonRuns = comparisonRuns
        self.comparisonEvaluations = comparisonEvaluations
    }

    /// The two comparisons of one benchmark.
    public struct Part: Sendable {
        /// The per-optimizer figures' runs, under `<benchmark>/per-optimizer/`.
        public var trajectories: Comparison
        /// The comparison's runs, under `<benchmark>/comparison/`.
        public var comparison: Comparison
    }

    /// The comparisons to run, kept under `directory`.
    public func parts(in directory: URL) throws -> [Part] {
        try benchmarks.map { benchmark in
            let folder = directory.appendingPathComponent(benchmark)
            return Part(
                trajectories: try Comparison(
                    settings: ComparisonSettings(
                        benchmark: benchmark, objective: objective, evaluations: trajectoryEvaluations, runs: trajectoryRuns,
                        seed: seed, optimizers: optimizers),
                    directory: folder.appendingPathComponent("per-optimizer")),
                comparison: try Comparison(
                    settings: ComparisonSettings(
                        benchmark: benchmark, objective: objective, evaluations: comparisonEvaluations, runs: comparisonRuns,
                        seed: seed, optimizers: optimizers),
                    directory: folder.appendingPathComponent("comparison")))
        }
    }

    /// The page showing every part: figures 1-3, figure 4 (against evaluations and simulated
    /// time), the summary tables and the best configurations; links are relative to `index.html`
    /// in the output folder.
    public func page(reports: [(trajectories: ComparisonReport, comparison: ComparisonReport)], command: String) -> HTMLPage {
        let names = optimizers.map(\.label).joined(separator: ", ")
        var blocks: [HTMLPage.Block] = [
            .paragraph(html: "The experiments of the original report (N. Mallik, <i>Deep Learning Lab: Exercise 2 (AutoML)</i>, 2019) rerun on the FCNet tabular benchmark (Klein &amp; Hutter 2019) embedded in swift-hpo: \(Markup.escape(names)), the \(Markup.escape(objective)) objective (each evaluation returns the validation MSE of one of the 4 recorded training seeds, drawn at random), seed \(seed). Made by <code>\(Markup.escape(command))</code>."),
            .paragraph(html: "The optimizers: " + optimizers.map { "<b>\(Markup.escape($0.label))</b>: \(Markup.escape($0.spec.summary))" }.joined(separator: "; ")
                + ". The original report maximised expected improvement for both models, as the bo-dngo preset does; the bo-rf preset uses the lower confidence bound, which measured better on the noisy tables (BENCHMARKS.md), and <code>--optimizers</code> also takes <code>bo-rf-ei</code>, the random forest with expected improvement."),
            .paragraph(html: "Regret is the mean validation MSE (over the 4 seeds) of the incumbent, the configuration with the lowest observed value so far, minus the dataset's optimum. Bands show the mean ± 1 standard error of the mean over the runs. " + ComparisonReport.reproducibilityNote),
        ]
        for (trajectories, comparison) in reports {
            let benchmark = trajectories.benchmark
            let full = (benchmark as? FCNetBenchmark).map { " (\($0.table.dataset.fullName))" } ?? ""
            let root = benchmark.name + "/"
            blocks.append(.heading(level: 2, text: benchmark.name + full, id: benchmark.name))
            blocks.append(.heading(level: 3, text: "Figures 1–3: each optimizer, \(trajectories.protocolText)", id: benchmark.name + "-trajectories"))
            blocks += trajectories.trajectoryBlocks(linkPrefix: root + "per-optimizer/")
            blocks.append(trajectories.summaryBlock(linkPrefix: root + "per-optimizer/"))
            blocks.append(.heading(level: 3, text: "Figure 4: comparison, \(comparison.protocolText)", id: benchmark.name + "-comparison"))
            blocks += comparison.comparisonBlocks(linkPrefix: root + "comparison/")
            blocks.append(comparison.summaryBlock(linkPrefix: root + "comparison/"))
            blocks.append(.heading(level: 3, text: "Section 5: best configurations, \(comparison.protocolText)", id: benchmark.name + "-best"))
            blocks.append(comparison.bestBlock(linkPrefix: root + "comparison/"))
            blocks.append(.paragraph(html: "Each part has its own page with all its figures and tables: <a href=\"\(root)per-optimizer/index.html\">\(Markup.escape(trajectories.protocolText))</a>, <a href=\"\(root)comparison/index.html\">\(Markup.escape(comparison.protocolText))</a>."))
        }
        return HTMLPage(title: "Reproduction: Deep Learning Lab Exercise 2 (AutoML) on FCNet", blocks: blocks)
    }
}
