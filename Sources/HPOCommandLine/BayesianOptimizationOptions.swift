import ArgumentParser
import HPO

/// The command-line options of Bayesian optimization (`bo-rf`, `bo-rf-noisy`, `bo-dngo`,
/// `bo-dngo-noisy`). Unset options keep the chosen preset's settings (the library's defaults for
/// `bo-rf`), which the help text shows.
struct BayesianOptimizationOptions: ParsableArguments {
    static let defaults = BayesianOptimization.Settings()
    private static let vnaDefaults = VariableNeighbourhoodAscent.Settings()
    static let forestDefaults = RandomForest.Settings()
    private static let intensificationDefaults = Intensification()

    enum Acquisition: String, CaseIterable, ExpressibleByArgument {
        case ei, pi, lcb

        /// The name of the library's default.
        static var standard: Acquisition { named(defaults.acquisition) }

        /// The name of `kind`.
        static func named(_ kind: AcquisitionKind) -> Acquisition {
            switch kind {
            case .expectedImprovement: .ei
            case .probabilityOfImprovement: .pi
            case .lowerConfidenceBound: .lcb
            }
        }
    }

    /// The kappa of the lower confidence bound in `settings`, if it uses that bound.
    private static func kappa(of settings: BayesianOptimization.Settings) -> Double? {
        if case .lowerConfidenceBound(let kappa) = settings.acquisition { return kappa }
        return nil
    }

    /// The library's default kappa of the lower confidence bound.
    private static var standardKappa: Double { kappa(of: defaults) ?? 1 }

    /// bo-rf-noisy's kappa.
    private static var noisyKappa: Double { kappa(of: .noisyDefaults) ?? standardKappa }

    /// The library's default share of the features per split, as the help shows it.
    private static var standardFeatureShare: String {
        switch forestDefaults.featuresPerSplit {
        case .all: "1"
        case .fraction(let share): share.significant(3)
        case .count(let count): "\(count) features"
        }
    }

    enum Maximizer: String, CaseIterable, ExpressibleByArgument {
        case vna, random, exhaustive
    }

    @Option(help: "BO: acquisition function: ei (expected improvement, log-space when the surrogate models log loss), pi (probability of improvement) or lcb (lower confidence bound). (default: \(Acquisition.standard.rawValue); \(DNGOOptions.acquisition.rawValue) for bo-dngo; \(Acquisition.named(BayesianOptimization.Settings.dngoNoisyDefaults.acquisition).rawValue) for bo-dngo-noisy)")
    var acquisition: Acquisition?

    @Option(help: "BO: weight of the standard deviation in lcb. (default: \(standardKappa.significant(3)); \(noisyKappa.significant(3)) for bo-rf-noisy; \((kappa(of: .dngoNoisyDefaults) ?? standardKappa).significant(3)) for bo-dngo-noisy)")
    var kappa: Double?

    @Option(help: "BO: acquisition maximizer: vna (Variable Neighbourhood Ascent), random (best of --random-samples) or exhaustive (every configuration of a finite space: the exact argmax).")
    var maximizer: Maximizer = .vna

    @Option(help: "BO: widest Hamming neighbourhood of vna. (default: \(vnaDefaults.maximumDistance))")
    var vnaDistance: Int?

    @Option(help: "BO: configurations the random maximizer scores.")
    var randomSamples: Int = 1000

    @Option(help: "BO: trees of the random forest. (default: \(forestDefaults.trees))")
    var trees: Int?

    @Option(help: "BO: minimum observations per leaf of the random forest's trees. (default: \(forestDefaults.minSamplesPerLeaf))")
    var leafSize: Int?

    @Option(help: "BO: random configurations evaluated before the first model. (default: \(defaults.initialDesignSize))")
    var initialDesign: Int?

    @Option(help: "BO: probability that a suggestion after the initial design is random. (default: \(defaults.randomInterleaveProbability); \(DNGOOptions.interleaveProbability) for bo-dngo; \(BayesianOptimization.Settings.dngoNoisyDefaults.randomInterleaveProbability) for bo-dngo-noisy)")
    var interleave: Double?

    @Option(help: "BO: share of the features each split of the random forest tries, in (0, 1]. (default: \(standardFeatureShare))")
    var featuresPerSplit: Double?

    @Option(help: "BO: minimum observations a node of the random forest's trees needs to be split. (default: \(forestDefaults.minSamplesToSplit))")
    var splitSize: Int?

    @Option(help: "BO: depth at which a node of the random forest's trees becomes a leaf (the root has depth 0). (default: \(forestDefaults.maxDepth))")
    var maxDepth: Int?

    @Flag(inversion: .prefixedNo, help: "BO: fit each tree of the random forest to a bootstrap sample of the observations rather than to all of them. (default: \(forestDefaults.bootstrap ? "--bootstrap" : "--no-bootstrap"))")
    var bootstrap: Bool?

    @Flag(inversion: .prefixedNo, help: "BO: add the mean within-leaf variance to the variance across the random forest's trees. (default: \(forestDefaults.includeLeafVariance ? "--leaf-variance" : "--no-leaf-variance"); \(RandomForest.Settings.noisyDefaults.includeLeafVariance ? "--leaf-variance" : "--no-leaf-variance") for bo-rf-noisy)")
    var leafVariance: Bool?

    @Option(help: "BO: the scale on which the surrogate models the losses (bo-rf and bo-dngo): identity (as observed), log (their logarithm, as SMAC) or copula (Gaussian copula of the ranks). (default: \(forestDefaults.targets.argument) for bo-rf, \(RandomForest.Settings.noisyDefaults.targets.argument) for bo-rf-noisy and \(DNGOOptions.targets.argument) for bo-dngo and bo-dngo-noisy)")
    var targets: TargetScale?

