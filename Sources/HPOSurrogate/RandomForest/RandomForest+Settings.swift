extension RandomForest {
    /// How many features a split may choose from.
    public enum FeaturesPerSplit: Hashable, Sendable, Codable {
        /// Every feature.
        case all
        /// This share of the features, rounded down, at least one (SMAC's `ratio_features`).
        case fraction(Double)
        /// This many features, at most all of them.
        case count(Int)

        /// The number of features to try in a space of `dimension` features.
        public func resolved(dimension: Int) -> Int {
            let wanted = switch self {
            case .all: dimension
            case .fraction(let share): Int((share * Double(dimension)).rounded(.down))
            case .count(let count): count
            }
            return Swift.min(Swift.max(wanted, 1), dimension)
        }
    }

    /// Settings of the random forest, with defaults chosen for small, noisy, mostly categorical
    /// problems such as FCNet (see each property).
    ///
    /// The defaults were compared on FCNet's noisy objective (one of four seeds per evaluation)
    /// by Bayesian optimization (expected improvement over random and neighbouring candidates),
    /// 100 evaluations, 40 runs per dataset. Modelling the values without the logarithm was
    /// clearly worse on all four datasets. 5/6 of the features with leaves of at least 2 had the
    /// lowest or nearly the lowest mean final regret on every dataset with EI on the log scale;
    /// leaves of 3 with every feature were worse on protein (0.0053 against 0.0030), and leaves
    /// of 1 did as well within the standard errors (a little better with log-EI on three datasets,
    /// a little worse with EI on two). Adding the within-leaf variance did not help.
    public struct Settings: Hashable, Sendable, Codable {
        /// The number of regression trees. Default 10, as SMAC.
        public var trees: Int
        /// The features each split draws (without replacement) and tries. Default 5/6 of them,
        /// as SMAC's random forest (7 of FCNet's 9): enough to find the strong effects, few
        /// enough to decorrelate the trees. If none of the drawn features can split a node, the
        /// remaining ones are tried before the node becomes a leaf.
        public var featuresPerSplit: FeaturesPerSplit
        /// A node with fewer samples is a leaf. Default 3, as SMAC's random forest.
        public var minSamplesToSplit: Int
        /// Each child of a split has at least this many samples (counting a bootstrap's repeats).
        /// Default 2, between SMAC's random forest (3) and its hyperparameter-optimization
        /// preset (1): averaging two noisy observations per leaf smooths the noise without
        /// blurring the small region where the best configurations lie.
        public var minSamplesPerLeaf: Int
        /// A node at this depth is a leaf (the root has depth 0). Default 64, which trees grown on
        /// the hundreds of observations of an optimization run seldom reach; a prediction walks
        /// at most this many levels.
        public var maxDepth: Int
        /// Each tree is fitted to a bootstrap sample (n draws with replacement) of the
        /// observations instead of all of them. Default `true`, as SMAC.
        public var bootstrap: Bool
        /// The scale the forest models the values on (see ``TargetScale``). Default the
        /// logarithm, as SMAC's hyperparameter-optimization preset: losses such as MSE span
        /// orders of magnitude and the interesting ones are the smallest.
        public var targets: TargetScale
        /// Add the mean within-leaf variance to the variance across the trees' predictions (the
        /// law of total variance). Default `false`, as SMAC: the spread across trees alone is zero
        /// where the trees agree and grows off the data.
        public var includeLeafVariance: Bool
        /// The smallest predicted variance. Default 1e-10 (SMAC's floor). Must be positive.
        public var varianceFloor: Double

        /// Creates settings; every argument has the documented default.
        public init(
            trees: Int = 10,
            featuresPerSplit: FeaturesPerSplit = .fraction(5.0 / 6.0),
            minSamplesToSplit: Int = 3,
            minSamplesPerLeaf: Int = 2,
            maxDepth: Int = 64,
            bootstrap: Bool = true,
            targets: TargetScale = .logarithm,
            includeLeafVariance: Bool = false,
            varianceFloor: Double = 1e-10
        ) {
            self.trees = trees
            self.featuresPerSplit = featuresPerSplit
            self.minSamplesToSplit = minSamplesToSplit
            self.minSamplesPerLeaf = minSamplesPerLeaf
            self.maxDepth = maxDepth
            self.bootstrap = bootstrap
            self.targets = targets
            self.includeLeafVariance = includeLeafVariance
            self.varianceFloor = varianceFloor
        }

        /// Throws ``SurrogateError/invalidSetting(name:value:valid:)`` for the first setting out
        /// of its valid range.
        public func validate() throws {
            guard trees >= 1, trees <= 10_000 else {
                throw SurrogateError.invalidSetting(
                    name: "number of trees", value: "\(trees)", valid: "an integer in 1...10000")
            }
            switch featuresPerSplit {
            case .all: break
            case .fraction(let share):
                guard share > 0, share <= 1 else {
                    throw SurrogateError.invalidSetting(
                        name: "fraction of features per split", value: "\(share)", valid: "a number in (0, 1]")
                }
            case .count(let count):
                guard count >= 1 else {
                    throw SurrogateError.invalidSetting(
                        name: "number of features per split", value: "\(count)", valid: "an integer >= 1")
                }
            }
            guard minSamplesToSplit >= 2 else {
                throw SurrogateError.invalidSetting(
                    name: "minimum samples to split", value: "\(minSamplesToSplit)", valid: "an integer >= 2")
            }
            guard minSamplesPerLeaf >= 1 else {
                throw SurrogateError.invalidSetting(
                    name: "minimum samples per leaf", value: "\(minSamplesPerLeaf)", valid: "an integer >= 1")
            }
            guard maxDepth >= 0, maxDepth <= 10_000 else {
                throw SurrogateError.invalidSetting(
                    name: "maximum depth", value: "\(maxDepth)", valid: "an integer in 0...10000")
            }
            guard varianceFloor > 0, varianceFloor.isFinite else {
                throw SurrogateError.invalidSetting(
                    name: "variance floor", value: "\(varianceFloor)", valid: "a finite number > 0")
            }
        }
    }
}

extension RandomForest.Settings {
    /// Decodes settings, also those saved with the `logTargets` flag that ``targets`` replaced.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            trees: try container.decode(Int.self, forKey: .trees),
            featuresPerSplit: try container.decode(RandomForest.FeaturesPerSplit.self, forKey: .featuresPerSplit),
            minSamplesToSplit: try container.decode(Int.self, forKey: .minSamplesToSplit),
            minSamplesPerLeaf: try container.decode(Int.self, forKey: .minSamplesPerLeaf),
            maxDepth: try container.decode(Int.self, forKey: .maxDepth),
            bootstrap: try container.decode(Bool.self, forKey: .bootstrap),
            targets: try TargetScale.decode(container, forKey: .targets, from: decoder),
            includeLeafVariance: try container.decode(Bool.self, forKey: .includeLeafVariance),
            varianceFloor: try container.decode(Double.self, forKey: .varianceFloor))
    }
}
