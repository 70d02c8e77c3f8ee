import HPORandom
import HPOSpace

/// The functional ANOVA of a random forest fitted to a study's trials: each tree's prediction as a
/// partition of the space (see ``ParameterImportance``), from which the variance shares and the
/// marginal predictions (the loss expected at some parameters' values, averaged over all the
/// others) are exact.
///
/// The space is weighted as random search draws it: categorical and ordinal values equally, real
/// and integer ranges uniformly or log-uniformly. The forest models the loss itself (no
/// transform), uses every parameter at each split and grows each tree on a bootstrap sample.
public struct FunctionalANOVA: Sendable {
    /// The space analysed.
    public let space: SearchSpace
    /// The number of trials the forest was fitted to.
    public let trialCount: Int
    private let measures: [ParameterMeasure]
    private let trees: [TreePartition]

    /// A marginal prediction: the mean over the trees and their standard deviation.
    public struct Marginal: Hashable, Sendable {
        /// The mean over the trees of their marginal predictions.
        public var mean: Double
        /// The standard deviation of the trees' marginal predictions.
        public var spread: Double
    }

    /// Fits a forest of `settings.trees` trees (drawn from `seed`) to the losses `values` of
    /// `configurations` and decomposes it.
    ///
    /// Throws ``ImportanceError/notEnoughTrials(count:needed:)`` for fewer than 2 trials,
    /// ``ImportanceError/constantLoss(value:)`` when all losses are equal, and ``SurrogateError``
    /// or ``SpaceError`` for values that are not finite or configurations outside the space.
    public init(
        configurations: [Configuration], values: [Double], space: SearchSpace,
        settings: ParameterImportance.Settings = ParameterImportance.Settings(), seed: UInt64 = 0
    ) throws {
        try settings.validate()
        guard configurations.count >= 2 else {
            throw ImportanceError.notEnoughTrials(count: configurations.count, needed: 2)
        }
        if let first = values.first, values.allSatisfy({ $0 == first }) {
            throw ImportanceError.constantLoss(value: first)
        }
        let forestSettings = RandomForest.Settings(
            trees: settings.trees, featuresPerSplit: .all, minSamplesToSplit: 2,
            minSamplesPerLeaf: max(1, configurations.count / settings.leafDivisor), bootstrap: true,
            targets: .identity)
        var forest = try RandomForest(space: space, settings: forestSettings)
        var generator = SeededGenerator(seed: seed)
        try forest.fit(configurations, values, using: &generator)
        let measures = space.parameters.map(ParameterMeasure.init)
        self.space = space
        self.trialCount = configurations.count
        self.measures = measures
        self.trees = forest.leafBoxes(measures: measures).map { TreePartition(leaves: $0, measures: measures) }
    }

    /// The trees whose prediction varies over the space.
    private var varyingTrees: [TreePartition] { trees.filter { $0.variance > 0 } }

    /// The main effect of every parameter and the interactions of every pair among the
    /// `pairsAmong` parameters of the largest main effects.
    ///
    /// Throws ``ImportanceError/constantLoss(value:)`` when no tree's prediction varies.
    public func importance(pairsAmong: Int) throws -> ParameterImportance {
        let trees = varyingTrees
        guard !trees.isEmpty else { throw ImportanceError.constantLoss(value: self.trees.first?.mean ?? 0) }
        let names = space.parameters.map(\.name)
        // fractions[tree][f]: the share of tree's variance the main effect of f explains.
        let mainVariances = trees.map { tree in names.indices.map { tree.marginalVariance($0) } }
        func effect(_ indices: [Int], _ fractions: [Double]) -> ParameterImportance.Effect {
            let (mean, spread) = Self.meanAndSpread(fractions)
            return ParameterImportance.Effect(parameters: indices.map { names[$0] }, indices: indices, share: mean, spread: spread)
        }
        let mainEffects = names.indices.map { f in
            effect([f], zip(trees, mainVariances).map { $1[f] / $0.variance })
        }.sorted { $0.share > $1.share || ($0.share == $1.share && $0.indices[0] < $1.indices[0]) }
        let top = mainEffects.prefix(max(0, pairsAmong)).map { $0.indices[0] }.sorted()
        var pairEffects: [ParameterImportance.Effect] = []
        for (a, f) in top.enumerated() {
            for g in top[(a + 1)...] {
                let fractions = zip(trees, mainVariances).map { tree, main in
                    max(0, tree.marginalVariance(f, g) - main[f] - main[g]) / tree.variance
                }
                pairEffects.append(effect([f, g], fractions))
            }
        }
        pairEffects.sort { $0.share > $1.share || ($0.share == $1.share && $0.indices.lexicographicallyPrecedes($1.indices)) }
        let variance = trees.reduce(0) { $0 + $1.variance } / Double(trees.count)
        return ParameterImportance(
            mainEffects: mainEffects, pairEffects: pairEffects, trialCount: trialCount, treeCount: trees.count,
            variance: variance)
    }

    /// The marginal prediction of parameter `parameter` at each internal value of `values`.
    public func marginal(parameter: Int, at values: [Double]) -> [Marginal] {
        let perTree = trees.map { tree in
            let marginal = tree.marginal(parameter)
            return values.map { marginal[tree.cell(of: $0, parameter: parameter, measure: measures[parameter])] }
        }
        return values.indices.map { i in
            let (mean, spread) = Self.meanAndSpread(perTree.map { $0[i] })
            return Marginal(mean: mean, spread: spread)
        }
    }

    /// The mean over the trees of the joint marginal prediction of parameters `first` and
    /// `second`: `result[i][j]` at the internal values `firstValues[i]` and `secondValues[j]`.
    public func marginal(_ first: Int, _ second: Int, at firstValues: [Double], _ secondValues: [Double]) -> [[Double]] {
        var sums = [[Double]](repeating: [Double](repeating: 0, count: secondValues.count), count: firstValues.count)
        guard first != second, !trees.isEmpty else { return sums }
        for tree in trees {
            let grid = tree.marginal(first, second)
            let columns = tree.cellCount(second)
            let rows = firstValues.map { tree.cell(of: $0, parameter: first, measure: measures[first]) }
            let cells = secondValues.map { tree.cell(of: $0, parameter: second, measure: measures[second]) }
            for (i, row) in rows.enumerated() {
                for (j, column) in cells.enumerated() { sums[i][j] += grid[row * columns + column] }
            }
        }
        let count = Double(trees.count)
        return sums.map { $0.map { $0 / count } }
    }

    /// The mean and the (population) standard deviation of `values`.
    static func meanAndSpread(_ values: [Double]) -> (mean: Double, spread: Double) {
        guard !values.isEmpty else { return (0, 0) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }
}