    @Flag(help: "BO: allow suggesting configurations of a finite space that were already evaluated.")
    var allowRepeats = false

    @Flag(inversion: .prefixedNo, help: "BO: intensification against noise, as SMAC does: re-evaluate the incumbent (the configuration with the lowest mean observation) until it has 1 + n / --intensify-every evaluations after n observations, at most --intensify-max; each repeat spends one evaluation, and the reported incumbent is the configuration of lowest mean observation. --intensify-max, --intensify-every or --intensify-final alone turn it on. (default: --no-intensify; --intensify for bo-rf-noisy and bo-dngo-noisy)")
    var intensify: Bool?

    @Option(help: "BO: the most evaluations intensification gives the incumbent. (default: \(intensificationDefaults.maximumEvaluations))")
    var intensifyMax: Int?

    @Option(help: "BO: the number of observations after which intensification asks one evaluation more of the incumbent. (default: \(intensificationDefaults.interval))")
    var intensifyEvery: Int?

    @Option(help: "BO: the share of a known budget (hpo run's --evaluations, a study's limit) that intensification spends at its end on confirming: each of those evaluations repeats the configuration of lowest mean - sigma / sqrt(n), n its successful evaluations and sigma the spread of the repeated observations; 0 turns this off. (default: \(intensificationDefaults.finalShare))")
    var intensifyFinal: Double?

    func validate() throws {
        let counts: [(String, Int?, Int)] = [
            ("--vna-distance", vnaDistance, 1), ("--trees", trees, 1), ("--leaf-size", leafSize, 1), ("--split-size", splitSize, 2),
            ("--max-depth", maxDepth, 0), ("--initial-design", initialDesign, 0), ("--random-samples", randomSamples, 1),
            ("--intensify-max", intensifyMax, 1), ("--intensify-every", intensifyEvery, 1),
        ]
        for (name, value, least) in counts {
            if let value, value < least {
                throw ValidationError("\(name) must be an integer of at least \(least), not \(value)")
            }
        }
        if let featuresPerSplit, !(featuresPerSplit > 0 && featuresPerSplit <= 1) {
            throw ValidationError("--features-per-split must be a share in (0, 1], not \(featuresPerSplit)")
        }
        if let interleave, !(interleave >= 0 && interleave <= 1) {
            throw ValidationError("--interleave must be a probability in 0...1, not \(interleave)")
        }
        if let kappa, !(kappa >= 0 && kappa.isFinite) {
            throw ValidationError("--kappa must be a finite non-negative number, not \(kappa)")
        }
        if let intensifyFinal, !(intensifyFinal >= 0 && intensifyFinal <= 1) {
            throw ValidationError("--intensify-final must be a share in 0...1, not \(intensifyFinal)")
        }
        let intensifyOptions = [
            ("--intensify-max", intensifyMax != nil), ("--intensify-every", intensifyEvery != nil), ("--intensify-final", intensifyFinal != nil),
        ]
        if let given = intensifyOptions.first(where: { $0.1 }), intensify == false {
            throw ValidationError("\(given.0) sets intensification, which --no-intensify turns off: drop one of them")
        }
    }

    /// The random forest's settings: `base` with the options given.
    func forest(base: RandomForest.Settings = forestDefaults) -> RandomForest.Settings {
        var settings = base
        if let trees { settings.trees = trees }
        if let leafSize { settings.minSamplesPerLeaf = leafSize }
        if let featuresPerSplit { settings.featuresPerSplit = .fraction(featuresPerSplit) }
        if let splitSize { settings.minSamplesToSplit = splitSize }
        if let leafVariance { settings.includeLeafVariance = leafVariance }
        if let maxDepth { settings.maxDepth = maxDepth }
        if let bootstrap { settings.bootstrap = bootstrap }
        if let targets { settings.targets = targets }
        return settings
    }

    /// The loop's settings: `base` with the options given.
    func settings(base: BayesianOptimization.Settings = defaults) -> BayesianOptimization.Settings {
        var settings = base
        settings.acquisition = switch acquisition ?? .named(base.acquisition) {
        case .ei: .expectedImprovement
        case .pi: .probabilityOfImprovement
        case .lcb: .lowerConfidenceBound(kappa: kappa ?? Self.kappa(of: base) ?? Self.standardKappa)
        }
        var vna = Self.vnaDefaults
        if let vnaDistance { vna.maximumDistance = vnaDistance }
        settings.maximizer = switch maximizer {
        case .vna: .variableNeighbourhoodAscent(vna)
        case .random: .randomSampling(samples: randomSamples)
        case .exhaustive: .exhaustive
        }
        if let initialDesign { settings.initialDesignSize = initialDesign }
        if let interleave { settings.randomInterleaveProbability = interleave }
        settings.allowRepeats = allowRepeats
        if intensify ?? (settings.intensification != nil || intensifyMax != nil || intensifyEvery != nil || intensifyFinal != nil) {
            var intensification = settings.intensification ?? Self.intensificationDefaults
            if let intensifyMax { intensification.maximumEvaluations = intensifyMax }
            if let intensifyEvery { intensification.interval = intensifyEvery }
            if let intensifyFinal { intensification.finalShare = intensifyFinal }
            settings.intensification = intensification
        } else {
            settings.intensification = nil
        }
        return settings
    }

    /// `bo-rf` (or another random-forest preset, `base`) with these options.
    func randomForestSpec(base: (forest: RandomForest.Settings, loop: BayesianOptimization.Settings) = (forestDefaults, defaults))
        -> OptimizerSpec
    {
        .bayesianOptimization(surrogate: .randomForest(forest(base: base.forest)), settings: settings(base: base.loop))
    }
}
