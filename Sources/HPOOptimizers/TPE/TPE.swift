import HPORandom
import HPOSpace

/// The tree-structured Parzen estimator (Bergstra et al. 2011), as Optuna's `TPESampler`
/// implements it.
///
/// Suggestions are random until ``Settings/startupTrials`` evaluations (at least one) succeeded. After that, the successful
/// observations are split by ``ObservationSplit``: the best `min(ceil(gamma * n), 25)` form the
/// density l(x), everything else (the other successes, failures and running evaluations) the
/// density g(x), each a ``ParzenEstimator`` with a prior kernel; older bad observations weigh less
/// (``ObservationSplit/weights(count:)``). ``Settings/candidates`` configurations are drawn from
/// l(x), and the one of the largest l(x) / g(x) not evaluated yet is suggested.
///
/// Multivariate (the default, Optuna's `multivariate=True`), every kernel is a joint kernel over
/// all parameters; univariate, each parameter has its own estimators and its own best candidate.
/// No evaluated (or running) configuration is suggested again: when every candidate was
/// evaluated, new candidates are drawn a few times, then a random unevaluated configuration is
/// suggested; an exhausted finite space throws ``OptimizerError/spaceExhausted(size:)``.
public struct TPE: Optimizer {
    /// Settings of TPE; the defaults are Optuna's.
    public struct Settings: Hashable, Sendable, Codable {
        /// One joint kernel per observation across parameters (`true`), or a separate estimator per parameter.
        public var multivariate: Bool
        /// The number of successful random evaluations before the first model.
        public var startupTrials: Int
        /// The number of candidates drawn from l(x) per suggestion.
        public var candidates: Int
        /// The fraction of the successes in the good group (at most 25 of them).
        public var gamma: Double
        /// The weight of the prior kernel relative to an observation's.
        public var priorWeight: Double
        /// How kernel widths are chosen.
        public var bandwidth: ParzenBandwidth

        /// Creates settings; by default Optuna's `TPESampler(multivariate=True)`.
        public init(
            multivariate: Bool = true, startupTrials: Int = 10, candidates: Int = 24, gamma: Double = 0.1,
            priorWeight: Double = 1, bandwidth: ParzenBandwidth = ParzenBandwidth()
        ) {
            self.multivariate = multivariate
            self.startupTrials = startupTrials
            self.candidates = candidates
            self.gamma = gamma
            self.priorWeight = priorWeight
            self.bandwidth = bandwidth
        }
    }

    /// The most rounds of fresh candidates drawn when every candidate was evaluated already.
    static let candidateRounds = 4

    public let space: SearchSpace
    /// The settings in use.
    public let settings: Settings
    /// Each parameter as the estimators see it.
    private let domains: [KernelDomain]

    /// TPE over `space`; throws for settings out of range.
    public init(space: SearchSpace, settings: Settings = Settings()) throws {
        try settings.validate()
        self.space = space
        self.settings = settings
        domains = space.parameters.map(KernelDomain.init)
    }

    public mutating func suggest(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
        if let size = space.size, history.evaluated.count >= size { throw OptimizerError.spaceExhausted(size: size) }
        let successes = history.observations.count(where: { $0.value?.isFinite ?? false })
        guard successes >= max(settings.startupTrials, 1) else {
            return try space.sampleUnevaluated(given: history, using: &generator)
        }
        let split = ObservationSplit(history: history, gamma: settings.gamma)
        let groups = settings.multivariate ? [Array(space.parameters.indices)] : space.parameters.indices.map { [$0] }
        let models = groups.map { group in
            (group: group, good: estimator(of: split.good, over: group), bad: estimator(of: split.bad, over: group))
        }
        for _ in 0..<Self.candidateRounds {
            let ranked = models.map { model in
                rankedCandidates(good: model.good, bad: model.bad, using: &generator)
            }
            if settings.multivariate {
                if let fresh = ranked[0].map(Configuration.init).first(where: { !history.contains($0) }) { return fresh }
            } else {
                var values = [Double](repeating: 0, count: space.dimension)
                for (model, candidates) in zip(models, ranked) { values[model.group[0]] = candidates[0][0] }
                let candidate = Configuration(values)
                if !history.contains(candidate) { return candidate }
            }
        }
        return try space.sampleUnevaluated(given: history, using: &generator)
    }

    /// The Parzen estimator of `points` restricted to the parameters of `group`.
    private func estimator(of points: [[Double]], over group: [Int]) -> ParzenEstimator {
        ParzenEstimator(
            points: points.map { point in group.map { point[$0] } },
            weights: ObservationSplit.weights(count: points.count),
            domains: group.map { domains[$0] }, priorWeight: settings.priorWeight, bandwidth: settings.bandwidth)
    }

    /// ``Settings/candidates`` draws from `good`, by decreasing log l(x) - log g(x) (the first
    /// drawn first on ties).
    private func rankedCandidates(
        good: ParzenEstimator, bad: ParzenEstimator, using generator: inout SeededGenerator
    ) -> [[Double]] {
        let candidates = (0..<settings.candidates).map { _ in good.sample(using: &generator) }
        let scores = candidates.map { candidate in
            let score = good.logDensity(at: candidate) - bad.logDensity(at: candidate)
            return score.isNaN ? -.infinity : score
        }
        return candidates.indices.sorted { (-scores[$0], $0) < (-scores[$1], $1) }.map { candidates[$0] }
    }
}

extension TPE.Settings {
    /// Throws ``OptimizerError/invalidSetting(name:value:valid:)`` for the first setting out of range.
    public func validate() throws {
        guard startupTrials >= 0 else {
            throw OptimizerError.invalidSetting(name: "startup trials", value: "\(startupTrials)", valid: "a non-negative integer")
        }
        guard candidates >= 1 else {
            throw OptimizerError.invalidSetting(name: "EI candidates", value: "\(candidates)", valid: "a positive integer")
        }
        guard gamma > 0, gamma <= 1 else {
            throw OptimizerError.invalidSetting(name: "gamma", value: "\(gamma)", valid: "a number in 0...1 above 0")
        }
        guard priorWeight > 0, priorWeight.isFinite else {
            throw OptimizerError.invalidSetting(name: "prior weight", value: "\(priorWeight)", valid: "a positive finite number")
        }
    }
}
