/// Which acquisition maximizer Bayesian optimization uses, with its settings.
public enum MaximizerKind: Hashable, Sendable, Codable {
    /// Variable Neighbourhood Ascent (local search; finite and mixed spaces).
    case variableNeighbourhoodAscent(VariableNeighbourhoodAscent.Settings)
    /// The best of this many random configurations.
    case randomSampling(samples: Int)
    /// Every configuration of a finite space (the exact argmax).
    case exhaustive

    /// The maximizer.
    public func make() -> any AcquisitionMaximizer {
        switch self {
        case .variableNeighbourhoodAscent(let settings): VariableNeighbourhoodAscent(settings: settings)
        case .randomSampling(let samples): RandomSampling(samples: samples)
        case .exhaustive: ExhaustiveEnumeration()
        }
    }
}
