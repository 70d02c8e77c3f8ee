import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HPOObjective
import HPOOptimizers
@testable import HPOReport
import HPORun
import Testing

/// The report holds the numbers of the results JSON, and every SVG is well-formed XML.
@Suite struct ReportContentTests {
    let folders = TemporaryFolders()

    /// A finished small comparison (3 runs of 25 evaluations) and its report.
    func finished(_ name: String) throws -> (Comparison, ComparisonReport) {
        let settings = try ComparisonSettings(
            benchmark: "fcnet-protein", objective: "noisy", evaluations: 25, runs: 3, seed: 5,
            optimizers: [OptimizerRegistry.standard.optimizer(named: "random"), OptimizerRegistry.standard.optimizer(named: "random-without-replacement")])
        let comparison = try Comparison(settings: settings, directory: folders.folder(name))
        try comparison.prepare()
        try Comparison.performPending([comparison], jobs: 2)
        try comparison.writeResults()
        let report = try ComparisonReport(comparison: comparison)
        try report.write(to: comparison.store.directory)
        return (comparison, report)
    }

    static func parse(_ data: Data) -> (ok: Bool, error: String) {
        let parser = XMLParser(data: data)
        let ok = parser.parse()
        return (ok, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test func everySVGParses() throws {
        let (comparison, _) = try finished("svg")
        let svgs = try files(under: comparison.store.directory).filter { $0.key.hasSuffix(".svg") }
        #expect(svgs.count == 2 * 2 + 3)
        for (path, data) in svgs {
            let result = Self.parse(data)
            #expect(result.ok, "\(path) is not well-formed: \(result.error)")
        }
        // and the parser does catch a broken document
        #expect(!Self.parse(Data("<svg><text>a & b</text></svg>".utf8)).ok)
    }

    @Test func summaryTableHoldsTheNumbersOfTheResultsJSON() throws {
        let (comparison, report) = try finished("summary")
        let summary = try JSONDecoder().decode(SummaryTable.self, from: Data(contentsOf: comparison.store.directory.appendingPathComponent("tables/summary.json")))
        #expect(summary == report.summary)
        #expect(summary.rows.map(\.evaluations) == [10, 20, 25, 10, 20, 25])
        let html = try String(decoding: Data(contentsOf: comparison.store.directory.appendingPathComponent("index.html")), as: UTF8.self)
        for optimizer in comparison.settings.optimizers.map(\.label) {
            let results = try JSONDecoder().decode(ResultsDocument.self, from: Data(contentsOf: comparison.resultsFile(label: optimizer)))
            for row in summary.rows where row.optimizer == optimizer {
                // computed here from the JSON, independently of SampleSummary
                let regrets = results.runs.map { $0.regret![row.evaluations - 1] }
                let n = Double(regrets.count)
                let mean = regrets.reduce(0, +) / n
                let variance = regrets.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
                let median = regrets.sorted()[1] // 3 runs
                #expect(abs(row.meanRegret - mean) <= 1e-15 * max(1, mean))
                #expect(abs(row.standardError - (variance / n).squareRoot()) <= 1e-12 * max(1e-12, row.standardError))
                #expect(row.medianRegret == median)
                #expect(row.atOptimum == Double(regrets.filter { $0 == 0 }.count) / n)
                #expect(row.runs == 3)
                // the page shows them to 3 significant digits
                #expect(html.contains("<td>\(mean.significant(3))</td>"))
                #expect(html.contains("<td>\(median.significant(3))</td>"))
            }
        }
        let csv = try String(decoding: Data(contentsOf: comparison.store.directory.appendingPathComponent("tables/summary.csv")), as: UTF8.self)
        let first = summary.rows[0]
        #expect(csv.contains("random,3,10,\(first.meanRegret),\(first.medianRegret),\(first.standardError),"))
    }

    @Test func bestConfigurationTableNamesTheLowestRecordedValue() throws {
        let (comparison, report) = try finished("best")
        let table = try JSONDecoder().decode(
            BestConfigurationTable.self, from: Data(contentsOf: comparison.store.directory.appendingPathComponent("tables/best-configuration.json")))
        #expect(table == report.best)
        #expect(table.columns.map(\.name) == ["optimum", "random", "random-without-replacement"])
        let optimum = table.columns[0]
        #expect(optimum.value == 0.221378855407238)
        #expect(optimum.config["batch_size"] == .number(8))
        #expect(optimum.config["dropout_2"] == .number(0.3))
        #expect(optimum.config["n_units_1"] == .number(512))
        for column in table.columns.dropFirst() {
            let results = try JSONDecoder().decode(ResultsDocument.self, from: Data(contentsOf: comparison.resultsFile(label: column.name)))
            let trials = results.runs.flatMap(\.trials)
            let lowest = try #require(trials.map(\.value).min())
            #expect(column.value == lowest)
            let run = try #require(column.run), evaluation = try #require(column.evaluation)
            let recorded = results.runs[run].trials[evaluation - 1]
            #expect(recorded.value == lowest)
            #expect(recorded.config == column.config)
            let benchmark = try FCNetBenchmark(.protein, mode: .mean)
            #expect(column.meanValue == benchmark.trueValue(of: try benchmark.space.configuration(from: column.config)))
        }
        let html = report.best.html()
        for column in table.columns.dropFirst() { #expect(html.contains("<td>\(column.value.significant(6))</td>")) }
    }
}

@Suite struct PlotTests {
    @Test func logTicksArePowersOfTenOnWideAxes() {
        let scale = Scale.log(covering: 0.0023, 0.31)
        #expect(scale.domain.low == 0.002)
        #expect(scale.domain.high == 0.5)
        let labelled = scale.ticks.filter(\.major)
        #expect(labelled.map(\.value) == [0.01, 0.1])
        #expect(labelled.map(\.label) == [Scale.powerLabel(-2), Scale.powerLabel(-1)])
        #expect(Scale.powerLabel(-2) == "10<tspan dy=\"-0.5em\" font-size=\"75%\">−2</tspan>")
        // the minor ticks between them are 2..9 x 10^k inside the axis
        #expect(scale.ticks.filter { !$0.major }.count == 8 + 8 + 4) // 0.002...0.009, 0.02...0.09, 0.2...0.5
    }

    @Test func shortLogAxesLabelPlainMultiples() {
        let scale = Scale.log(covering: 0.22, 0.48)
        #expect(scale.domain.low == 0.2)
        #expect(scale.domain.high == 0.5)
        #expect(scale.ticks.filter(\.major).map(\.label) == ["0.2", "0.3", "0.4", "0.5"])
        #expect(abs(scale.fraction(0.2)) < 1e-12)
        #expect(abs(scale.fraction(0.5) - 1) < 1e-12)
        #expect(abs(scale.fraction((0.2 * 0.5).squareRoot()) - 0.5) < 1e-12) // the geometric mean is half-way
    }

    @Test func linearTicksAreRoundSteps() {
        let scale = Scale.linear(from: 0, through: 50)
        #expect(scale.ticks.map(\.label) == ["0", "10", "20", "30", "40", "50"])
        #expect(Scale.linear(from: 0, through: 100).ticks.map(\.value) == [0, 20, 40, 60, 80, 100])
        #expect(Scale.linear(from: 0, through: 0.7).ticks.map(\.label) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    @Test func crowdedLabelsKeepPowersOfTen() {
        let ticks = Scale.log(low: 0.1, high: 1).ticks
        // at 100 px for the decade, 0.2 ... 0.9 crowd each other near the top
        let kept = LinePlot.uncrowded(ticks, position: { 100 * Scale.log(low: 0.1, high: 1).fraction($0) }, spacing: 16).filter(\.major)
        #expect(kept.first?.value == 0.1)
        #expect(kept.contains { $0.value == 1 })
        #expect(kept.contains { $0.value == 0.2 } && kept.contains { $0.value == 0.5 })
        #expect(!kept.contains { $0.value == 0.9 })
    }

    @Test func meanOverTimeCarriesEachRunsIncumbentForward() {
        // run A: values 4, 2 finished at t = 1, 3; run B: 6, 1 finished at t = 2, 5
        let curve = MeanCurve(time: [[4, 2], [6, 1]], times: [[1, 3], [2, 5]], points: 3)
        // grid from 2 (both runs started) to 5, log-spaced: 2, sqrt(10), 5
        #expect(curve.x.count == 3)
        #expect(abs(curve.x[1] - 10.0.squareRoot()) < 1e-12)
        #expect(curve.mean == [5, 4, 1.5])
        #expect(curve.standardError[0] == 1)
    }

    @Test func markupIsEscaped() {
        #expect(Markup.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(Markup.coordinate(-0.01) == "0.0")
        #expect(Markup.coordinate(12.345) == "12.3")
    }
}
