/// One point of a search space: a value per parameter, in the space's order and in internal
/// units (see ``Parameter``). A configuration only has meaning together with its ``SearchSpace``.
public struct Configuration: Hashable, Sendable {
    /// The internal value of each parameter, in the order of the space's parameters.
    public var values: [Double]

    /// Creates a configuration from internal values; ``SearchSpace/validate(_:)`` checks them.
    public init(_ values: [Double]) {
        self.values = values
    }

    /// The internal value of the parameter at `index`.
    @inlinable
    public subscript(index: Int) -> Double {
        get { values[index] }
        set { values[index] = newValue }
    }

    /// The internal value at `index` as a choice index (categorical, ordinal and integer values).
    @inlinable
    public func index(_ index: Int) -> Int {
        Int(values[index])
    }
}
