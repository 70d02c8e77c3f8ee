/// The fitted trees of a forest in flat arrays: the nodes, each node's target statistics by the
/// same index, and the pooled choice masks of large categorical parameters.
struct ForestStorage: Sendable {
    /// Every tree's nodes, tree after tree.
    var nodes: [TreeNode] = []
    /// The mean of each node's samples' (transformed) targets: a leaf's prediction.
    var means: [Double] = []
    /// The variance of each node's samples' (transformed) targets.
    var variances: [Double] = []
    /// The choice masks of splits on categorical parameters with more than 64 choices.
    var masks: [UInt64] = []
    /// The index of each tree's root in `nodes`.
    var roots: [Int32] = []
    /// The depth of the deepest leaf: lockstep walks need this many steps at most.
    var depth = 0

    /// Reserves room for `trees` trees of about `nodesPerTree` nodes.
    mutating func reserve(trees: Int, nodesPerTree: Int) {
        nodes.reserveCapacity(trees * nodesPerTree)
        means.reserveCapacity(trees * nodesPerTree)
        variances.reserveCapacity(trees * nodesPerTree)
        roots.reserveCapacity(trees)
    }

    /// Appends a node with its statistics and returns its index.
    @discardableResult
    mutating func append(_ node: TreeNode, mean: Double, variance: Double) -> Int {
        nodes.append(node)
        means.append(mean)
        variances.append(variance)
        return nodes.count - 1
    }
}
