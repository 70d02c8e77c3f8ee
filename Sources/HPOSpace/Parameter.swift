import HPORandom
import RealModule

/// One named dimension of a search space.
///
/// Inside a ``Configuration`` each parameter's value is stored as a `Double` in *internal units*:
/// the index of the choice for categorical and ordinal parameters, the integer itself for integer
/// parameters and the number itself for real ones.
public struct Parameter: Hashable, Sendable {
    /// The parameter's unique name.
    public let name: String
    /// The values it can take.
    public let domain: Domain
    /// The value to use when nothing better is known, if given.
    public let defaultValue: ParameterValue?

    /// Creates a parameter, checking that the domain and the default are well formed.
    public init(name: String, domain: Domain, default defaultValue: ParameterValue? = nil) throws {
        guard !name.isEmpty else { throw SpaceError.emptyName }
        switch domain {
        case .categorical(let choices):
            try Self.checkDistinct(choices, parameter: name)
        case .ordinal(let values):
            try Self.checkDistinct(values.map(\.description), parameter: name)
        case .integer(let low, let high, let log):
            guard low < high else {
                throw SpaceError.invalidRange(parameter: name, low: "\(low)", high: "\(high)")
            }
            if log, low <= 0 { throw SpaceError.nonPositiveLogRange(parameter: name, low: "\(low)") }
        case .real(let low, let high, let log):
            guard low.isFinite, high.isFinite else { throw SpaceError.nonFiniteBound(parameter: name) }
            guard low < high else {
                throw SpaceError.invalidRange(
                    parameter: name, low: low.shortDescription, high: high.shortDescription)
            }
            if log, low <= 0 {
                throw SpaceError.nonPositiveLogRange(parameter: name, low: low.shortDescription)
            }
        }
        self.name = name
        self.domain = domain
        self.defaultValue = defaultValue
        if let defaultValue, (try? internalValue(of: defaultValue)) == nil {
            throw SpaceError.invalidDefault(
                parameter: name, value: defaultValue.description, valid: domain.validValuesDescription)
        }
    }

    private static func checkDistinct(_ values: [String], parameter: String) throws {
        guard !values.isEmpty else { throw SpaceError.emptyChoices(parameter: parameter) }
        var seen = Set<String>()
        for value in values where !seen.insert(value).inserted {
            throw SpaceError.duplicateChoice(parameter: parameter, value: value)
        }
    }

    // MARK: - Convenience constructors

    /// A categorical parameter.
    public static func categorical(_ name: String, _ choices: [String]) throws -> Parameter {
        try Parameter(name: name, domain: .categorical(choices: choices))
    }

    /// An ordinal parameter over numbers.
    public static func ordinal(_ name: String, _ values: [Double]) throws -> Parameter {
        try Parameter(name: name, domain: .ordinal(values: values.map(ParameterValue.number)))
    }

    /// An integer range.
    public static func integer(_ name: String, _ low: Int, _ high: Int, log: Bool = false) throws -> Parameter {
        try Parameter(name: name, domain: .integer(low: low, high: high, log: log))
    }

    /// A real range.
    public static func real(_ name: String, _ low: Double, _ high: Double, log: Bool = false) throws -> Parameter {
        try Parameter(name: name, domain: .real(low: low, high: high, log: log))
    }

    // MARK: - Internal units

    /// The internal value of a user-facing value, or an error that says what would be valid.
    public func internalValue(of value: ParameterValue) throws -> Double {
        let outside = SpaceError.valueOutOfDomain(
            parameter: name, value: value.description, valid: domain.validValuesDescription)
        switch domain {
        case .categorical(let choices):
            guard case .string(let string) = value, let index = choices.firstIndex(of: string) else { throw outside }
            return Double(index)
        case .ordinal(let values):
            if let index = values.firstIndex(of: value) { return Double(index) }
            // Accept a number given as a string and a string choice that spells a number.
            if let index = values.firstIndex(where: { $0.description == value.description }) { return Double(index) }
            throw outside
        case .integer(let low, let high, _):
            guard let number = value.number, number == number.rounded(), number >= Double(low),
                number <= Double(high)
            else { throw outside }
            return number
        case .real(let low, let high, _):
            guard let number = value.number, number >= low, number <= high else { throw outside }
            return number
        }
    }

