import HPORandom
import HPOSpace

/// An exact Gaussian process with a Matern-5/2 ARD kernel on numeric parameters and an overlap
/// kernel on categorical ones (``KernelHyperparameters``), the surrogate of `bo-gp`.
///
/// A fit maps the observations by ``Settings/targets``, standardizes them to mean 0 and
/// variance 1, and chooses the kernel hyperparameters by maximizing the log marginal likelihood
/// plus a log prior (``MarginalLikelihood``) with ``BoundedLBFGS`` from the prior's centre and
/// ``Settings/restarts`` random points; then it conditions on the observations
/// (``GaussianProcessPosterior``). A fit depends only on its observations and generator, not on
/// earlier fits, so a study rebuilt in a new process fits once per suggestion. Predictions are
/// of the latent function (no observation noise), with gradients by the unit-scale coordinates
/// (``DifferentiableSurrogate``).
///
/// Cost: each likelihood evaluation factorises and inverts the kernel matrix (O(n^3)); the
/// hyperparameters are fitted on at most ``Settings/maximumFitObservations`` observations and the
/// posterior uses at most ``Settings/maximumObservations``, random subsets that keep the best
/// observation, so a fit costs O(min(n, N)^3) however long the run. Past ``Settings/refitUntil``
/// results the search for the hyperparameters starts from their fit on the results up to an
/// anchor that grows by a fifth at a time (``Settings/hyperparameterAnchor(settled:)``), made once
/// per anchor and remembered, instead of from the prior's centre and random restarts: one short
/// local search per suggestion instead of several long ones.
public struct GaussianProcess: DifferentiableSurrogate {
    public let space: SearchSpace
    /// The settings in use.
    public let settings: Settings
    public private(set) var targetTransform: TargetTransform = .identity
    private let encoding: GaussianProcessEncoding
    private var posterior: GaussianProcessPosterior?
    /// The last anchor fit, shared with this value's copies.
    private let memo = AnchorFitMemo()

    /// The hyperparameters of the last fit.
    public var hyperparameters: KernelHyperparameters? { posterior?.hyperparameters }

    /// An unfitted Gaussian process over `space`; throws for settings out of range.
    public init(space: SearchSpace, settings: Settings = Settings()) throws {
        try settings.validate()
        self.space = space
        self.settings = settings
        self.encoding = GaussianProcessEncoding(space: space)
    }

    /// Fits the hyperparameters and conditions on the observations, replacing the earlier fit.
    ///
    /// Throws ``SurrogateError`` when there are no observations, the counts differ or a value is
    /// not finite, and ``HPOSpace/SpaceError`` when a configuration is not in the space.
    public mutating func fit(_ configurations: [Configuration], _ values: [Double], using generator: inout SeededGenerator) throws {
        try fit(configurations, values, settled: configurations.count, using: &generator)
    }

    /// Fits as ``fit(_:_:using:)`` does; once the first `settled` observations (the results)
    /// pass ``Settings/refitUntil``, the search for the hyperparameters starts from their fit on
    /// the results up to the anchor of ``Settings/hyperparameterAnchor(settled:)`` alone.
    ///
    /// That anchor fit depends only on the anchor's observations: its random draws come from a
    /// generator seeded by them, not from `generator`. So it is the same whenever and in
    /// whichever process it is made, and copies of this process remember the last one
    /// instead of making it again.
    public mutating func fit(
        _ configurations: [Configuration], _ values: [Double], settled: Int, using generator: inout SeededGenerator
    ) throws {
        try validateObservations(configurations, values)
        let transform = settings.targets.transform(fittedTo: values)
        let transformed = values.map(transform.apply)
        let kept = Self.subset(of: transformed, size: settings.maximumObservations, using: &generator)
        let keptTargets = kept.map { transformed[$0] }
        let (mean, scale) = Self.standardization(of: keptTargets)
        let features = kept.flatMap { encoding.features(configurations[$0]) }
        let standardized = keptTargets.map { ($0 - mean) / scale }
        let likelihood = MarginalLikelihood(encoding: encoding, features: features, targets: standardized)

        let best: KernelHyperparameters
        if let anchor = settings.hyperparameterAnchor(settled: min(settled, configurations.count)) {
            let start = anchorHyperparameters(Array(configurations[..<anchor]), Array(values[..<anchor]))
            best = fitHyperparameters(on: likelihood, from: [start], using: &generator)
        } else {
            best = fitHyperparameters(on: likelihood, using: &generator)
        }
        var posterior = GaussianProcessPosterior(likelihood: likelihood, hyperparameters: best, targetMean: mean, targetScale: scale)
        if posterior == nil {
            // Hyperparameters that cannot be factorised on all the data: the prior's centre,
            // whose noise variance of 0.01 always can.
            posterior = GaussianProcessPosterior(
                likelihood: likelihood, hyperparameters: .defaults(dimension: encoding.dimension), targetMean: mean, targetScale: scale)
        }
        self.posterior = posterior
        self.targetTransform = transform
    }

