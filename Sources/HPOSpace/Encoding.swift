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

    /// The width of the one-hot encoding: one column per categorical choice, one per other parameter.
    public var oneHotWidth: Int {
        parameters.reduce(0) { width, parameter in
            if case .categorical(let choices) = parameter.domain { width + choices.count } else { width + 1 }
        }
    }

    /// Categorical parameters as one-hot blocks, every other parameter as its unit-scale value.
    public func oneHot(_ configuration: Configuration) -> [Double] {
        var out = [Double](repeating: 0, count: oneHotWidth)
        oneHot(configuration, into: &out[...])
        return out
    }

    /// Writes the one-hot encoding into a slice of length ``oneHotWidth`` without allocating.
    public func oneHot(_ configuration: Configuration, into out: inout ArraySlice<Double>) {
        var column = out.startIndex
        for (parameter, value) in zip(parameters, configuration.values) {
            if case .categorical(let choices) = parameter.domain {
                for k in 0..<choices.count { out[column + k] = k == Int(value) ? 1 : 0 }
                column += choices.count
            } else {
                out[column] = parameter.unit(ofInternal: value)
                column += 1
            }
        }
    }

    /// The configuration of a one-hot vector: the largest entry of each categorical block wins,
    /// other columns are read on the unit scale.
    public func configuration(fromOneHot vector: [Double]) throws -> Configuration {
        guard vector.count == oneHotWidth else {
            throw SpaceError.malformed("a one-hot vector of this space has \(oneHotWidth) entries, not \(vector.count)")
        }
        var column = 0
        var values: [Double] = []
        for parameter in parameters {
            if case .categorical(let choices) = parameter.domain {
                let block = vector[column..<column + choices.count]
                let best = block.indices.max { block[$0] < block[$1] } ?? column
                values.append(Double(best - column))
                column += choices.count
            } else {
                values.append(parameter.internalValue(fromUnit: vector[column]))
                column += 1
            }
        }
        return Configuration(values)
    }
}
