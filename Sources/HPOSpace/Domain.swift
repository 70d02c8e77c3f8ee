/// The set of values one parameter can take.
public enum Domain: Hashable, Sendable {
    /// Unordered choices; surrogates must not impose an order on them.
    case categorical(choices: [String])
    /// Ordered values (numbers or strings), compared by position.
    case ordinal(values: [ParameterValue])
    /// Integers in `low ... high`, sampled uniformly or log-uniformly.
    case integer(low: Int, high: Int, log: Bool)
    /// Reals in `low ... high`, sampled uniformly or log-uniformly.
    case real(low: Double, high: Double, log: Bool)

    /// The schema's name of the domain's type.
    public var typeName: String {
        switch self {
        case .categorical: "categorical"
        case .ordinal: "ordinal"
        case .integer: "integer"
        case .real: "real"
        }
    }

    /// The number of values, or `nil` for a real range.
    public var cardinality: Int? {
        switch self {
        case .categorical(let choices): choices.count
        case .ordinal(let values): values.count
        case .integer(let low, let high, _): high - low + 1
        case .real: nil
        }
    }

    /// Whether the values are ordered (all but categorical).
    public var isOrdered: Bool {
        if case .categorical = self { false } else { true }
    }

    /// A phrase that says what the valid values are, for error messages.
    public var validValuesDescription: String {
        switch self {
        case .categorical(let choices): "one of " + choices.map { "'\($0)'" }.joined(separator: ", ")
        case .ordinal(let values): "one of " + values.map(\.description).joined(separator: ", ")
        case .integer(let low, let high, _): "an integer in \(low)...\(high)"
        case .real(let low, let high, _): "a number in \(low.shortDescription)...\(high.shortDescription)"
        }
    }
}
