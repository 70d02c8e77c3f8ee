import HPOAcquisition
import HPOSpace
import HPOSurrogate

extension BayesianOptimization.Settings {
    /// One line saying what the loop does with `surrogate` (the model in a few words), for
    /// reports, e.g. "Bayesian optimization: random forest of 10 trees on log losses; lower
    /// confidence bound (kappa 1); Variable Neighbourhood Ascent (radius 2); 10 random initial
    /// configurations".
    public func summary(surrogate: String) -> String {
        var parts = [surrogate, acquisition.summary, maximizer.summary]
        parts.append("\(initialDesignSize) random initial configurations")
        if let intensification {
            parts.append(
                "the incumbent re-evaluated up to \(intensification.maximumEvaluations) times"
                    + " (one more every \(intensification.interval) observations)")
            if intensification.finalShare > 0 {
                parts.append("the last \((intensification.finalShare * 100).significant(3))% of a known budget spent on confirmation")
            }
        }
        if randomInterleaveProbability > 0 {
            parts.append("a random suggestion with probability \(randomInterleaveProbability.significant(3))")
        }
        return "Bayesian optimization: " + parts.joined(separator: "; ")
    }
}

extension SurrogateKind {
    /// The model in a few words.
    public var summary: String {
        switch self {
        case .randomForest(let settings):
            "random forest of \(settings.trees) trees" + settings.targets.summary
                + (settings.includeLeafVariance ? ", with within-leaf variance" : "")
        case .dngo(let settings):
            "DNGO (" + (settings.networks == 1 ? "network" : "ensemble of \(settings.networks) networks")
                + " of \(settings.hiddenWidths.map(String.init).joined(separator: "-")) \(settings.activation.rawValue) units"
                + " with Bayesian linear regression on " + (settings.networks == 1 ? "its last layer" : "each last layer")
                + Self.encodingSummary(Array(settings.oneHotScopes.prefix(settings.networks)))
                + (settings.includesNoiseVariance ? "" : ", latent variance") + (settings.targets == .identity ? ")" : "," + settings.targets.summary + ")")
        case .gaussianProcess(let settings):
            "Gaussian process (Matern-5/2 ARD, overlap kernel on categories)" + settings.targets.summary
        }
    }
}

extension SurrogateKind {
    /// How a DNGO's networks encode ordinal parameters, for ``summary``, given the scopes they take
    /// in turn (those a network uses): nothing for the default (by position in every network).
    private static func encodingSummary(_ scopes: [OneHotScope]) -> String {
        switch Set(scopes) {
        case [.categorical]: ""
        case [.choices]: ", ordinal parameters one-hot"
        default: ", ordinal parameters " + scopes.map { $0 == .choices ? "one-hot" : "by position" }.joined(separator: ", ")
            + " in turn"
        }
    }
}

extension TargetScale {
    /// The scale of the losses in a few words, with a leading space (empty for the losses as
    /// observed).
    public var summary: String {
        switch self {
        case .identity: ""
        case .logarithm: " on log losses"
        case .copula: " on Gaussian-copula ranks of the losses"
        }
    }
}

extension AcquisitionKind {
    /// The acquisition function in a few words.
    public var summary: String {
        switch self {
        case .expectedImprovement: "expected improvement"
        case .probabilityOfImprovement: "probability of improvement"
        case .lowerConfidenceBound(let kappa): "lower confidence bound (kappa \(kappa.significant(3)))"
        }
    }
}

extension MaximizerKind {
    /// The maximizer in a few words.
    public var summary: String {
        switch self {
        case .variableNeighbourhoodAscent(let settings): "Variable Neighbourhood Ascent (radius \(settings.maximumDistance))"
        case .randomSampling(let samples): "best of \(samples) random configurations"
        case .exhaustive: "exhaustive enumeration"
        case .gradientAscent(let settings):
            "L-BFGS and coordinate search from \(2 * settings.observedStarts + settings.randomStarts) starts"
        }
    }
}
