/// The frame of one of the study report's plots on an ``SVGCanvas``: a title, a plot area with
/// gridlines, ticks and axis labels, and the maps from data to pixels.
struct PlotFrame {
    var x: PlotAxis
    var y: PlotAxis
    var left = 72.0
    var top = 34.0
    var width: Double
    var height: Double

    /// A frame filling a canvas of `canvasWidth` × `canvasHeight`, leaving room for labels.
    init(x: PlotAxis, y: PlotAxis, canvasWidth: Double, canvasHeight: Double, bottom: Double = 52, right: Double = 18) {
        self.x = x
        self.y = y
        self.width = max(60, canvasWidth - left - right)
        self.height = max(60, canvasHeight - top - bottom)
    }

    /// The pixel column of `value` on the x-axis.
    func px(_ value: Double) -> Double { left + width * x.fraction(value) }
    /// The pixel row of `value` on the y-axis.
    func py(_ value: Double) -> Double { top + height * (1 - y.fraction(value)) }

    /// Draws the title, the grid, the ticks, the frame and the axis labels.
    func draw(on canvas: inout SVGCanvas, title: String, xLabel: String, yLabel: String) {
        canvas.text(Markup.escape(title), x: left, y: 20, size: 14, weight: "bold")
        for tick in y.ticks(maximum: max(2, Int(height / 22))) {
            let row = py(tick.value)
            canvas.line(x1: left, y1: row, x2: left + width, y2: row, stroke: "#e3e3e3")
            canvas.text(tick.label, x: left - 6, y: row + 4, size: 11, anchor: .end)
        }
        var lastLabel = -Double.infinity
        for tick in x.ticks(maximum: max(2, Int(width / 60))) {
            let column = px(tick.value)
            canvas.line(x1: column, y1: top, x2: column, y2: top + height, stroke: "#e3e3e3")
            guard column - lastLabel >= 46 else { continue }
            lastLabel = column
            canvas.text(tick.label, x: column, y: top + height + 17, size: 11, anchor: .middle)
        }
        canvas.rectangle(x: left, y: top, width: width, height: height, fill: "none", stroke: "#444444")
        canvas.text(Markup.escape(xLabel), x: left + width / 2, y: top + height + 38, size: 12, anchor: .middle)
        canvas.text(Markup.escape(yLabel), x: 16, y: top + height / 2, size: 12, anchor: .middle, rotate: -90)
    }
}
