import HPOSpace
import RealModule

/// How fANOVA weighs the values of one parameter: the distribution random search draws it from
/// (see ``Parameter/sample(using:)``), so that a box of a tree's partition counts by its share of
/// the space.
///
/// Categorical and ordinal parameters, and integer ranges of at most ``finiteLimit`` values, are
/// *finite*: each value is a cell of its own, weighted 1/k (an integer on a log range by its
/// share of the log-uniform draw over `low ..< high + 1`). Real parameters and wider integer
/// ranges are *continuous*: a split's threshold maps to a position in [0, 1] on the same scale.
enum ParameterMeasure: Sendable {
    /// Integer ranges with at most this many values are weighed value by value.
    static let finiteLimit = 1024

    /// Each value index `i` (internal value `first + i`) weighs `weights[i]`; the weights sum to 1.
    case finite(weights: [Double], first: Double)
    /// Positions in [0, 1]: `position(t)` is the share of the measure at or below `t`.
    case continuous(Parameter)

    /// The measure of `parameter`.
    init(_ parameter: Parameter) {
        switch parameter.domain {
        case .categorical(let choices):
            self = .finite(weights: Self.uniform(choices.count), first: 0)
        case .ordinal(let values):
            self = .finite(weights: Self.uniform(values.count), first: 0)
        case .integer(let low, let high, let log) where high - low < Self.finiteLimit:
            guard log else {
                self = .finite(weights: Self.uniform(high - low + 1), first: Double(low))
                return
            }
            let span = Double.log(Double(high) + 1) - Double.log(Double(low))
            let weights = (low...high).map { (Double.log(Double($0) + 1) - Double.log(Double($0))) / span }
            self = .finite(weights: weights, first: Double(low))
        case .integer, .real:
            self = .continuous(parameter)
        }
    }

    private static func uniform(_ count: Int) -> [Double] {
        [Double](repeating: 1 / Double(max(count, 1)), count: max(count, 1))
    }

    /// The share of the measure at internal values `<= value` of a continuous parameter, in [0, 1].
    func position(atOrBelow value: Double) -> Double {
        guard case .continuous(let parameter) = self else { return 0 }
        let position: Double
        switch parameter.domain {
        case .integer(let low, let high, let log):
            // Integers cover [v, v + 1) of the draw's range [low, high + 1).
            let (a, b, x) = (Double(low), Double(high) + 1, value.rounded(.down) + 1)
            position = log ? (Double.log(x) - Double.log(a)) / (Double.log(b) - Double.log(a)) : (x - a) / (b - a)
        default:
            position = parameter.unit(ofInternal: value)
        }
        return position.isFinite ? min(max(position, 0), 1) : (value > 0 ? 1 : 0)
    }
}
