import HPORandom
import HPOSpace

/// A random forest of regression trees, the surrogate of SMAC (Hutter, Hoos and Leyton-Brown
/// 2011), predicting a mean and a variance from the spread of its trees.
///
/// Each tree is grown on a bootstrap sample of the observations (see ``Settings``). Categorical
/// parameters split into subsets of their choices, so their numbering carries no meaning; ordinal,
/// integer and real parameters split at thresholds of their internal values. The trees live in
/// one flat array of nodes, so a prediction walks a few small structs per tree and allocates
/// nothing; ``predict(_:into:)`` predicts many configurations in one tight loop.
///
/// Predictions are on the scale of ``targetTransform`` (by default the logarithm of the values):
/// the mean is the average of the trees' leaf means and the variance is the variance across
/// the trees' predictions (optionally plus the mean within-leaf variance), floored at
/// ``Settings/varianceFloor``.
public struct RandomForest: Surrogate {
    public let space: SearchSpace
    /// The settings in use.
    public let settings: Settings
    /// The scale of the predictions, fitted to the observed values; `.identity` before `fit`.
    public private(set) var targetTransform: TargetTransform = .identity

    /// Every tree's nodes, tree after tree.
    private var nodes: [TreeNode] = []
    /// The index of each tree's root in `nodes`.
    private var roots: [Int32] = []
    /// The choice masks of categorical splits, `maskWords` words each.
    private var masks: [UInt64] = []
    /// How each parameter splits.
    private let kinds: [FeatureKind]

    /// An unfitted forest over `space`; throws ``SurrogateError`` for invalid settings.
    public init(space: SearchSpace, settings: Settings = Settings()) throws {
        try settings.validate()
        self.space = space
        self.settings = settings
        self.kinds = space.parameters.map { parameter in
            if case .categorical(let choices) = parameter.domain { .categorical(choices: choices.count) } else { .ordered }
        }
    }

    /// The number of trees fitted (0 before `fit`).
    public var treeCount: Int { roots.count }

    /// The number of nodes of all trees together.
    public var nodeCount: Int { nodes.count }

    // MARK: - Fitting

    /// Grows ``Settings/trees`` trees on the observations, replacing any earlier fit.
    ///
    /// Throws ``SurrogateError`` when there are no observations, the counts differ or a value is
    /// not finite, and ``SpaceError`` when a configuration is not in the space. Tree `t` draws its
    /// bootstrap and features from `generator.split(stream: t)`.
    public mutating func fit(_ configurations: [Configuration], _ values: [Double], using generator: inout SeededGenerator) throws {
        guard !configurations.isEmpty else { throw SurrogateError.noObservations }
        guard configurations.count == values.count else {
            throw SurrogateError.countMismatch(configurations: configurations.count, values: values.count)
        }
        for (index, value) in values.enumerated() where !value.isFinite {
            throw SurrogateError.nonFiniteValue(index: index, value: value)
        }
        for configuration in configurations { try space.validate(configuration) }

        let transform: TargetTransform = settings.logTargets ? .logarithm(fittedTo: values) : .identity
        let data = TrainingData(space: space, configurations: configurations, targets: values.map(transform.apply))
        var builder = TreeBuilder(data: data, settings: settings)
        var nodes: [TreeNode] = []
        var masks: [UInt64] = []
        var roots: [Int32] = []
        let leavesPerTree = data.count / settings.minSamplesPerLeaf + 1
        nodes.reserveCapacity(settings.trees * 2 * leavesPerTree)
        roots.reserveCapacity(settings.trees)
        for tree in 0..<settings.trees {
            var treeGenerator = generator.split(stream: UInt64(tree))
            roots.append(builder.grow(into: &nodes, masks: &masks, using: &treeGenerator))
        }
        self.nodes = nodes
        self.masks = masks
        self.roots = roots
        self.targetTransform = transform
    }

    // MARK: - Prediction

    /// The predictive mean and variance at `configuration`, on the scale of ``targetTransform``.
    ///
    /// Before `fit` the forest predicts mean 0 and variance 1. The configuration should be in the
    /// space; a categorical value outside its choices (or not a number) goes right at every split.
    public func predict(_ configuration: Configuration) -> Prediction {
        nodes.withUnsafeBufferPointer { nodes in
            masks.withUnsafeBufferPointer { masks in
                configuration.values.withUnsafeBufferPointer { x in
                    prediction(x, nodes: nodes, masks: masks)
                }
            }
        }
    }

    /// Predicts every configuration into `predictions`, which is resized to match and reuses its
    /// storage: the fast path for scoring many candidates.
    public func predict(_ configurations: [Configuration], into predictions: inout [Prediction]) {
        if predictions.count != configurations.count {
            predictions = [Prediction](repeating: Prediction(mean: 0, variance: 0), count: configurations.count)
        }
        nodes.withUnsafeBufferPointer { nodes in
            masks.withUnsafeBufferPointer { masks in
                predictions.withUnsafeMutableBufferPointer { out in
                    for (i, configuration) in configurations.enumerated() {
                        out[i] = configuration.values.withUnsafeBufferPointer { x in
                            prediction(x, nodes: nodes, masks: masks)
                        }
                    }
                }
            }
        }
    }

    /// The predictions at `configurations`.
    public func predict(_ configurations: [Configuration]) -> [Prediction] {
        var predictions: [Prediction] = []
        predict(configurations, into: &predictions)
        return predictions
    }

    /// The forest's prediction at the internal values `x`.
    private func prediction(
        _ x: UnsafeBufferPointer<Double>, nodes: UnsafeBufferPointer<TreeNode>, masks: UnsafeBufferPointer<UInt64>
    ) -> Prediction {
        guard !roots.isEmpty, x.count == kinds.count else { return Prediction(mean: 0, variance: 1) }
        // The trees' means are summed as offsets from the first tree's, so trees that agree
        // give a variance of exactly zero.
        var first = 0.0
        var sum = 0.0
        var sumOfSquares = 0.0
        var leafVariance = 0.0
        for (t, root) in roots.enumerated() {
            let leaf = nodes[leafIndex(x, root: Int(root), nodes: nodes, masks: masks)]
            if t == 0 { first = leaf.mean }
            let offset = leaf.mean - first
            sum += offset
            sumOfSquares += offset * offset
            leafVariance += leaf.variance
        }
        let trees = Double(roots.count)
        let meanOffset = sum / trees
        var variance = max(sumOfSquares / trees - meanOffset * meanOffset, 0)
        if settings.includeLeafVariance { variance += leafVariance / trees }
        return Prediction(mean: first + meanOffset, variance: max(variance, settings.varianceFloor))
    }

    /// The index of the leaf of the tree at `root` that `x` falls into.
    @inline(__always)
    private func leafIndex(
        _ x: UnsafeBufferPointer<Double>, root: Int, nodes: UnsafeBufferPointer<TreeNode>, masks: UnsafeBufferPointer<UInt64>
    ) -> Int {
        var index = root
        while true {
            let node = nodes[index]
            let feature = Int(node.feature)
            if feature < 0 { return index }
            let value = x[feature]
            let goesLeft: Bool
            if node.maskOffset >= 0 {
                let choices = Double(kinds[feature].categories)
                if value >= 0, value < choices {
                    let choice = Int(value)
                    goesLeft = masks[Int(node.maskOffset) + choice >> 6] & (UInt64(1) << UInt64(choice & 63)) != 0
                } else {
                    goesLeft = false
                }
            } else {
                goesLeft = value <= node.threshold
            }
            index = Int(goesLeft ? node.left : node.right)
        }
    }
}
