import HPOSpace

extension Surrogate {
    /// Throws ``SurrogateError`` when there are no observations, the counts differ or a value is
    /// not finite, and ``HPOSpace/SpaceError`` when a configuration is not in the space.
    func validateObservations(_ configurations: [Configuration], _ values: [Double]) throws {
        guard !configurations.isEmpty else { throw SurrogateError.noObservations }
        guard configurations.count == values.count else {
            throw SurrogateError.countMismatch(configurations: configurations.count, values: values.count)
        }
        for (index, value) in values.enumerated() where !value.isFinite {
            throw SurrogateError.nonFiniteValue(index: index, value: value)
        }
        for configuration in configurations { try space.validate(configuration) }
    }
}
