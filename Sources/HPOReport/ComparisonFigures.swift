import HPORun

/// The figures of a comparison: per optimizer its trajectory (the original report's figures
/// 1-3), and all optimizers together against evaluations and against simulated time (figure 4).
///
/// Every band is the mean ± one standard error of the mean over the runs.
public struct ComparisonFigures: Sendable {
    /// One results document per optimizer.
    public let documents: [ResultsDocument]
    /// The benchmark's optimum, drawn as a reference line on plots of observed values.
    public let optimum: Double?
    /// What an evaluation measures, e.g. `validation MSE` (see ``Benchmark/valueName``).
    public let valueName: String

    /// The figures of `documents` (one per optimizer) of a benchmark whose evaluations measure
    /// `valueName`.
    public init(documents: [ResultsDocument], optimum: Double?, valueName: String = "validation MSE") {
        self.documents = documents
        self.optimum = optimum
        self.valueName = valueName
    }

    /// Whether the benchmark is an FCNet-like table whose true value is a mean over seeds.
    private var isTabular: Bool { valueName == "validation MSE" }

    /// The noise-free value's name: the mean over the seeds for a table.
    private var trueValueName: String { isTabular ? "mean validation MSE" : "noise-free \(valueName)" }

    private func axisLabel(_ metric: Metric) -> String {
        metric.axisLabel(trueValueName: trueValueName, valueName: valueName)
    }

    /// The y axis of `values`: logarithmic when all are positive (regret's zeros go in the zero
    /// row), with a floor 10 decades under the largest so a regret of 10⁻¹⁶ does not stretch it;
    /// linear when an observed value is zero or negative (e.g. Hartmann's).
    private func yScale(_ values: [Double], metric: Metric) -> Scale {
        let finite = values.filter(\.isFinite)
        if metric == .observed, let low = finite.min(), low <= 0, let high = finite.max() {
            let margin = max((high - low) * 0.05, 1e-9)
            return .linear(low: low - margin, high: high + margin)
        }
        let positive = finite.filter { $0 > 0 }
        guard let high = positive.max() else { return .log(covering: 0.1, 1) }
        return .log(covering: max(positive.min() ?? high, high * 1e-10), high)
    }

    static let bandLabel = "mean ± 1 standard error"
    static let zeroNote = "Values of 0 (runs at the optimum) are drawn in the grey row marked 0 under the log axis."

    private func protocolText(_ document: ResultsDocument) -> String {
        "\(document.runs.count) runs × \(document.evaluations) evaluations"
    }

    /// The trajectory of one optimizer: the mean over runs with its band and each run faintly.
    public func trajectory(_ index: Int, metric: Metric) -> Figure {
        let document = documents[index]
        let runs = document.runs.map(metric.values(of:))
        let curve = MeanCurve(evaluations: runs)
        let runLines = runs.map { values in values.enumerated().map { LinePlot.Point(x: Double($0.offset + 1), y: $0.element) } }
        var extent = curve.mean + curve.band.flatMap { [$0.low, $0.high] } + runs.flatMap { $0 }
        if metric == .observed, let optimum { extent.append(optimum) }
        let plot = LinePlot(
            title: "\(document.optimizer) on \(document.benchmark)",
            xLabel: "function evaluations", yLabel: axisLabel(metric),
            xScale: .linear(from: 0, through: Double(document.evaluations)),
            yScale: yScale(extent, metric: metric),
            series: [LinePlot.Series(
                name: "\(document.optimizer): mean of \(document.runs.count) runs", colour: Palette.colour(index),
                line: curve.line, band: curve.band, runs: runLines)],
            reference: metric == .observed ? optimum.map { .init(y: $0, label: isTabular ? "global optimum (mean over seeds)" : "global optimum") } : nil,
            bandLabel: Self.bandLabel, showsZero: metric == .regret)
        let what = metric == .regret
            ? "Regret of the incumbent (its \(trueValueName) minus the optimum) after each evaluation. \(Self.zeroNote)"
            : isTabular
            ? "Best validation MSE observed so far (one noisy seed per evaluation, as the original report plotted it; for a configuration evaluated more than once, the mean of its observations); the dashed line is the optimum's mean over the seeds."
            : "Best \(valueName) observed so far (for a configuration evaluated more than once, the mean of its observations); the dashed line is the global optimum."
        return Figure(
            fileName: "\(document.optimizer)-\(metric.rawValue).svg", svg: plot.svg(),
            caption: "\(document.optimizer), \(protocolText(document)). \(what) Thick line and band: \(Self.bandLabel) over the runs; thin lines: single runs.")
    }

