import HPOSpace

/// One node of a regression tree, stored by value in the forest's flat node array (16 bytes;
/// the nodes' target means and variances are kept apart, in ``ForestStorage``).
///
/// An inner node's children are adjacent: a configuration goes to `left` or to `left + 1`, so
/// the walk down a tree computes the next index instead of branching. A leaf points to itself
/// through a *virtual feature* (index `dimension`, always 0, whose mask sends it left), so a
/// walk that has reached a leaf stays there and all trees can be walked in lockstep. What
/// `split` holds depends on how the node's feature is coded (see ``FeatureCoding``):
/// - `.mask`: bit `b` is set when the value `low + b` goes left;
/// - `.threshold`: the bit pattern of the largest value that goes left;
/// - `.pooledMask`: the offset of the node's choice mask in the forest's mask array.
struct TreeNode: Hashable, Sendable {
    /// The feature (parameter index) the node splits on; the virtual feature for a leaf.
    var feature: Int32
    /// The index of the left child in the forest's node array; the right child follows it.
    var left: Int32
    /// The split, coded as the feature's ``FeatureCoding`` says.
    var split: UInt64

    /// The leaf at `index` of a forest over `dimension` parameters.
    static func leaf(at index: Int, dimension: Int) -> TreeNode {
        TreeNode(feature: Int32(dimension), left: Int32(index), split: 1)
    }
}

/// How the forest codes the splits of one feature (parameter).
struct FeatureCoding: Hashable, Sendable {
    /// The kinds of split coding.
    enum Kind: UInt8, Hashable, Sendable {
        /// A 64-bit mask over the values `low ..< low + 64`: categorical, ordinal and integer
        /// parameters with at most 64 values. Ordered ones still split at thresholds; the mask
        /// just records which values fall below.
        case mask
        /// A threshold on the value: real parameters and integer ranges wider than 64.
        case threshold
        /// A mask of `words` 64-bit words in the forest's mask array: categorical parameters
        /// with more than 64 choices.
        case pooledMask
    }

    /// How splits on the feature are coded.
    var kind: Kind
    /// Whether a split is a subset of choices (categorical) rather than a threshold.
    var isCategorical: Bool
    /// The smallest internal value (the value of bit 0 of a mask).
    var low: Double
    /// The number of values of a finite domain (0 for a real one).
    var cardinality: Int
    /// The number of 64-bit words of a pooled mask.
    var words: Int

    /// The coding of the virtual feature of leaves: value 0, bit 0 of a mask.
    static let virtual = FeatureCoding(kind: .mask, isCategorical: false, low: 0, cardinality: 1, words: 0)

    /// A coding with the given fields.
    init(kind: Kind, isCategorical: Bool, low: Double, cardinality: Int, words: Int) {
        self.kind = kind
        self.isCategorical = isCategorical
        self.low = low
        self.cardinality = cardinality
        self.words = words
    }

    /// The coding of a parameter's domain.
    init(_ domain: Domain) {
        switch domain {
        case .categorical(let choices):
            kind = choices.count <= 64 ? .mask : .pooledMask
            isCategorical = true
            low = 0
            cardinality = choices.count
        case .ordinal(let values):
            kind = values.count <= 64 ? .mask : .threshold
            isCategorical = false
            low = 0
            cardinality = values.count
        case .integer(let low, let high, _):
            kind = high - low < 64 ? .mask : .threshold
            isCategorical = false
            self.low = Double(low)
            cardinality = high - low + 1
        case .real:
            kind = .threshold
            isCategorical = false
            low = 0
            cardinality = 0
        }
        words = kind == .pooledMask ? (cardinality + 63) / 64 : 0
    }

    /// 0 when `value` goes to the left child under `split`, 1 when it goes right; `pool` is the
    /// forest's mask array. Values outside a finite domain (and NaN) go right.
    @inline(__always)
    func step(_ value: Double, split: UInt64, pool: UnsafeBufferPointer<UInt64>) -> Int {
        switch kind {
        case .mask:
            let offset = value - low
            guard offset >= 0, offset < 64 else { return 1 }
            return Int(truncatingIfNeeded: ~(split &>> UInt64(offset)) & 1)
        case .threshold:
            return value <= Double(bitPattern: split) ? 0 : 1
        case .pooledMask:
            guard value >= 0, value < Double(cardinality) else { return 1 }
            let choice = Int(value)
            return Int(truncatingIfNeeded: ~(pool[Int(split) + choice >> 6] >> UInt64(choice & 63)) & 1)
        }
    }
}
