/// One node of a regression tree, stored by value in the forest's flat node array.
///
/// An inner node sends a configuration to `left` when its value of `feature` is at most
/// `threshold` (ordered features) or is a choice whose bit is set in the category mask at
/// `maskOffset` (categorical features), and to `right` otherwise. A leaf has `feature == -1`.
struct TreeNode: Hashable, Sendable {
    /// The feature (parameter index) the node splits on, or -1 for a leaf.
    var feature: Int32
    /// The index of the left child in the forest's node array.
    var left: Int32
    /// The index of the right child in the forest's node array.
    var right: Int32
    /// For a categorical split, the first word of its choice mask in the forest's mask array.
    var maskOffset: Int32
    /// For an ordered split, the largest value that goes left.
    var threshold: Double
    /// For a leaf, the mean of its samples' (transformed) targets.
    var mean: Double
    /// For a leaf, the variance of its samples' (transformed) targets.
    var variance: Double

    /// A leaf predicting `mean` with within-leaf `variance`.
    static func leaf(mean: Double, variance: Double) -> TreeNode {
        TreeNode(feature: -1, left: -1, right: -1, maskOffset: -1, threshold: 0, mean: mean, variance: variance)
    }

    /// Whether the node is a leaf.
    var isLeaf: Bool { feature < 0 }
}

/// How the forest reads one feature (parameter) of a configuration.
struct FeatureKind: Hashable, Sendable {
    /// The number of choices of a categorical parameter, or 0 for an ordered parameter.
    var categories: Int32
    /// The number of 64-bit words of a categorical parameter's choice masks.
    var maskWords: Int32

    /// An ordered (ordinal, integer or real) parameter: threshold splits.
    static let ordered = FeatureKind(categories: 0, maskWords: 0)

    /// A categorical parameter with `choices` choices: subset splits.
    static func categorical(choices: Int) -> FeatureKind {
        FeatureKind(categories: Int32(choices), maskWords: Int32((choices + 63) / 64))
    }

    /// Whether splits on the feature are subsets of choices.
    var isCategorical: Bool { categories > 0 }
}