    /// Whether `internal` is a valid internal value.
    public func contains(internal value: Double) -> Bool {
        switch domain {
        case .categorical, .ordinal, .integer:
            let (low, high) = indexBounds
            return value == value.rounded() && value >= low && value <= high
        case .real(let low, let high, _):
            return value >= low && value <= high
        }
    }

    /// The user-facing value of an internal value.
    public func value(ofInternal value: Double) -> ParameterValue {
        switch domain {
        case .categorical(let choices): .string(choices[Int(value)])
        case .ordinal(let values): values[Int(value)]
        case .integer, .real: .number(value)
        }
    }

    /// The smallest and largest internal value.
    public var indexBounds: (low: Double, high: Double) {
        switch domain {
        case .categorical(let choices): (0, Double(choices.count - 1))
        case .ordinal(let values): (0, Double(values.count - 1))
        case .integer(let low, let high, _): (Double(low), Double(high))
        case .real(let low, let high, _): (low, high)
        }
    }

    /// The internal value of the default, or of a central value when no default is given.
    public var defaultInternalValue: Double {
        if let defaultValue, let value = try? internalValue(of: defaultValue) { return value }
        switch domain {
        case .categorical, .ordinal: return 0
        case .integer, .real: return internalValue(fromUnit: 0.5)
        }
    }

    // MARK: - Unit scale

    /// Maps an internal value to [0, 1]: index / (count - 1) for choices, a linear or logarithmic
    /// position for ranges. A parameter with a single choice maps to 0.5.
    public func unit(ofInternal value: Double) -> Double {
        switch domain {
        case .categorical, .ordinal:
            let high = indexBounds.high
            return high == 0 ? 0.5 : value / high
        case .integer(let low, let high, let log):
            return Self.unit(value, Double(low), Double(high), log: log)
        case .real(let low, let high, let log):
            return Self.unit(value, low, high, log: log)
        }
    }

    /// The inverse of ``unit(ofInternal:)``, rounded to the nearest valid value.
    public func internalValue(fromUnit u: Double) -> Double {
        let u = min(max(u, 0), 1)
        switch domain {
        case .categorical, .ordinal:
            return (u * indexBounds.high).rounded()
        case .integer(let low, let high, let log):
            return min(max(Self.fromUnit(u, Double(low), Double(high), log: log).rounded(), Double(low)), Double(high))
        case .real(let low, let high, let log):
            return min(max(Self.fromUnit(u, low, high, log: log), low), high)
        }
    }

    private static func unit(_ x: Double, _ low: Double, _ high: Double, log: Bool) -> Double {
        log ? (Double.log(x) - Double.log(low)) / (Double.log(high) - Double.log(low)) : (x - low) / (high - low)
    }

    private static func fromUnit(_ u: Double, _ low: Double, _ high: Double, log: Bool) -> Double {
        log ? Double.exp(Double.log(low) + u * (Double.log(high) - Double.log(low))) : low + u * (high - low)
    }

    // MARK: - Sampling

    /// A random internal value: uniform over choices, uniform or log-uniform over ranges.
    public func sample(using generator: inout SeededGenerator) -> Double {
        switch domain {
        case .categorical(let choices): return Double(generator.nextInt(below: choices.count))
        case .ordinal(let values): return Double(generator.nextInt(below: values.count))
        case .integer(let low, let high, let log):
            guard log else { return Double(generator.nextInt(in: low...high)) }
            // Log-uniform over [low, high + 1), floored: each integer gets its log-width's share.
            let x = Double.exp(generator.nextUniform(in: Double.log(Double(low)), Double.log(Double(high) + 1)))
            return min(max(x.rounded(.down), Double(low)), Double(high))
        case .real(let low, let high, let log):
            return log
                ? min(Double.exp(generator.nextUniform(in: Double.log(low), Double.log(high))), high)
                : generator.nextUniform(in: low, high)
        }
    }
}
