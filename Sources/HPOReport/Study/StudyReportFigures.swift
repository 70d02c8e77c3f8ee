import Foundation
import HPOSpace
import HPOSurrogate

/// The figures of a ``StudyReport``. Large studies are thinned to a few thousand marks per
/// figure (every k-th trial plus the best ones), so that a page of 10,000 trials stays small.
struct StudyReportFigures {
    let report: StudyReport
    let analysis: FunctionalANOVA?
    let importance: ParameterImportance?

    /// The most marks a scatter plot draws.
    static let pointLimit = 2000
    /// The most lines parallel coordinates draw.
    static let lineLimit = 400
    /// Grid points of a marginal curve of a continuous parameter, and per side of the contour.
    static let curvePoints = 60
    static let contourCells = 40

    private static let failedColour = "#D55E00"
    private static let pointColour = "#0072B2"
    private static let bestColour = "#000000"

    private var complete: [StudyReport.Trial] { report.trials.filter(\.isComplete) }

    /// At most `limit` of `trials`: every k-th, plus the 50 of lowest loss, in id order.
    static func thinned(_ trials: [StudyReport.Trial], limit: Int) -> [StudyReport.Trial] {
        guard trials.count > limit else { return trials }
        let step = (trials.count + limit - 1) / limit
        var keep = Set(stride(from: 0, to: trials.count, by: step).map { trials[$0].id })
        for trial in trials.filter(\.isComplete).sorted(by: { $0.value! < $1.value! }).prefix(50) { keep.insert(trial.id) }
        return trials.filter { keep.contains($0.id) }
    }

    private func mark(_ canvas: inout SVGCanvas, x: Double, y: Double, colour: String, size: Double = 5) {
        canvas.rectangle(x: x - size / 2, y: y - size / 2, width: size, height: size, fill: colour, opacity: 0.75)
    }

    // MARK: - History

    /// The loss and the best so far against the trial number and against the wall-clock time.
    func history() -> [Figure] {
        let start = report.trials.map(\.startedAt).min() ?? Date(timeIntervalSince1970: 0)
        func time(_ trial: StudyReport.Trial) -> Double { (trial.finishedAt ?? trial.startedAt).timeIntervalSince(start) }
        return [
            historyFigure(file: "history-trials.svg", xLabel: "trial number", x: { Double($0.id) }),
            historyFigure(file: "history-time.svg", xLabel: "wall-clock time since the first trial started (s)", x: time),
        ]
    }

    private func historyFigure(file: String, xLabel: String, x: (StudyReport.Trial) -> Double) -> Figure {
        let ordered = report.trials.sorted { x($0) < x($1) || (x($0) == x($1) && $0.id < $1.id) }
        let xs = ordered.map(x)
        let frame = PlotFrame(
            x: PlotAxis.values(xs), y: PlotAxis.values(complete.compactMap(\.value)), canvasWidth: 560, canvasHeight: 360)
        var canvas = SVGCanvas(width: 560, height: 360)
        frame.draw(on: &canvas, title: "Loss by \(xLabel.hasPrefix("trial") ? "trial" : "time")", xLabel: xLabel, yLabel: "loss")
        for trial in Self.thinned(ordered, limit: Self.pointLimit) {
            if trial.isComplete {
                mark(&canvas, x: frame.px(x(trial)), y: frame.py(trial.value!), colour: Self.pointColour, size: 4)
            } else if trial.state == "failed" {
                // Failed trials have no loss: a cross on the bottom edge.
                let (cx, cy) = (frame.px(x(trial)), frame.top + frame.height - 5)
                canvas.line(x1: cx - 3, y1: cy - 3, x2: cx + 3, y2: cy + 3, stroke: Self.failedColour, width: 1.4)
                canvas.line(x1: cx - 3, y1: cy + 3, x2: cx + 3, y2: cy - 3, stroke: Self.failedColour, width: 1.4)
            }
        }
        var best = Double.infinity
        var steps: [(x: Double, y: Double)] = []
        for trial in ordered where trial.isComplete && trial.value! < best {
            if let last = steps.last { steps.append((frame.px(x(trial)), last.y)) }
            best = trial.value!
            steps.append((frame.px(x(trial)), frame.py(best)))
        }
        if let last = steps.last, let end = xs.last { steps.append((frame.px(end), last.y)) }
        canvas.polyline(steps, stroke: Self.bestColour, width: 2)
        let failed = report.trials.filter { $0.state == "failed" }.count
        let caption = "Each complete trial's loss (blue squares) and the best loss so far (black line) against the \(xLabel)"
            + (failed > 0 ? "; the \(failed) failed trials are red crosses on the bottom edge." : ".")
            + (report.trials.count > Self.pointLimit ? " Every k-th trial and the 50 best are drawn." : "")
        return Figure(fileName: file, svg: canvas.document(title: "Loss by \(xLabel)", description: caption), caption: caption)
    }

