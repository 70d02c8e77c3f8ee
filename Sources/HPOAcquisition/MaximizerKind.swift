/// Which acquisition maximizer Bayesian optimization uses, with its settings.
public enum MaximizerKind: Hashable, Sendable, Codable {
    /// Variable Neighbourhood Ascent (local search; finite and mixed spaces).
    case variableNeighbourhoodAscent(VariableNeighbourhoodAscent.Settings)
    /// The best of this many random configurations.
    case randomSampling(samples: Int)
    /// Every configuration of a finite space (the exact argmax).
    case exhaustive
    /// Multi-start L-BFGS over the real parameters with coordinate search over the finite ones
    /// (``MixedGradientAscent``; the maximizer of `bo-gp`).
    case gradientAscent(MixedGradientAscent.Settings)

    /// The maximizer.
    public func make() -> any AcquisitionMaximizer {
        switch self {
        case .variableNeighbourhoodAscent(let settings): VariableNeighbourhoodAscent(settings: settings)
        case .randomSampling(let samples): RandomSampling(samples: samples)
        case .exhaustive: ExhaustiveEnumeration()
        case .gradientAscent(let settings): MixedGradientAscent(settings: settings)
        }
    }
}