    /// The mean and spread that standardize `targets` (a spread of 1 for constant targets).
    private static func standardization(of targets: [Double]) -> (mean: Double, scale: Double) {
        let mean = targets.reduce(0, +) / Double(targets.count)
        let spread = (targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(targets.count)).squareRoot()
        return (mean, spread > 1e-12 * max(1, abs(mean)) ? spread : 1)
    }

    /// The hyperparameters fitted on the observations of an anchor (all of them results), from
    /// the memo when the last anchor fit had the same ones.
    func anchorHyperparameters(_ configurations: [Configuration], _ values: [Double]) -> KernelHyperparameters {
        let transform = settings.targets.transform(fittedTo: values)
        let targets = values.map(transform.apply)
        let (mean, scale) = Self.standardization(of: targets)
        let key = AnchorFitMemo.Key(
            features: configurations.flatMap { encoding.features($0) }, targets: targets.map { ($0 - mean) / scale })
        if let known = memo.hyperparameters(for: key) { return known }
        var generator = SeededGenerator(seed: key.digest)
        let fitted = fitHyperparameters(
            on: MarginalLikelihood(encoding: encoding, features: key.features, targets: key.targets), using: &generator)
        memo.remember(fitted, for: key)
        return fitted
    }

    /// The hyperparameters of least negative log posterior on the observations of `likelihood`,
    /// or on a random subset of ``Settings/maximumFitObservations`` that keeps the best, searched
    /// from `starts`, by default the prior's centre and ``Settings/restarts`` random points.
    private func fitHyperparameters(
        on likelihood: MarginalLikelihood, from starts: [KernelHyperparameters]? = nil, using generator: inout SeededGenerator
    ) -> KernelHyperparameters {
        let fitted = Self.subset(of: likelihood.targets, size: settings.maximumFitObservations, using: &generator)
        let d = encoding.dimension
        let searched = fitted.count == likelihood.count
            ? likelihood
            : MarginalLikelihood(
                encoding: encoding, features: fitted.flatMap { likelihood.features[($0 * d)..<($0 * d + d)] },
                targets: fitted.map { likelihood.targets[$0] })
        return Self.bestSearch(of: searched, from: starts ?? priorStarts(using: &generator))
    }

    /// The indices of a subset of at most `size` of `values` that keeps the lowest value: all of
    /// them when there are no more than `size`, else the lowest and a uniform random rest, in
    /// index order.
    static func subset(of values: [Double], size: Int, using generator: inout SeededGenerator) -> [Int] {
        guard values.count > size else { return Array(values.indices) }
        let best = values.indices.min { values[$0] < values[$1] } ?? 0
        var others = Array(values.indices)
        others.remove(at: best)
        let chosen = generator.sample(size - 1, from: others.count).map { others[$0] }
        return (chosen + [best]).sorted()
    }

    /// The prior's centre and ``Settings/restarts`` random points around it.
    private func priorStarts(using generator: inout SeededGenerator) -> [KernelHyperparameters] {
        let centre = KernelHyperparameters.defaults(dimension: encoding.dimension)
        return [centre] + (0..<settings.restarts).map { _ in
            KernelHyperparameters(logValues: centre.logValues.map { $0 + generator.nextNormal(mean: 0, standardDeviation: 1.5) })
        }
    }

    /// The hyperparameters of least negative log posterior that L-BFGS reaches from `starts`
    /// (the first start when every search fails).
    private static func bestSearch(of likelihood: MarginalLikelihood, from starts: [KernelHyperparameters]) -> KernelHyperparameters {
        let (lower, upper) = KernelHyperparameters.bounds(dimension: likelihood.encoding.dimension)
        let minimizer = BoundedLBFGS(maximumIterations: 60, gradientTolerance: 1e-4, valueTolerance: 1e-7)
        var best = starts[0]
        var bestValue = Double.infinity
        var workspace = MarginalLikelihood.Workspace(count: likelihood.count)
        for start in starts {
            let result = minimizer.minimize(from: start.logValues, lower: lower, upper: upper) { point in
                likelihood.negativeLogPosterior(KernelHyperparameters(logValues: point), workspace: &workspace)
            }
            if result.value < bestValue {
                bestValue = result.value
                best = KernelHyperparameters(logValues: result.point)
            }
        }
        return best
    }

    public func predict(_ configuration: Configuration) -> Prediction {
        guard let posterior else { return Prediction(mean: 0, variance: 1) }
        return posterior.predict(features: encoding.features(configuration))
    }

    public func predictMean(_ configuration: Configuration) -> Double {
        guard let posterior else { return 0 }
        return posterior.mean(features: encoding.features(configuration))
    }

    public func predictWithGradient(_ configuration: Configuration) -> (prediction: Prediction, gradient: PredictionGradient) {
        guard let posterior else {
            let zero = [Double](repeating: 0, count: encoding.dimension)
            return (Prediction(mean: 0, variance: 1), PredictionGradient(mean: zero, variance: zero))
        }
        let (prediction, gradient) = posterior.predictWithGradient(features: encoding.features(configuration))
        return (prediction, gradient)
    }
}