    // MARK: - Importance

    /// The main effects as horizontal bars with their spread over the trees.
    func importanceBars() -> [Figure] {
        guard let importance else { return [] }
        let effects = Array(importance.mainEffects.prefix(20))
        let height = 56 + 24 * Double(effects.count)
        var canvas = SVGCanvas(width: 560, height: height)
        let labelWidth = 150.0, barLeft = 160.0, barWidth = 340.0
        canvas.text("Share of the loss's variance", x: 10, y: 20, size: 14, weight: "bold")
        let top = max(effects.map { $0.share + $0.spread }.max() ?? 1, 0.05)
        for (i, effect) in effects.enumerated() {
            let y = 36 + 24 * Double(i)
            canvas.text(Markup.escape(PlotAxis.shortened(effect.parameters.joined())), x: labelWidth, y: y + 13, size: 12, anchor: .end)
            canvas.rectangle(x: barLeft, y: y + 2, width: barWidth * effect.share / top, height: 16, fill: Palette.colour(0))
            let low = barLeft + barWidth * max(effect.share - effect.spread, 0) / top
            let high = barLeft + barWidth * (effect.share + effect.spread) / top
            canvas.line(x1: low, y1: y + 10, x2: high, y2: y + 10, stroke: "#222222", width: 1.2)
            canvas.text(String(format: "%.1f%%", 100 * effect.share), x: min(high + 6, 520), y: y + 14, size: 11)
        }
        let caption = "fANOVA main effects of \(importance.trialCount) complete trials (\(importance.treeCount) trees): the bar is the mean share over the trees, the whisker ± its standard deviation."
        return [Figure(fileName: "importance.svg", svg: canvas.document(title: "Parameter importance", description: caption), caption: caption)]
    }

    // MARK: - Marginals

    /// The grid of internal values a marginal curve of parameter `f` is drawn at.
    func curveGrid(_ f: Int) -> [Double] {
        let parameter = report.space.parameters[f]
        if let count = parameter.domain.cardinality, count <= 64 {
            let low = parameter.indexBounds.low
            return (0..<count).map { low + Double($0) }
        }
        return (0...Self.curvePoints).map { parameter.internalValue(fromUnit: Double($0) / Double(Self.curvePoints)) }
    }

    /// The forest's marginal prediction of parameter `f` on its ``curveGrid(_:)``.
    func marginalCurve(_ f: Int) -> [FunctionalANOVA.Marginal]? {
        analysis?.marginal(parameter: f, at: curveGrid(f))
    }

    /// One slice plot per parameter, the most important first: the losses against the value,
    /// with the forest's marginal prediction and ± one standard deviation over its trees.
    func slices() -> [Figure] {
        let order = importance?.mainEffects.map { $0.indices[0] } ?? Array(report.space.parameters.indices)
        let shown = Self.thinned(complete, limit: Self.pointLimit)
        let curves = order.map { marginalCurve($0) }
        let allY = complete.compactMap(\.value) + curves.flatMap { $0 ?? [] }.flatMap { [$0.mean - $0.spread, $0.mean + $0.spread] }
        let yAxis = PlotAxis.values(allY)
        return zip(order, curves).map { f, curve in
            let parameter = report.space.parameters[f]
            let frame = PlotFrame(x: PlotAxis.parameter(parameter), y: yAxis, canvasWidth: 420, canvasHeight: 300)
            var canvas = SVGCanvas(width: 420, height: 300)
            frame.draw(on: &canvas, title: parameter.name, xLabel: parameter.name, yLabel: "loss")
            if let curve {
                let grid = curveGrid(f)
                let upper = zip(grid, curve).map { (x: frame.px($0), y: frame.py($1.mean + $1.spread)) }
                let lower = zip(grid, curve).reversed().map { (x: frame.px($0), y: frame.py($1.mean - $1.spread)) }
                canvas.polygon(upper + lower, fill: Palette.colour(1), opacity: 0.2)
                canvas.polyline(zip(grid, curve).map { (x: frame.px($0), y: frame.py($1.mean)) }, stroke: Palette.colour(1), width: 2)
            }
            for trial in shown {
                mark(&canvas, x: frame.px(trial.configuration[f]), y: frame.py(trial.value!), colour: Self.pointColour, size: 4)
            }
            let caption = "Loss against \(parameter.name)" + (curve == nil
                ? " (no forest: it needs at least 2 complete trials whose losses differ)."
                : "; orange: the forest's prediction averaged over the other parameters, band ± one standard deviation over the trees.")
            return Figure(fileName: "slice-\(f).svg", svg: canvas.document(title: "Loss against \(parameter.name)", description: caption), caption: caption)
        }
    }

