import Foundation
import RealModule

/// A map from data values on one axis to pixels, with the ticks and labels of that axis.
public enum Scale: Hashable, Sendable {
    /// A linear axis over `low ... high`.
    case linear(low: Double, high: Double)
    /// A base-10 logarithmic axis over `low ... high`, both positive.
    case log(low: Double, high: Double)

    /// A linear axis that starts at `low` and ends at a round number at or above `high`.
    public static func linear(from low: Double, through high: Double) -> Scale {
        let step = niceStep(span: high - low)
        return .linear(low: low, high: max(low + step, (high / step).rounded(.up) * step))
    }

    /// A log axis from the largest 1, 2 or 5 x 10^k at or below `low` to the smallest at or
    /// above `high` (positive values only; an empty or invalid range gives 0.1 ... 1).
    public static func log(covering low: Double, _ high: Double) -> Scale {
        guard low > 0, high >= low, low.isFinite, high.isFinite else { return .log(low: 0.1, high: 1) }
        let steps = [1.0, 2, 5, 10]
        let lowPower = Double.pow(10, Double.log10(low).rounded(.down))
        let bottom = steps.last { $0 * lowPower <= low * (1 + 1e-12) }.map { $0 * lowPower } ?? lowPower
        let highPower = Double.pow(10, Double.log10(high).rounded(.down))
        var top = steps.first { $0 * highPower >= high * (1 - 1e-12) }.map { $0 * highPower } ?? highPower * 10
        if top <= bottom { top = bottom * 2 }
        return .log(low: bottom, high: top)
    }

    /// The data interval.
    public var domain: (low: Double, high: Double) {
        switch self {
        case .linear(let low, let high), .log(let low, let high): (low, high)
        }
    }

    /// The fraction of the axis at which `value` lies: 0 at the low end, 1 at the high end;
    /// non-positive values on a log axis are placed at the low end.
    public func fraction(_ value: Double) -> Double {
        switch self {
        case .linear(let low, let high):
            return (value - low) / (high - low)
        case .log(let low, let high):
            guard value > 0 else { return 0 }
            return (Double.log10(value) - Double.log10(low)) / (Double.log10(high) - Double.log10(low))
        }
    }

    /// A labelled tick.
    public struct Tick: Hashable, Sendable {
        /// The data value.
        public var value: Double
        /// The label as SVG text markup (powers of ten use a raised exponent); empty for minor ticks.
        public var label: String
        /// Whether the tick is a major (labelled, gridded) one.
        public var major: Bool
        /// Which labels to keep when labels crowd: 0 (powers of ten, linear steps) first, then
        /// 1 (2x and 5x), then 2 (other multiples).
        public var priority: Int = 0
    }

    /// The ticks of the axis: round linear steps, or powers of ten labelled 10^k with minor
    /// ticks at 2 ... 9 x 10^k between them; on a log axis shorter than two decades the 2x and 5x
    /// ticks are labelled too, and on one shorter than a decade every multiple is.
    public var ticks: [Tick] {
        switch self {
        case .linear(let low, let high):
            let step = Self.niceStep(span: high - low)
            var ticks: [Tick] = []
            var k = (low / step).rounded(.up)
            while k * step <= high + step * 1e-9 {
                let value = k * step
                ticks.append(Tick(value: value, label: Markup.escape(Self.linearLabel(value, step: step)), major: true))
                k += 1
            }
            return ticks
        case .log(let low, let high):
            let first = Int(Double.log10(low).rounded(.down))
            let last = Int(Double.log10(high).rounded(.up))
            let decades = Double.log10(high) - Double.log10(low)
            var ticks: [Tick] = []
            for exponent in first...last {
                let power = Double.pow(10, Double(exponent))
                for multiple in 1...9 {
                    let value = power * Double(multiple)
                    guard value >= low * (1 - 1e-9), value <= high * (1 + 1e-9) else { continue }
                    let labelled = multiple == 1 || (decades < 2 && (multiple == 2 || multiple == 5)) || decades <= 1
                    let label = !labelled ? "" : multiple == 1 && decades >= 2 ? Self.powerLabel(exponent) : Self.multipleLabel(multiple, exponent)
                    let priority = multiple == 1 ? 0 : multiple == 2 || multiple == 5 ? 1 : 2
                    ticks.append(Tick(value: value, label: label, major: labelled, priority: priority))
                }
            }
            return ticks
        }
    }

    /// `multiple` x 10^`exponent` as a plain decimal between 0.001 and 9999, else as `m×10^k`
    /// (`10^k` alone for a multiple of 1).
    static func multipleLabel(_ multiple: Int, _ exponent: Int) -> String {
        if exponent >= 0, exponent <= 3 { return String(multiple) + String(repeating: "0", count: exponent) }
        if exponent < 0, exponent >= -3 { return "0." + String(repeating: "0", count: -exponent - 1) + String(multiple) }
        return multiple == 1 ? powerLabel(exponent) : "\(multiple)×" + powerLabel(exponent)
    }

    /// A step of 1, 2 or 5 times a power of ten that cuts `span` into about 4 to 10 parts.
    static func niceStep(span: Double) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / 6
        let power = Double.pow(10, Double.log10(raw).rounded(.down))
        let mantissa = raw / power
        let nice: Double = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10
        return nice * power
    }

    /// `10` with `exponent` raised, as SVG text markup, e.g. 10 and a raised −3.
    static func powerLabel(_ exponent: Int) -> String {
        let sign = exponent < 0 ? "−" : ""
        return "10<tspan dy=\"-0.5em\" font-size=\"75%\">\(sign)\(abs(exponent))</tspan>"
    }

    /// A linear tick value with as many decimals as the step needs.
    static func linearLabel(_ value: Double, step: Double) -> String {
        let decimals = max(0, -Int(Double.log10(step).rounded(.down)))
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
