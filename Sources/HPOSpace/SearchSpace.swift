import HPORandom

/// An ordered list of named parameters: what an optimizer searches over.
public struct SearchSpace: Hashable, Sendable {
    /// The parameters, in their fixed order.
    public let parameters: [Parameter]
    /// Mixed-radix place values of the configuration id (first parameter most significant), or
    /// `nil` for an infinite space or one with more than `Int.max` configurations.
    private let strides: [Int]?
    /// The smallest internal value of each finite parameter (0 for choices, `low` for integers).
    @usableFromInline let lows: [Int]

    /// Creates a space; names must be unique and there must be at least one parameter.
    public init(_ parameters: [Parameter]) throws {
        guard !parameters.isEmpty else { throw SpaceError.noParameters }
        var seen = Set<String>()
        for parameter in parameters where !seen.insert(parameter.name).inserted {
            throw SpaceError.duplicateName(parameter.name)
        }
        self.parameters = parameters
        lows = parameters.map { Int($0.domain.cardinality == nil ? 0 : $0.indexBounds.low) }
        var strides = [Int](repeating: 1, count: parameters.count)
        var place = 1
        var finite = true
        for i in parameters.indices.reversed() {
            guard let cardinality = parameters[i].domain.cardinality else { finite = false; break }
            strides[i] = place
            let (product, overflow) = place.multipliedReportingOverflow(by: cardinality)
            if overflow { finite = false; break }
            place = product
        }
        self.strides = finite ? strides : nil
        self.size = finite ? place : nil
    }

    /// The number of parameters.
    public var dimension: Int { parameters.count }

    /// The parameters' names, in order.
    public var names: [String] { parameters.map(\.name) }

    /// The number of configurations, or `nil` when the space has a real parameter (or more
    /// configurations than `Int.max`).
    public let size: Int?

    /// Whether every configuration can be enumerated and numbered.
    public var isFinite: Bool { size != nil }

    /// The position of the parameter called `name`.
    public func index(of name: String) -> Int? {
        parameters.firstIndex { $0.name == name }
    }

    // MARK: - Validation and user-facing values

    /// Throws unless `configuration` has one valid internal value per parameter.
    public func validate(_ configuration: Configuration) throws {
        guard configuration.values.count == dimension else {
            throw SpaceError.wrongDimension(expected: dimension, got: configuration.values.count)
        }
        for (parameter, value) in zip(parameters, configuration.values) where !parameter.contains(internal: value) {
            throw SpaceError.valueOutOfDomain(
                parameter: parameter.name, value: value.shortDescription,
                valid: parameter.domain.validValuesDescription)
        }
    }

    /// The configuration given by user-facing values by name; every parameter needs a value and
    /// every name must be a parameter's.
    public func configuration(from values: [String: ParameterValue]) throws -> Configuration {
        for name in values.keys.sorted() where index(of: name) == nil {
            throw SpaceError.unknownParameter(name, valid: names)
        }
        return Configuration(try parameters.map { parameter in
            guard let value = values[parameter.name] else { throw SpaceError.missingValue(parameter: parameter.name) }
            return try parameter.internalValue(of: value)
        })
    }

    /// The user-facing values of a configuration, in the parameters' order.
    public func values(of configuration: Configuration) -> [(name: String, value: ParameterValue)] {
        zip(parameters, configuration.values).map { ($0.name, $0.value(ofInternal: $1)) }
    }

    /// The user-facing values of a configuration by name.
    public func dictionary(of configuration: Configuration) -> [String: ParameterValue] {
        Dictionary(uniqueKeysWithValues: values(of: configuration).map { ($0.name, $0.value) })
    }

    /// The configuration of every parameter's default (or central) value.
    public var defaultConfiguration: Configuration {
        Configuration(parameters.map(\.defaultInternalValue))
    }

    // MARK: - Sampling

    /// A configuration drawn uniformly (log-uniformly on log ranges), parameter by parameter.
    public func sample(using generator: inout SeededGenerator) -> Configuration {
        Configuration(parameters.map { $0.sample(using: &generator) })
    }

    // MARK: - Dense ids (finite spaces)

    /// The dense id of a configuration of a finite space: its mixed-radix number with the first
    /// parameter most significant, in `0 ..< size`. Throws for an infinite space.
    public func id(of configuration: Configuration) throws -> Int {
        guard let strides else { throw SpaceError.notFinite(operation: "a configuration id") }
        try validate(configuration)
        return unsafeID(of: configuration, strides: strides)
    }

    /// The dense id of a configuration already known to be valid, or `nil` for an infinite space.
    @inlinable
    public func fastID(of configuration: Configuration) -> Int? {
        guard let strides = idStrides else { return nil }
        return unsafeID(of: configuration, strides: strides)
    }

    /// The place values of the dense id, or `nil` for an infinite space.
    public var idStrides: [Int]? { strides }

    @usableFromInline
    func unsafeID(of configuration: Configuration, strides: [Int]) -> Int {
        var id = 0
        for i in 0..<strides.count {
            id += (Int(configuration.values[i]) - lows[i]) * strides[i]
        }
        return id
    }

    /// The configuration with dense id `id`; throws for an infinite space or an id out of range.
    public func configuration(id: Int) throws -> Configuration {
        guard let strides, let size else { throw SpaceError.notFinite(operation: "a configuration id") }
        guard id >= 0, id < size else {
            throw SpaceError.malformed("configuration id \(id) is out of range: valid ids are 0..<\(size)")
        }
        var rest = id
        return Configuration(parameters.indices.map { i in
            let digit = rest / strides[i]
            rest -= digit * strides[i]
            return Double(digit) + parameters[i].indexBounds.low
        })
    }

    /// Every configuration of a finite space in id order; throws for an infinite space.
    public func allConfigurations() throws -> [Configuration] {
        guard let size else { throw SpaceError.notFinite(operation: "enumerating every configuration") }
        return try (0..<size).map { try configuration(id: $0) }
    }
}