    /// The grid of internal values of a contour axis of parameter `f`.
    func contourGrid(_ f: Int) -> [Double] {
        let parameter = report.space.parameters[f]
        if let count = parameter.domain.cardinality, count <= Self.contourCells {
            let low = parameter.indexBounds.low
            return (0..<count).map { low + Double($0) }
        }
        let n = Self.contourCells
        return (0..<n).map { parameter.internalValue(fromUnit: (Double($0) + 0.5) / Double(n)) }
    }

    /// The two parameters of the largest main effects, if there are two and an analysis.
    var contourParameters: (Int, Int)? {
        guard let importance, analysis != nil, importance.mainEffects.count >= 2 else { return nil }
        return (importance.mainEffects[0].indices[0], importance.mainEffects[1].indices[0])
    }

    /// The forest's joint marginal prediction of the two most important parameters as a heat map.
    func contour() -> Figure? {
        guard let (f, g) = contourParameters, let analysis else { return nil }
        let xs = contourGrid(f), ys = contourGrid(g)
        let grid = analysis.marginal(f, g, at: xs, ys)
        let values = grid.flatMap { $0 }
        let low = values.min() ?? 0, high = values.max() ?? 1
        let (pf, pg) = (report.space.parameters[f], report.space.parameters[g])
        let frame = PlotFrame(x: PlotAxis.parameter(pf), y: PlotAxis.parameter(pg), canvasWidth: 560, canvasHeight: 440, right: 70)
        var canvas = SVGCanvas(width: 560, height: 440)
        // Each grid point fills the cell between the midpoints to its neighbours.
        func edges(_ points: [Double], _ map: (Double) -> Double, _ start: Double, _ end: Double) -> [Double] {
            let p = points.map(map)
            return [start] + zip(p, p.dropFirst()).map { ($0 + $1) / 2 } + [end]
        }
        let xEdges = edges(xs, frame.px, frame.left, frame.left + frame.width)
        let yEdges = edges(ys, frame.py, frame.top + frame.height, frame.top)
        for i in xs.indices {
            for j in ys.indices {
                let t = high > low ? (grid[i][j] - low) / (high - low) : 0.5
                canvas.rectangle(
                    x: xEdges[i], y: yEdges[j + 1], width: xEdges[i + 1] - xEdges[i], height: yEdges[j] - yEdges[j + 1],
                    fill: ColourRamp.colour(t))
            }
        }
        frame.draw(on: &canvas, title: "Forest prediction over \(pf.name) and \(pg.name)", xLabel: pf.name, yLabel: pg.name)
        for trial in Self.thinned(complete, limit: Self.pointLimit / 2) {
            canvas.rectangle(
                x: frame.px(trial.configuration[f]) - 1.5, y: frame.py(trial.configuration[g]) - 1.5, width: 3, height: 3,
                fill: "#ffffff", stroke: "#000000")
        }
        // Colour key.
        let keyX = frame.left + frame.width + 16
        for k in 0..<20 {
            let t = 1 - Double(k) / 19
            canvas.rectangle(x: keyX, y: frame.top + Double(k) * frame.height / 20, width: 14, height: frame.height / 20 + 0.5, fill: ColourRamp.colour(t))
        }
        canvas.text(HTMLFormat.number(high), x: keyX, y: frame.top - 4, size: 10)
        canvas.text(HTMLFormat.number(low), x: keyX, y: frame.top + frame.height + 12, size: 10)
        let caption = "The forest's mean prediction of the loss over \(pf.name) and \(pg.name), the two parameters of largest main effect, averaged over all other parameters (dark: low loss); white squares are trials."
        return Figure(fileName: "contour.svg", svg: canvas.document(title: "Contour of \(pf.name) and \(pg.name)", description: caption), caption: caption)
    }

    // MARK: - Parallel coordinates

