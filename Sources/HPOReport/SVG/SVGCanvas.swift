/// A hand-written SVG document: elements are appended as text in drawing order.
///
/// Coordinates are in pixels with the origin at the top left; every number is printed with one
/// decimal, so the same drawing always gives the same bytes.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var body: [String] = []

    /// The font stack of all text: present on Linux, macOS and Windows.
    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    private func c(_ x: Double) -> String { Markup.coordinate(x) }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        body.append("<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\"\(dashAttribute(dash))/>")
    }

    mutating func rectangle(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, opacity: Double? = nil) {
        var attributes = "x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\"" }
        if let opacity { attributes += " fill-opacity=\"\(opacity)\"" }
        body.append("<rect \(attributes)/>")
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double, opacity: Double = 1, dash: String? = nil) {
        guard points.count > 1 else { return }
        let list = points.map { "\(c($0.x)),\(c($0.y))" }.joined(separator: " ")
        let alpha = opacity < 1 ? " stroke-opacity=\"\(opacity)\"" : ""
        body.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\" stroke-linejoin=\"round\"\(alpha)\(dashAttribute(dash))/>")
    }

    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, opacity: Double) {
        guard points.count > 2 else { return }
        let list = points.map { "\(c($0.x)),\(c($0.y))" }.joined(separator: " ")
        body.append("<polygon points=\"\(list)\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\" stroke=\"none\"/>")
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// Text at (x, y) (the baseline); `markup` is already-escaped SVG text content (it may hold
    /// `<tspan>` elements); `rotate` turns it about its anchor point.
    mutating func text(
        _ markup: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, weight: String? = nil,
        fill: String = "#222222", rotate: Double? = nil
    ) {
        var attributes = "x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(c(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let rotate { attributes += " transform=\"rotate(\(c(rotate)) \(c(x)) \(c(y)))\"" }
        body.append("<text \(attributes)>\(markup)</text>")
    }

    mutating func comment(_ text: String) {
        body.append("<!-- \(text.replacingOccurrences(of: "--", with: "- -")) -->")
    }

    private func dashAttribute(_ dash: String?) -> String {
        dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    }

    /// The complete SVG document, with a title and description for screen readers.
    func document(title: String, description: String) -> String {
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(c(width))\" height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" font-family=\"\(Self.fontFamily)\" role=\"img\">",
            "<title>\(Markup.escape(title))</title>",
            "<desc>\(Markup.escape(description))</desc>",
            "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#ffffff\"/>",
        ]
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
