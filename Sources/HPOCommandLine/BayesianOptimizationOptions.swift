import ArgumentParser
import HPO

/// The command-line options of Bayesian optimization (`bo-rf`). Unset options take the library's
/// defaults, which the help text shows.
struct BayesianOptimizationOptions: ParsableArguments {
    private static let defaults = BayesianOptimization.Settings()
    private static let vnaDefaults = VariableNeighbourhoodAscent.Settings()
    private static let forestDefaults = RandomForest.Settings()

    enum Acquisition: String, CaseIterable, ExpressibleByArgument {
        case ei, pi, lcb

        /// The name of the library's default.
        static var standard: Acquisition {
            switch defaults.acquisition {
            case .expectedImprovement: .ei
            case .probabilityOfImprovement: .pi
            case .lowerConfidenceBound: .lcb
            }
        }
    }

    /// The library's default kappa of the lower confidence bound.
    private static var standardKappa: Double {
        if case .lowerConfidenceBound(let kappa) = defaults.acquisition { return kappa }
        return 1
    }

    enum Maximizer: String, CaseIterable, ExpressibleByArgument {
        case vna, random, exhaustive
    }

    enum Incumbent: String, CaseIterable, ExpressibleByArgument {
        case predicted, observed
    }

    @Option(help: "BO: acquisition function: ei (expected improvement, log-space when the surrogate models log loss), pi (probability of improvement) or lcb (lower confidence bound). (default: \(Acquisition.standard.rawValue); \(DNGOOptions.acquisition.rawValue) for bo-dngo)")
    var acquisition: Acquisition?

    @Option(help: "BO: weight of the standard deviation in lcb.")
    var kappa: Double = standardKappa

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

    @Option(help: "BO: probability that a suggestion after the initial design is random. (default: \(defaults.randomInterleaveProbability); \(DNGOOptions.interleaveProbability) for bo-dngo)")
    var interleave: Double?

    @Option(help: "BO: the incumbent that ei and pi improve on: predicted (lowest predicted mean among the evaluated configurations, robust to noise) or observed (lowest observed value).")
    var incumbent: Incumbent = .predicted

    @Flag(help: "BO: allow suggesting configurations of a finite space that were already evaluated.")
    var allowRepeats = false

    func validate() throws {
        let counts: [(String, Int?, Int)] = [
            ("--vna-distance", vnaDistance, 1), ("--trees", trees, 1), ("--leaf-size", leafSize, 1),
            ("--initial-design", initialDesign, 0), ("--random-samples", randomSamples, 1),
        ]
        for (name, value, least) in counts {
            if let value, value < least {
                throw ValidationError("\(name) must be an integer of at least \(least), not \(value)")
            }
        }
        if let interleave, !(interleave >= 0 && interleave <= 1) {
            throw ValidationError("--interleave must be a probability in 0...1, not \(interleave)")
        }
        guard kappa >= 0, kappa.isFinite else {
            throw ValidationError("--kappa must be a finite non-negative number, not \(kappa)")
        }
    }

    /// The random forest's settings.
    var forest: RandomForest.Settings {
        var settings = Self.forestDefaults
        if let trees { settings.trees = trees }
        if let leafSize { settings.minSamplesPerLeaf = leafSize }
        return settings
    }

    /// The loop's settings.
    var settings: BayesianOptimization.Settings {
        var settings = Self.defaults
        settings.acquisition = switch acquisition ?? .standard {
        case .ei: .expectedImprovement
        case .pi: .probabilityOfImprovement
        case .lcb: .lowerConfidenceBound(kappa: kappa)
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
        settings.incumbent = incumbent == .predicted ? .bestPredictedMean : .bestObserved
        settings.allowRepeats = allowRepeats
        return settings
    }

    /// `bo-rf` with these options.
    var randomForestSpec: OptimizerSpec {
        .bayesianOptimization(surrogate: .randomForest(forest), settings: settings)
    }
}