    /// One line per complete trial across every parameter's axis and the loss, coloured by loss.
    func parallelCoordinates() -> Figure? {
        guard !complete.isEmpty else { return nil }
        let parameters = report.space.parameters
        let axes = parameters.map(PlotAxis.parameter) + [PlotAxis.values(complete.compactMap(\.value))]
        let names = parameters.map(\.name) + ["loss"]
        let width = max(560, 90 * Double(axes.count) + 40), height = 380.0
        var canvas = SVGCanvas(width: width, height: height)
        let left = 50.0, top = 44.0, plotHeight = height - top - 46
        let gap = (width - 2 * left) / Double(max(axes.count - 1, 1))
        func point(_ a: Int, _ value: Double) -> (x: Double, y: Double) {
            (left + gap * Double(a), top + plotHeight * (1 - axes[a].fraction(value)))
        }
        canvas.text("Parallel coordinates", x: 10, y: 20, size: 14, weight: "bold")
        let values = complete.compactMap(\.value)
        let low = values.min()!, high = values.max()!
        // The worst first, so the best lie on top; at most lineLimit lines (the best kept).
        var lines = complete.sorted { $0.value! > $1.value! }
        if lines.count > Self.lineLimit {
            let step = (lines.count + Self.lineLimit / 2 - 1) / (Self.lineLimit / 2)
            let best = lines.suffix(Self.lineLimit / 2)
            lines = stride(from: 0, to: lines.count - best.count, by: step).map { lines[$0] } + best
        }
        for trial in lines {
            let points = (0..<axes.count).map { a in point(a, a < parameters.count ? trial.configuration[a] : trial.value!) }
            let t = high > low ? (trial.value! - low) / (high - low) : 0.5
            canvas.polyline(points, stroke: ColourRamp.colour(t), width: 1, opacity: 0.6)
        }
        for (a, axis) in axes.enumerated() {
            let x = left + gap * Double(a)
            canvas.line(x1: x, y1: top, x2: x, y2: top + plotHeight, stroke: "#444444")
            canvas.text(Markup.escape(PlotAxis.shortened(names[a])), x: x, y: top - 10, size: 11, anchor: .middle, weight: "bold")
            for tick in axis.ticks(maximum: 6) {
                canvas.text(tick.label, x: x + 4, y: point(a, tick.value).y + 4, size: 10)
            }
        }
        let caption = "Each complete trial as a line through its parameter values and its loss, coloured by loss (dark: low)"
            + (complete.count > Self.lineLimit ? "; the \(Self.lineLimit / 2) best and an even sample of the rest are drawn." : ".")
        return Figure(fileName: "parallel.svg", svg: canvas.document(title: "Parallel coordinates", description: caption), caption: caption)
    }

    // MARK: - Timeline

    /// Each worker's trials as bars over wall-clock time (failed ones red); bars closer than a
    /// pixel merge, so that a large study draws few.
    func timeline() -> [Figure] {
        guard let start = report.trials.map(\.startedAt).min() else { return [] }
        let workers = Array(Set(report.trials.map { $0.worker ?? "unknown" })).sorted()
        let rows = Array(workers.prefix(40))
        let end = report.trials.map { ($0.finishedAt ?? $0.startedAt).timeIntervalSince(start) }.max() ?? 1
        let height = 34 + 52 + max(60, 22 * Double(rows.count))
        var canvas = SVGCanvas(width: 560, height: height)
        let frame = PlotFrame(
            x: PlotAxis(kind: .scale(.linear(low: 0, high: max(end, 1e-3)))), y: PlotAxis(kind: .categories(rows.map { PlotAxis.shortened($0) })),
            canvasWidth: 560, canvasHeight: height)
        var adjusted = frame
        adjusted.left = 130
        adjusted.width = 560 - 130 - 18
        adjusted.draw(on: &canvas, title: "Trials per worker", xLabel: "wall-clock time since the first trial started (s)", yLabel: "")
        for (r, worker) in rows.enumerated() {
            var bars: [(x0: Double, x1: Double, failed: Bool)] = []
            for trial in report.trials where (trial.worker ?? "unknown") == worker {
                let x0 = adjusted.px(trial.startedAt.timeIntervalSince(start))
                let x1 = max(adjusted.px((trial.finishedAt ?? trial.startedAt).timeIntervalSince(start)), x0 + 1)
                let failed = trial.state == "failed"
                if let last = bars.last, last.failed == failed, x0 - last.x1 < 1 {
                    bars[bars.count - 1].x1 = max(last.x1, x1)
                } else {
                    bars.append((x0, x1, failed))
                }
            }
            let y = adjusted.py(Double(r))
            for bar in bars {
                canvas.rectangle(x: bar.x0, y: y - 7, width: bar.x1 - bar.x0, height: 14, fill: bar.failed ? Self.failedColour : Self.pointColour)
            }
        }
        let caption = "When each worker (process@host) evaluated its trials; red: failed."
            + (workers.count > rows.count ? " The first \(rows.count) of \(workers.count) workers are shown." : "")
        return [Figure(fileName: "timeline.svg", svg: canvas.document(title: "Trials per worker", description: caption), caption: caption)]
    }
}
