import Foundation
import HPOObjective
import HPORun
import HPOSpace

/// The report of one comparison: its figures, its tables and a page, written beside its runs.
///
/// Files under the comparison's folder: `figures/*.svg`; `tables/summary.{csv,json}` and
/// `tables/best-configuration.{csv,json}` (byte-reproducible); `tables/suggest-time.{csv,json}`
/// and `index.html` (they hold wall-clock times, which differ from one invocation to the next).
public struct ComparisonReport: Sendable {
    /// What was compared.
    public let settings: ComparisonSettings
    /// The benchmark of the settings.
    public let benchmark: any Benchmark
    /// One results document per optimizer, in the settings' order.
    public let documents: [ResultsDocument]
    /// The regret after 10, 20, 50, 100 evaluations.
    public let summary: SummaryTable
    /// The configurations of the lowest recorded values.
    public let best: BestConfigurationTable
    /// The time spent suggesting (wall-clock).
    public let timing: SuggestTimeTable
    /// Per optimizer: its regret and its observed-value trajectories.
    public let trajectories: [[Figure]]
    /// All optimizers: regret against evaluations, regret against simulated time, observed values.
    public let comparisons: [Figure]

    /// The report of a comparison whose runs are all stored.
    public init(comparison: Comparison) throws {
        try self.init(
            settings: comparison.settings, benchmark: comparison.benchmark, documents: comparison.documents(),
            suggestSeconds: comparison.suggestSeconds())
    }

    /// The report of `documents`, with the suggestion times by optimizer label (one list per run).
    public init(
        settings: ComparisonSettings, benchmark: any Benchmark, documents: [ResultsDocument], suggestSeconds: [String: [[Double]]]
    ) throws {
        self.settings = settings
        self.benchmark = benchmark
        self.documents = documents
        summary = try SummaryTable(documents: documents, benchmark: benchmark)
        best = try BestConfigurationTable(documents: documents, benchmark: benchmark)
        timing = SuggestTimeTable(optimizers: documents.map(\.optimizer), suggestSeconds: suggestSeconds)
        let figures = ComparisonFigures(documents: documents, optimum: benchmark.optimum, valueName: benchmark.valueName)
        trajectories = documents.indices.map { i in Metric.allCases.map { figures.trajectory(i, metric: $0) } }
        comparisons = [figures.comparison(metric: .regret), figures.comparisonOverTime(metric: .regret), figures.comparison(metric: .observed)]
    }

    /// Whether the benchmark is an FCNet-like table, whose noise-free value is a mean over seeds.
    var isTabular: Bool { benchmark.valueName == "validation MSE" }

    /// The name of the benchmark's noise-free value, e.g. `mean validation MSE`.
    var trueValueName: String { isTabular ? "mean validation MSE" : "noise-free \(benchmark.valueName)" }

    /// `runs × evaluations` in words, e.g. `50 runs × 50 evaluations`.
    public var protocolText: String { "\(settings.runs) runs × \(settings.evaluations) evaluations" }

    // MARK: - Files

    /// Writes the figures, the tables and `index.html` into `directory`.
    public func write(to directory: URL) throws {
        let figuresFolder = directory.appendingPathComponent("figures")
        for figure in trajectories.flatMap({ $0 }) + comparisons {
            try RunStore.write(Data(figure.svg.utf8), to: figuresFolder.appendingPathComponent(figure.fileName))
        }
        let tables = directory.appendingPathComponent("tables")
        try RunStore.write(Data(summary.csv().utf8), to: tables.appendingPathComponent("summary.csv"))
        try RunStore.write(SortedJSON.encode(summary, pretty: true), to: tables.appendingPathComponent("summary.json"))
        try RunStore.write(Data((isTabular ? best.csv() : best.csv(trueValueName: trueValueName)).utf8), to: tables.appendingPathComponent("best-configuration.csv"))
        try RunStore.write(SortedJSON.encode(best, pretty: true), to: tables.appendingPathComponent("best-configuration.json"))
        try RunStore.write(Data(timing.csv().utf8), to: tables.appendingPathComponent("suggest-time.csv"))
        try RunStore.write(SortedJSON.encode(timing, pretty: true), to: tables.appendingPathComponent("suggest-time.json"))
        try RunStore.write(Data(page.html().utf8), to: directory.appendingPathComponent("index.html"))
    }

