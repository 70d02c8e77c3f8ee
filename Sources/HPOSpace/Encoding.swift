// MARK: - Encodings for surrogate models

extension SearchSpace {
    /// The internal values as a vector: choice indices for categorical and ordinal parameters,
    /// the values themselves for numeric ones. Inverse: `Configuration(vector)`.
    public func indexVector(_ configuration: Configuration) -> [Double] {
        configuration.values
    }

    /// Every parameter mapped to [0, 1] (see ``Parameter/unit(ofInternal:)``).
    public func unitCube(_ configuration: Configuration) -> [Double] {
        zip(parameters, configuration.values).map { $0.unit(ofInternal: $1) }
    }

    /// The configuration nearest to a point of the unit cube (values rounded to valid ones).
    public func configuration(fromUnitCube point: [Double]) throws -> Configuration {
        guard point.count == dimension else { throw SpaceError.wrongDimension(expected: dimension, got: point.count) }
        return Configuration(zip(parameters, point).map { $0.internalValue(fromUnit: $1) })
    }

    /// The width of the one-hot encoding: a column per value of each parameter that is one-hot in
    /// `scope`, one per other parameter.
    public func oneHotWidth(_ scope: OneHotScope = .categorical) -> Int {
        parameters.reduce(0) { $0 + scope.columns(of: $1.domain) }
    }

    /// The width of the one-hot encoding of categorical parameters (``oneHotWidth(_:)``).
    public var oneHotWidth: Int { oneHotWidth(.categorical) }

    /// The parameters that are one-hot in `scope` as blocks with a 1 at the value's column, every
    /// other parameter as its unit-scale value.
    public func oneHot(_ configuration: Configuration, scope: OneHotScope = .categorical) -> [Double] {
        var out = [Double](repeating: 0, count: oneHotWidth(scope))
        oneHot(configuration, into: &out[...], scope: scope)
        return out
    }

    /// Writes the one-hot encoding into a slice of length ``oneHotWidth(_:)`` without allocating.
    public func oneHot(_ configuration: Configuration, into out: inout ArraySlice<Double>, scope: OneHotScope = .categorical) {
        var column = out.startIndex
        for (parameter, value) in zip(parameters, configuration.values) {
            let columns = scope.columns(of: parameter.domain)
            scope.encode(value, of: parameter, into: &out[column..<(column + columns)])
            column += columns
        }
    }

    /// The configuration of a one-hot vector: the largest entry of each one-hot block wins,
    /// other columns are read on the unit scale.
    public func configuration(fromOneHot vector: [Double], scope: OneHotScope = .categorical) throws -> Configuration {
        guard vector.count == oneHotWidth(scope) else {
            throw SpaceError.malformed("a one-hot vector of this space has \(oneHotWidth(scope)) entries, not \(vector.count)")
        }
        var column = 0
        var values: [Double] = []
        for parameter in parameters {
            let columns = scope.columns(of: parameter.domain)
            if scope.isOneHot(parameter.domain) {
                let block = vector[column..<column + columns]
                let best = block.indices.max { block[$0] < block[$1] } ?? column
                values.append(Double(best - column))
            } else {
                values.append(parameter.internalValue(fromUnit: vector[column]))
            }
            column += columns
        }
        return Configuration(values)
    }
}
