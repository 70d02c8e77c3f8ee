import Foundation
import HPOSpace

/// One parameter as a Parzen estimator sees it: choices without order, or a bounded numeric scale
/// on which the kernels are truncated normals.
public enum KernelDomain: Hashable, Sendable {
    /// `count` unordered choices, internal values `0 ..< count`.
    case categorical(count: Int)
    /// A bounded numeric scale.
    case numeric(NumericScale)

    /// The kernel domain of `parameter`: categorical for categorical parameters; ordinal and
    /// integer parameters are discrete scales (ordinal ones by position), reals continuous ones,
    /// on the logarithm for log ranges.
    public init(_ parameter: Parameter) {
        switch parameter.domain {
        case .categorical(let choices):
            self = .categorical(count: choices.count)
        case .ordinal(let values):
            self = .numeric(NumericScale(low: 0, high: Double(values.count - 1), log: false, discrete: true))
        case .integer(let low, let high, let log):
            self = .numeric(NumericScale(low: Double(low), high: Double(high), log: log, discrete: true))
        case .real(let low, let high, let log):
            self = .numeric(NumericScale(low: low, high: high, log: log, discrete: false))
        }
    }
}

/// A bounded numeric parameter on the scale its kernels live on: the value itself, or its
/// logarithm for a log range. A discrete scale (integers, ordinal positions) widens its bounds by
/// half a step on each side, so that each value owns the interval around it, as Optuna treats a
/// parameter with a step.
public struct NumericScale: Hashable, Sendable {
    /// The smallest internal value.
    public let low: Double
    /// The largest internal value.
    public let high: Double
    /// Whether kernels live on the logarithm of the value.
    public let log: Bool
    /// Whether only whole internal values are valid.
    public let discrete: Bool

    /// A scale over `low ... high`.
    public init(low: Double, high: Double, log: Bool, discrete: Bool) {
        self.low = low
        self.high = high
        self.log = log
        self.discrete = discrete
    }

    /// The lower bound on the kernel scale.
    public var lower: Double { transform(discrete ? low - 0.5 : low) }
    /// The upper bound on the kernel scale.
    public var upper: Double { transform(discrete ? high + 0.5 : high) }

    /// An internal value on the kernel scale.
    public func transform(_ value: Double) -> Double {
        log ? Foundation.log(value) : value
    }

    /// The internal value of a point of the kernel scale: rounded to a whole value on a discrete
    /// scale, and kept inside `low ... high`.
    public func value(at point: Double) -> Double {
        let value = log ? exp(point) : point
        return min(max(discrete ? value.rounded() : value, low), high)
    }

    /// The interval of the kernel scale that a discrete value owns.
    public func interval(of value: Double) -> (lower: Double, upper: Double) {
        (transform(value - 0.5), transform(value + 0.5))
    }
}