    /// The comparison's own page.
    public var page: HTMLPage {
        let optimizers = settings.optimizers.map(\.label).joined(separator: ", ")
        var blocks: [HTMLPage.Block] = [
            .paragraph(html: Markup.escape(
                "\(optimizers) on \(benchmark.name), \(protocolText), \(settings.objective) objective, seed \(settings.seed).")),
        ]
        blocks += [.heading(level: 2, text: "Each optimizer", id: "trajectories")] + trajectoryBlocks(linkPrefix: "")
        blocks += [.heading(level: 2, text: "Comparison", id: "comparison")] + comparisonBlocks(linkPrefix: "")
        blocks += [.heading(level: 2, text: "Final regret", id: "summary"), summaryBlock(linkPrefix: "")]
        blocks += [.heading(level: 2, text: "Best configurations", id: "best"), bestBlock(linkPrefix: "")]
        blocks.append(.paragraph(html: Self.reproducibilityNote))
        return HTMLPage(title: "Comparison on \(benchmark.name)", blocks: blocks)
    }

    static let reproducibilityNote = """
        Every file here except <code>index.html</code>, <code>tables/suggest-time.*</code> and \
        <code>timings/</code> is byte-identical whatever the number of jobs and from one invocation \
        to the next: each run depends only on the seed, the optimizer, the benchmark and the run \
        index. Suggestion times are wall-clock measurements and differ between invocations.
        """

    // MARK: - Page blocks

    /// Each optimizer's two trajectory figures side by side; links start with `linkPrefix`.
    public func trajectoryBlocks(linkPrefix: String) -> [HTMLPage.Block] {
        trajectories.map { pair in .figures(pair.map { ($0, linkPrefix + "figures/" + $0.fileName) }) }
    }

    /// The comparison figures.
    public func comparisonBlocks(linkPrefix: String) -> [HTMLPage.Block] {
        [.figures(comparisons.prefix(2).map { ($0, linkPrefix + "figures/" + $0.fileName) }),
         .figures(comparisons.dropFirst(2).map { ($0, linkPrefix + "figures/" + $0.fileName) })]
    }

    /// The summary table with the suggestion times.
    public func summaryBlock(linkPrefix: String) -> HTMLPage.Block {
        .table(
            caption: "Regret of the incumbent (\(trueValueName) minus the optimum \(benchmark.optimum.significant(6))) over \(protocolText); standard error of the mean; a run is at the optimum when its incumbent is the optimal configuration, and has evaluated it when it was among its trials (one noisy evaluation may hide it). Suggesting: wall-clock time the optimizer spent choosing configurations (not reproducible).",
            html: summary.html(timing: timing),
            links: [("CSV", linkPrefix + "tables/summary.csv"), ("JSON", linkPrefix + "tables/summary.json"),
                    ("times CSV", linkPrefix + "tables/suggest-time.csv")])
    }

    /// The best-configuration table.
    public func bestBlock(linkPrefix: String) -> HTMLPage.Block {
        .table(
            caption: "For each optimizer the configuration of the lowest \(benchmark.valueName) recorded in any of its \(protocolText) (one evaluation, which can lie below the optimum when it is noisy), beside the global optimum; highlighted values differ from the optimum's.",
            html: isTabular ? best.html() : best.html(valueName: benchmark.valueName, trueValueName: trueValueName),
            links: [("CSV", linkPrefix + "tables/best-configuration.csv"), ("JSON", linkPrefix + "tables/best-configuration.json")])
    }
}