    /// All optimizers against the number of evaluations.
    public func comparison(metric: Metric) -> Figure {
        let curves = documents.map { MeanCurve(evaluations: $0.runs.map(metric.values(of:))) }
        var extent = curves.flatMap { $0.mean + $0.band.flatMap { [$0.low, $0.high] } }
        if metric == .observed, let optimum { extent.append(optimum) }
        let evaluations = documents.map(\.evaluations).max() ?? 1
        let plot = LinePlot(
            title: "All optimizers on \(documents.first?.benchmark ?? "")",
            xLabel: "function evaluations", yLabel: axisLabel(metric),
            xScale: .linear(from: 0, through: Double(evaluations)),
            yScale: yScale(extent, metric: metric),
            series: series(curves), reference: metric == .observed ? optimum.map { .init(y: $0, label: "global optimum") } : nil,
            bandLabel: Self.bandLabel, showsZero: metric == .regret)
        let what = metric == .regret ? "Regret of the incumbent after each evaluation. \(Self.zeroNote)" : "Best \(valueName) observed so far (noisy; the mean of its observations for a configuration evaluated more than once)."
        return Figure(
            fileName: "comparison-\(metric.rawValue).svg", svg: plot.svg(),
            caption: "All optimizers, \(documents.first.map(protocolText) ?? ""). \(what) Lines and bands: \(Self.bandLabel) over the runs.")
    }

    /// All optimizers against simulated wall-clock time: the training runtimes of the evaluated
    /// configurations summed (the cost the benchmark records), on a log axis.
    public func comparisonOverTime(metric: Metric = .regret) -> Figure {
        let curves = documents.map { document in
            MeanCurve(time: document.runs.map(metric.values(of:)), times: document.runs.map(Self.cumulativeCost))
        }
        let extent = curves.flatMap { $0.mean + $0.band.flatMap { [$0.low, $0.high] } }
        let times = curves.flatMap(\.x)
        let plot = LinePlot(
            title: "All optimizers on \(documents.first?.benchmark ?? ""), against simulated time",
            xLabel: isTabular ? "simulated wall-clock time (seconds of training, summed)" : "simulated cost (evaluation costs, summed)",
            yLabel: axisLabel(metric),
            xScale: .log(covering: times.min() ?? 1, times.max() ?? 10),
            yScale: yScale(extent, metric: metric),
            series: series(curves), bandLabel: Self.bandLabel, showsZero: metric == .regret)
        return Figure(
            fileName: "comparison-\(metric.rawValue)-time.svg", svg: plot.svg(),
            caption: "All optimizers, \(documents.first.map(protocolText) ?? ""), against the time the evaluations would have taken: each run's value at time t is its incumbent after the evaluations finished by t. Curves start once every run has finished its first evaluation; a run that has used its budget keeps its final value. \(Self.zeroNote)")
    }

    private func series(_ curves: [MeanCurve]) -> [LinePlot.Series] {
        zip(documents, curves).enumerated().map { i, pair in
            LinePlot.Series(name: pair.0.optimizer, colour: Palette.colour(i), dash: Palette.dash(i), line: pair.1.line, band: pair.1.band)
        }
    }

    static func cumulativeCost(_ run: ResultsDocument.RunRecord) -> [Double] {
        var total = 0.0
        return run.trials.map { total += $0.cost; return total }
    }
}
