/// A malformed search space or a configuration outside its space. Each message names the
/// parameter, says what is wrong and what would be valid.
public enum SpaceError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyName
    case duplicateName(String)
    case noParameters
    case emptyChoices(parameter: String)
    case duplicateChoice(parameter: String, value: String)
    case invalidRange(parameter: String, low: String, high: String)
    case nonPositiveLogRange(parameter: String, low: String)
    case nonFiniteBound(parameter: String)
    case unknownType(parameter: String, type: String)
    case missingField(parameter: String, field: String)
    case invalidDefault(parameter: String, value: String, valid: String)
    case unknownParameter(String, valid: [String])
    case missingValue(parameter: String)
    case valueOutOfDomain(parameter: String, value: String, valid: String)
    case wrongDimension(expected: Int, got: Int)
    case notFinite(operation: String)
    case malformed(String)

    public var description: String {
        switch self {
        case .emptyName:
            "a parameter has an empty name: every parameter needs a non-empty, unique name"
        case .duplicateName(let name):
            "parameter '\(name)' is defined twice: parameter names must be unique"
        case .noParameters:
            "the search space has no parameters: define at least one"
        case .emptyChoices(let parameter):
            "parameter '\(parameter)' has no values: give at least one choice"
        case .duplicateChoice(let parameter, let value):
            "parameter '\(parameter)' lists the value '\(value)' twice: values must be distinct"
        case .invalidRange(let parameter, let low, let high):
            "parameter '\(parameter)' has low \(low) >= high \(high): low must be less than high"
        case .nonPositiveLogRange(let parameter, let low):
            "parameter '\(parameter)' is on a log scale but low is \(low): a log range needs low > 0"
        case .nonFiniteBound(let parameter):
            "parameter '\(parameter)' has a bound that is not a finite number"
        case .unknownType(let parameter, let type):
            "parameter '\(parameter)' has unknown type '\(type)': valid types are categorical, ordinal, integer, real"
        case .missingField(let parameter, let field):
            "parameter '\(parameter)' is missing the field '\(field)'"
        case .invalidDefault(let parameter, let value, let valid):
            "parameter '\(parameter)' has default \(value), which is not in its domain: it must be \(valid)"
        case .unknownParameter(let name, let valid):
            "unknown parameter '\(name)': the space has " + valid.map { "'\($0)'" }.joined(separator: ", ")
        case .missingValue(let parameter):
            "the configuration has no value for parameter '\(parameter)'"
        case .valueOutOfDomain(let parameter, let value, let valid):
            "parameter '\(parameter)' cannot be \(value): it must be \(valid)"
        case .wrongDimension(let expected, let got):
            "the configuration has \(got) values but the space has \(expected) parameters"
        case .notFinite(let operation):
            "\(operation) needs a finite space (categorical, ordinal and integer parameters only)"
        case .malformed(let message):
            message
        }
    }
}
