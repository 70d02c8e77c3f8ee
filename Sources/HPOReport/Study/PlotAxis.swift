import HPOSpace

/// One axis of the study report's plots: a numeric ``Scale`` (log for log ranges) or evenly
/// spaced categories, each with its ticks.
struct PlotAxis {
    /// What the axis maps.
    enum Kind {
        case scale(Scale)
        /// Category `i` (an internal value) sits at the middle of the `i`th of `names.count` slots.
        case categories([String])
    }

    var kind: Kind

    /// The fraction of the axis at which `value` lies, in [0, 1].
    func fraction(_ value: Double) -> Double {
        switch kind {
        case .scale(let scale): min(1, max(0, scale.fraction(value)))
        case .categories(let names): (value + 0.5) / Double(max(names.count, 1))
        }
    }

    /// The labelled ticks (labels are SVG text markup), at most about `maximum` of them.
    func ticks(maximum: Int) -> [(value: Double, label: String)] {
        switch kind {
        case .scale(let scale):
            return scale.ticks.filter { $0.major && !$0.label.isEmpty }.map { ($0.value, $0.label) }
        case .categories(let names):
            let step = max(1, (names.count + maximum - 1) / max(maximum, 1))
            return stride(from: 0, to: names.count, by: step).map { (Double($0), Markup.escape(Self.shortened(names[$0]))) }
        }
    }

    /// `text` cut to 14 characters.
    static func shortened(_ text: String) -> String {
        text.count <= 14 ? text : String(text.prefix(13)) + "…"
    }

    /// An axis over `values` with a little room at each end (0 ... 1 when there are none).
    static func values(_ values: [Double]) -> PlotAxis {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return PlotAxis(kind: .scale(.linear(low: 0, high: 1))) }
        let pad = high > low ? (high - low) * 0.05 : max(abs(low) * 0.1, 0.5)
        return PlotAxis(kind: .scale(.linear(low: low - pad, high: high + pad)))
    }

    /// The axis of a parameter's values: categories for choices, log for log ranges.
    static func parameter(_ parameter: Parameter) -> PlotAxis {
        switch parameter.domain {
        case .categorical(let choices):
            return PlotAxis(kind: .categories(choices))
        case .ordinal(let values):
            return PlotAxis(kind: .categories(values.map(\.description)))
        case .integer(let low, let high, let log):
            return PlotAxis(kind: .scale(log ? .log(low: Double(low), high: Double(high)) : .linear(low: Double(low), high: Double(max(high, low + 1)))))
        case .real(let low, let high, let log):
            return PlotAxis(kind: .scale(log ? .log(low: low, high: high) : .linear(low: low, high: high)))
        }
    }
}
