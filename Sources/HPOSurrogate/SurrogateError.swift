/// Something a surrogate cannot do with the settings or data it was given. Each message names
/// the input, says what is wrong and what would be valid.
public enum SurrogateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A setting is out of its valid range.
    case invalidSetting(name: String, value: String, valid: String)
    /// `fit` was called without observations.
    case noObservations
    /// `fit` was given different numbers of configurations and values.
    case countMismatch(configurations: Int, values: Int)
    /// A configuration has the wrong number of values for the space.
    case wrongDimension(index: Int, expected: Int, got: Int)
    /// An observed value is NaN or infinite.
    case nonFiniteValue(index: Int, value: Double)
    /// A configuration value is NaN or infinite.
    case nonFiniteInput(index: Int, parameter: String)

    public var description: String {
        switch self {
        case .invalidSetting(let name, let value, let valid):
            "invalid \(name) \(value): it must be \(valid)"
        case .noObservations:
            "the surrogate was given no observations: fit it to at least one"
        case .countMismatch(let configurations, let values):
            "the surrogate was given \(configurations) configurations but \(values) values: give one value per configuration"
        case .wrongDimension(let index, let expected, let got):
            "configuration \(index) has \(got) values but the space has \(expected) parameters"
        case .nonFiniteValue(let index, let value):
            "observed value \(index) is \(value): observed values must be finite numbers"
        case .nonFiniteInput(let index, let parameter):
            "configuration \(index) has a value of parameter '\(parameter)' that is not a finite number"
        }
    }
}
