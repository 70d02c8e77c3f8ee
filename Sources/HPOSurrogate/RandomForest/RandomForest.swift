import HPORandom
import HPOSpace

/// A random forest of regression trees, the surrogate of SMAC (Hutter, Hoos and Leyton-Brown
/// 2011), predicting a mean and a variance from the spread of its trees.
///
/// Each tree is grown on a bootstrap sample of the observations (see ``Settings``). Categorical
/// parameters split into subsets of their choices, so their numbering carries no meaning; ordinal,
/// integer and real parameters split at thresholds of their internal values. The trees live in
/// one flat array of 16-byte nodes, so a prediction walks a few small structs per tree and
/// allocates nothing; ``predict(_:into:)`` predicts many configurations in one tight loop and
/// ``predictEveryConfiguration(into:)`` a whole finite space by id.
///
/// Fitting allocates its scratch buffers once per `fit` and grows each tree depth-first; a
/// bootstrap's repeated draws are weights, not copies.
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

    /// The fitted trees.
    private var storage = ForestStorage()
    /// How each parameter's splits are coded, then the virtual feature of leaves.
    private let codings: [FeatureCoding]
    /// Whether every parameter's splits are 64-bit masks (finite parameters of at most 64
    /// values), which allows the fastest walk.
    private let allMasks: Bool

    /// An unfitted forest over `space`; throws ``SurrogateError`` for invalid settings.
    public init(space: SearchSpace, settings: Settings = Settings()) throws {
        try settings.validate()
        self.space = space
        self.settings = settings
        self.codings = space.parameters.map { FeatureCoding($0.domain) } + [.virtual]
        self.allMasks = codings.allSatisfy { $0.kind == .mask }
    }

    /// The number of trees fitted (0 before `fit`).
    public var treeCount: Int { storage.roots.count }

    /// The number of nodes of all trees together.
    public var nodeCount: Int { storage.nodes.count }

    // MARK: - Fitting

    /// Grows ``Settings/trees`` trees on the observations, replacing any earlier fit.
    ///
    /// Throws ``SurrogateError`` when there are no observations, the counts differ or a value is
    /// not finite, and ``SpaceError`` when a configuration is not in the space. Tree `t` draws its
    /// bootstrap and features from `generator.split(stream: t)`.
    public mutating func fit(_ configurations: [Configuration], _ values: [Double], using generator: inout SeededGenerator) throws {
        try validateObservations(configurations, values)

        let transform = settings.targets.transform(fittedTo: values)
        let data = TrainingData(space: space, codings: Array(codings.dropLast()), configurations: configurations, targets: values.map(transform.apply))
        var builder = TreeBuilder(data: data, settings: settings)
        var storage = ForestStorage()
        storage.reserve(trees: settings.trees, nodesPerTree: 2 * (data.count / settings.minSamplesPerLeaf) + 1)
        for tree in 0..<settings.trees {
            var treeGenerator = generator.split(stream: UInt64(tree))
            builder.grow(into: &storage, using: &treeGenerator)
        }
        self.storage = storage
        self.targetTransform = transform
    }

    // MARK: - Prediction

    /// The predictive mean and variance at `configuration`, on the scale of ``targetTransform``.
    ///
    /// Before `fit` the forest predicts mean 0 and variance 1. The configuration should be in the
    /// space; a value outside its parameter's domain (or not a number) goes right at every
    /// split on a categorical, ordinal or integer parameter.
    public func predict(_ configuration: Configuration) -> Prediction {
        withView { view in
            configuration.values.withUnsafeBufferPointer { view.prediction($0) }
        }
    }

    /// Predicts every configuration into `predictions`, which is resized to match and reuses its
    /// storage: the fast path for scoring many candidates.
    public func predict(_ configurations: [Configuration], into predictions: inout [Prediction]) {
        if predictions.count != configurations.count {
            predictions = [Prediction](repeating: Prediction(mean: 0, variance: 0), count: configurations.count)
        }
        withView { view in
            predictions.withUnsafeMutableBufferPointer { out in
                for (i, configuration) in configurations.enumerated() {
                    out[i] = configuration.values.withUnsafeBufferPointer { view.prediction($0) }
                }
            }
        }
    }

    /// Predicts every configuration of a finite space into `predictions`, indexed by the
    /// configurations' dense ids (see ``SearchSpace/configuration(id:)``), without making the
    /// configurations: the exact argmax of an acquisition function over a finite space scores
    /// these. When every parameter has at most 64 values, each tree is walked once and fills
    /// the boxes of its leaves, which costs one write per configuration and tree; otherwise
    /// every configuration is walked down the trees. Throws ``SpaceError/notFinite(operation:)``
    /// for a space with a real parameter.
    public func predictEveryConfiguration(into predictions: inout [Prediction]) throws {
        guard let size = space.size else {
            throw SpaceError.notFinite(operation: "predicting every configuration")
        }
        if predictions.count != size {
            predictions = [Prediction](repeating: Prediction(mean: 0, variance: 0), count: size)
        }
        if allMasks, let strides = space.idStrides {
            let cardinalities = space.parameters.map { $0.domain.cardinality ?? 0 }
            withView { view in
                strides.withUnsafeBufferPointer { strides in
                    cardinalities.withUnsafeBufferPointer { cardinalities in
                        predictions.withUnsafeMutableBufferPointer { out in
                            view.predictEveryConfiguration(strides: strides, cardinalities: cardinalities, into: out)
                        }
                    }
                }
            }
            return
        }
        let bounds = space.parameters.map(\.indexBounds)
        withView { view in
            predictions.withUnsafeMutableBufferPointer { out in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: bounds.count) { point in
                    for (f, bound) in bounds.enumerated() { point[f] = bound.low }
                    let x = UnsafeBufferPointer(point)
                    for id in 0..<size {
                        out[id] = view.prediction(x)
                        // Counts up in mixed radix, the last parameter fastest, as ids do.
                        var f = bounds.count - 1
                        while f >= 0 {
                            if point[f] < bounds[f].high {
                                point[f] += 1
                                break
                            }
                            point[f] = bounds[f].low
                            f -= 1
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

    /// Calls `body` with unsafe views of the fitted forest.
    func withView<Result>(_ body: (ForestView) -> Result) -> Result {
        storage.nodes.withUnsafeBufferPointer { nodes in
            storage.means.withUnsafeBufferPointer { means in
                storage.variances.withUnsafeBufferPointer { variances in
                    storage.masks.withUnsafeBufferPointer { masks in
                        storage.roots.withUnsafeBufferPointer { roots in
                            codings.withUnsafeBufferPointer { codings in
                                body(ForestView(
                                    nodes: nodes, means: means, variances: variances, masks: masks, roots: roots,
                                    codings: codings, depth: storage.depth, allMasks: allMasks, settings: settings))
                            }
                        }
                    }
                }
            }
        }
    }
}
