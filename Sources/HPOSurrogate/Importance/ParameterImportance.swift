import HPORandom
import HPOSpace

/// How much of the variation of the loss each parameter, and each pair of parameters, explains:
/// functional ANOVA (Hutter, Hoos and Leyton-Brown 2014, "An efficient approach for assessing
/// hyperparameter importance") of a random forest fitted to the trials.
///
/// Each tree's prediction is split exactly into a mean, main effects of single parameters and
/// interaction effects, over the space weighted as random search draws it (see
/// ``FunctionalANOVA``). An effect's ``Effect/share`` is the mean over the trees of the fraction
/// of the tree's variance it explains, and its ``Effect/spread`` the standard deviation of that
/// fraction over the trees. Main effects and the pairs' interactions need not sum to 1: the rest
/// belongs to interactions of three or more parameters.
public struct ParameterImportance: Hashable, Sendable, Codable {
    /// The part of the variance one parameter, or one pair of parameters together beyond their
    /// main effects, explains.
    public struct Effect: Hashable, Sendable, Codable {
        /// The parameters' names, in the space's order.
        public var parameters: [String]
        /// The parameters' indices in the space.
        public var indices: [Int]
        /// The mean over the trees of the fraction of the variance explained, in [0, 1].
        public var share: Double
        /// The standard deviation of that fraction over the trees.
        public var spread: Double

        /// An effect of the parameters at `indices`, named `parameters`.
        public init(parameters: [String], indices: [Int], share: Double, spread: Double) {
            self.parameters = parameters
            self.indices = indices
            self.share = share
            self.spread = spread
        }
    }

    /// How the analysis is run.
    public struct Settings: Hashable, Sendable, Codable {
        /// The number of trees of the forest. Default 32.
        public var trees: Int
        /// The interactions of every pair among this many parameters of the largest main effects
        /// are computed. Default 5 (10 pairs).
        public var pairsAmong: Int
        /// A leaf holds at least `trials / leafDivisor` trials (and at least 1), so that a tree has
        /// at most about this many leaves and large studies stay fast. Default 512.
        public var leafDivisor: Int

        /// Settings; every argument has the documented default.
        public init(trees: Int = 32, pairsAmong: Int = 5, leafDivisor: Int = 512) {
            self.trees = trees
            self.pairsAmong = pairsAmong
            self.leafDivisor = leafDivisor
        }

        /// Throws ``ImportanceError/invalidSetting(name:value:valid:)`` for the first setting out
        /// of its range.
        public func validate() throws {
            guard trees >= 1, trees <= 1000 else {
                throw ImportanceError.invalidSetting(name: "number of trees", value: "\(trees)", valid: "an integer in 1...1000")
            }
            guard pairsAmong >= 0 else {
                throw ImportanceError.invalidSetting(
                    name: "number of parameters whose pairs are analysed", value: "\(pairsAmong)", valid: "an integer >= 0")
            }
            guard leafDivisor >= 1 else {
                throw ImportanceError.invalidSetting(name: "leaf divisor", value: "\(leafDivisor)", valid: "an integer >= 1")
            }
        }
    }

    /// Every parameter's main effect, the largest share first (ties in the space's order).
    public var mainEffects: [Effect]
    /// The interactions of the analysed pairs, the largest share first.
    public var pairEffects: [Effect]
    /// The number of trials the forest was fitted to.
    public var trialCount: Int
    /// The number of trees whose variance was shared out (trees that predict a constant are left out).
    public var treeCount: Int
    /// The mean over the trees of the variance of their prediction over the space.
    public var variance: Double

    /// Creates an analysis result.
    public init(mainEffects: [Effect], pairEffects: [Effect], trialCount: Int, treeCount: Int, variance: Double) {
        self.mainEffects = mainEffects
        self.pairEffects = pairEffects
        self.trialCount = trialCount
        self.treeCount = treeCount
        self.variance = variance
    }

    /// The fANOVA importance of the parameters of `space` for the losses `values` of
    /// `configurations`; the forest is drawn from `seed`, so the same inputs give the same result.
    ///
    /// Throws ``ImportanceError`` for fewer than 2 trials or losses that are all equal, and
    /// ``SurrogateError`` or ``SpaceError`` for values that are not finite or configurations
    /// outside the space.
    public static func fanova(
        configurations: [Configuration], values: [Double], space: SearchSpace, settings: Settings = Settings(),
        seed: UInt64 = 0
    ) throws -> ParameterImportance {
        let analysis = try FunctionalANOVA(
            configurations: configurations, values: values, space: space, settings: settings, seed: seed)
        return try analysis.importance(pairsAmong: settings.pairsAmong)
    }
}
