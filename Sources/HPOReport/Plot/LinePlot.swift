/// A line plot written by hand as SVG: mean lines with shaded bands, optional faint lines per
/// run, a reference line, axes with ticks and labels, and a legend beside the plot.
public struct LinePlot: Sendable {
    /// A point in data coordinates.
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var y: Double
        /// The point (x, y).
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// A shaded interval at one x.
    public struct BandPoint: Hashable, Sendable {
        public var x: Double
        /// The band's lower and upper edge at x.
        public var low: Double
        public var high: Double
        /// The interval low ... high at x.
        public init(x: Double, low: Double, high: Double) { self.x = x; self.low = low; self.high = high }
    }

    /// One curve with its band and its single runs.
    public struct Series: Sendable {
        /// The legend's name of the series.
        public var name: String
        /// An SVG colour, e.g. `#0072B2`.
        public var colour: String
        /// An SVG dash pattern of the main line, or `nil` for solid.
        public var dash: String?
        /// The main line (e.g. the mean over runs).
        public var line: [Point]
        /// The shaded band around it (empty for none).
        public var band: [BandPoint]
        /// Faint lines, one per run (empty for none).
        public var runs: [[Point]]

        /// A series; band and runs are optional.
        public init(name: String, colour: String, dash: String? = nil, line: [Point], band: [BandPoint] = [], runs: [[Point]] = []) {
            self.name = name
            self.colour = colour
            self.dash = dash
            self.line = line
            self.band = band
            self.runs = runs
        }
    }

    /// A horizontal line at a known value, e.g. the optimum.
    public struct Reference: Hashable, Sendable {
        /// The value the line marks.
        public var y: Double
        /// Its legend text.
        public var label: String
        /// A reference line at `y`.
        public init(y: Double, label: String) { self.y = y; self.label = label }
    }

    /// The title over the plot.
    public var title: String
    /// The x-axis label, with its unit.
    public var xLabel: String
    /// The y-axis label, with its unit.
    public var yLabel: String
    /// The axes' scales.
    public var xScale: Scale
    public var yScale: Scale
    /// The curves, drawn in order, and the legend's entries.
    public var series: [Series]
    /// A dashed horizontal line, if any.
    public var reference: Reference?
    /// What the band shows, for the legend, e.g. `mean ± 1 standard error`.
    public var bandLabel: String
    /// What the faint lines show, for the legend.
    public var runsLabel: String
    /// On a log y-axis, draw values of 0 or less in a row of their own under the axis, labelled 0
    /// (else they sit on the bottom edge).
    public var showsZero: Bool
    /// Size in pixels, legend included.
    public var width: Double
    /// Height in pixels, legend included.
    public var height: Double

    /// Creates a plot.
    public init(
        title: String, xLabel: String, yLabel: String, xScale: Scale, yScale: Scale, series: [Series],
        reference: Reference? = nil, bandLabel: String = "", runsLabel: String = "single runs", showsZero: Bool = false,
        width: Double = 560, height: Double = 400
    ) {
        self.showsZero = showsZero
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.series = series
        self.reference = reference
        self.bandLabel = bandLabel
        self.runsLabel = runsLabel
        self.width = width
        self.height = height
    }

    // MARK: - Layout

    private static let tickFont = 12.0
    private static let labelFont = 13.0
    private static let titleFont = 14.0
    private static let legendFont = 12.0

    /// Rough width of `text` in pixels at `size` (DejaVu Sans averages about 0.6 em a glyph).
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    static func isLog(_ scale: Scale) -> Bool {
        if case .log = scale { true } else { false }
    }

    /// The ticks with the labels of lower priority turned into minor ticks where they would
    /// come closer than `spacing` pixels to a label already kept.
    static func uncrowded(_ ticks: [Scale.Tick], position: (Double) -> Double, spacing: Double) -> [Scale.Tick] {
        var ticks = ticks
        var kept: [Double] = []
        for priority in 0...2 {
            for i in ticks.indices where ticks[i].major && ticks[i].priority == priority {
                let p = position(ticks[i].value)
                if kept.contains(where: { abs($0 - p) < spacing }) {
                    ticks[i].major = false
                    ticks[i].label = ""
                } else {
                    kept.append(p)
                }
            }
        }
        return ticks
    }

    private struct LegendEntry {
        enum Swatch { case line(colour: String, dash: String?, width: Double, opacity: Double), band }
        var swatch: Swatch
        var text: String
    }

    private var legendEntries: [LegendEntry] {
        var entries = series.map {
            LegendEntry(swatch: .line(colour: $0.colour, dash: $0.dash, width: 2.4, opacity: 1), text: $0.name)
        }
        if series.contains(where: { !$0.band.isEmpty }), !bandLabel.isEmpty {
            entries.append(LegendEntry(swatch: .band, text: bandLabel))
        }
        if let first = series.first(where: { !$0.runs.isEmpty }) {
            entries.append(LegendEntry(swatch: .line(colour: first.colour, dash: nil, width: 1, opacity: 0.35), text: runsLabel))
        }
        if let reference {
            entries.append(LegendEntry(swatch: .line(colour: "#555555", dash: "3 3", width: 1.4, opacity: 1), text: reference.label))
        }
        return entries
    }

