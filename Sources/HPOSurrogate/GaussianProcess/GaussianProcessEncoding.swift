import HPOSpace

/// How the Gaussian process sees a configuration: one feature per parameter.
///
/// Real and integer parameters are on the unit scale of ``HPOSpace/Parameter/unit(ofInternal:)``,
/// which is logarithmic where the domain says `log: true`; ordinal parameters by position on the
/// unit scale; categorical parameters by their choice index, which the kernel only compares for
/// equality (see ``KernelHyperparameters``). The derivative of a non-categorical feature by the
/// parameter's unit-scale coordinate is 1, so gradients by features are gradients by unit
/// coordinates.
public struct GaussianProcessEncoding: Hashable, Sendable {
    /// Whether each parameter is categorical (compared by equality, not distance).
    public let isCategorical: [Bool]
    private let parameters: [Parameter]

    /// The encoding of `space`.
    public init(space: SearchSpace) {
        parameters = space.parameters
        isCategorical = space.parameters.map { !$0.domain.isOrdered }
    }

    /// The number of features (one per parameter).
    public var dimension: Int { parameters.count }

    /// The features of `configuration`.
    public func features(_ configuration: Configuration) -> [Double] {
        var out = [Double](repeating: 0, count: dimension)
        for i in parameters.indices {
            out[i] = isCategorical[i] ? configuration.values[i] : parameters[i].unit(ofInternal: configuration.values[i])
        }
        return out
    }

    /// The contribution of feature `i` to the squared distance before its inverse squared
    /// lengthscale: the squared difference, or for a categorical feature 1 when they differ
    /// (the overlap, or Hamming, distance).
    @inline(__always)
    public func difference(_ a: Double, _ b: Double, feature i: Int) -> Double {
        if isCategorical[i] { return a == b ? 0 : 1 }
        let d = a - b
        return d * d
    }
}