    /// The plot as a standalone SVG document.
    public func svg() -> String {
        let left = 72.0, top = 34.0, right = 18.0
        // the legend flows in rows under the x-axis label
        let entries = legendEntries
        var rows: [[(entry: LegendEntry, x: Double)]] = [[]]
        var cursor = left
        for entry in entries {
            let entryWidth = 36 + Self.textWidth(entry.text, size: Self.legendFont) + 20
            if cursor + entryWidth > width - right, !(rows.last?.isEmpty ?? true) {
                rows.append([])
                cursor = left
            }
            rows[rows.count - 1].append((entry, cursor))
            cursor += entryWidth
        }
        let legendHeight = entries.isEmpty ? 0 : Double(rows.count) * 20 + 6
        let bottom = 50 + legendHeight
        let plotWidth = max(80, width - left - right), plotHeight = max(80, height - top - bottom)
        var canvas = SVGCanvas(width: width, height: height)

        func px(_ x: Double) -> Double { left + plotWidth * min(1, max(0, xScale.fraction(x))) }
        // on a log axis, values <= 0 (regret 0: the run is at the optimum) get a row of their own
        // under the axis's range, labelled 0, instead of vanishing
        let zeroRow = showsZero && Self.isLog(yScale) ? 20.0 : 0
        let logHeight = plotHeight - zeroRow
        func py(_ y: Double) -> Double {
            if zeroRow > 0, y <= 0 { return top + plotHeight - 6 }
            return top + logHeight * (1 - min(1, max(0, yScale.fraction(y))))
        }

        let titleWidth = Self.textWidth(title, size: Self.titleFont) * 1.1 // bold runs wider
        let titleSize = titleWidth > width - left - right ? Self.titleFont * (width - left - right) / titleWidth : Self.titleFont
        canvas.text(Markup.escape(title), x: left, y: 20, size: titleSize, weight: "bold")

        // grid and ticks
        if zeroRow > 0 {
            canvas.rectangle(x: left, y: top + logHeight, width: plotWidth, height: zeroRow, fill: "#f4f4f4")
            canvas.line(x1: left, y1: top + logHeight, x2: left + plotWidth, y2: top + logHeight, stroke: "#999999", dash: "4 3")
            canvas.line(x1: left - 5, y1: py(0), x2: left, y2: py(0), stroke: "#444444")
            canvas.text("0", x: left - 8, y: py(0) + 4, size: Self.tickFont, anchor: .end)
        }
        for tick in Self.uncrowded(yScale.ticks, position: py, spacing: 16) {
            let y = py(tick.value)
            if tick.major {
                canvas.line(x1: left, y1: y, x2: left + plotWidth, y2: y, stroke: "#e3e3e3")
                canvas.line(x1: left - 5, y1: y, x2: left, y2: y, stroke: "#444444")
                canvas.text(tick.label, x: left - 8, y: y + 4, size: Self.tickFont, anchor: .end)
            } else {
                canvas.line(x1: left - 3, y1: y, x2: left, y2: y, stroke: "#777777")
            }
        }
        for tick in Self.uncrowded(xScale.ticks, position: px, spacing: 44) {
            let x = px(tick.value)
            if tick.major {
                canvas.line(x1: x, y1: top, x2: x, y2: top + plotHeight, stroke: "#e3e3e3")
                canvas.line(x1: x, y1: top + plotHeight, x2: x, y2: top + plotHeight + 5, stroke: "#444444")
                canvas.text(tick.label, x: x, y: top + plotHeight + 19, size: Self.tickFont, anchor: .middle)
            } else {
                canvas.line(x1: x, y1: top + plotHeight, x2: x, y2: top + plotHeight + 3, stroke: "#777777")
            }
        }

        // data: bands, then single runs, then the reference, then the main lines on top
        for s in series where !s.band.isEmpty {
            let upper = s.band.map { (x: px($0.x), y: py($0.high)) }
            let lower = s.band.reversed().map { (x: px($0.x), y: py($0.low)) }
            canvas.polygon(upper + lower, fill: s.colour, opacity: 0.18)
        }
        for s in series {
            for run in s.runs {
                canvas.polyline(run.map { (x: px($0.x), y: py($0.y)) }, stroke: s.colour, width: 0.8, opacity: 0.22)
            }
        }
        if let reference {
            let y = py(reference.y)
            canvas.line(x1: left, y1: y, x2: left + plotWidth, y2: y, stroke: "#555555", width: 1.4, dash: "3 3")
        }
        for s in series {
            canvas.polyline(s.line.map { (x: px($0.x), y: py($0.y)) }, stroke: s.colour, width: 2.4, dash: s.dash)
        }

        // frame and axis labels
        canvas.rectangle(x: left, y: top, width: plotWidth, height: plotHeight, fill: "none", stroke: "#444444")
        canvas.text(Markup.escape(xLabel), x: left + plotWidth / 2, y: top + plotHeight + 40, size: Self.labelFont, anchor: .middle)
        canvas.text(Markup.escape(yLabel), x: 18, y: top + plotHeight / 2, size: Self.labelFont, anchor: .middle, rotate: -90)

        // legend
        for (r, row) in rows.enumerated() {
            let y = top + plotHeight + 50 + 14 + Double(r) * 20
            for (entry, x) in row {
                switch entry.swatch {
                case .line(let colour, let dash, let lineWidth, let opacity):
                    canvas.polyline([(x: x, y: y - 4), (x: x + 28, y: y - 4)], stroke: colour, width: lineWidth, opacity: opacity, dash: dash)
                case .band:
                    canvas.rectangle(x: x, y: y - 10, width: 28, height: 12, fill: series.count == 1 ? series[0].colour : "#666666", opacity: 0.18)
                }
                canvas.text(Markup.escape(entry.text), x: x + 36, y: y, size: Self.legendFont)
            }
        }

        let names = series.map(\.name).joined(separator: ", ")
        return canvas.document(title: title, description: "\(yLabel) against \(xLabel) for \(names).")
    }
}
