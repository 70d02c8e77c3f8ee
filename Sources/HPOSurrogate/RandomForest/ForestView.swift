/// Unsafe views of a fitted forest's arrays, valid inside ``RandomForest/withView(_:)``: what
/// the prediction loops read, without bounds checks or reference counting.
struct ForestView {
    let nodes: UnsafeBufferPointer<TreeNode>
    let means: UnsafeBufferPointer<Double>
    let variances: UnsafeBufferPointer<Double>
    let masks: UnsafeBufferPointer<UInt64>
    let roots: UnsafeBufferPointer<Int32>
    let codings: UnsafeBufferPointer<FeatureCoding>
    let depth: Int
    let allMasks: Bool
    let settings: RandomForest.Settings

    /// The forest's prediction at the internal values `x`.
    ///
    /// The trees are walked in lockstep, one level of every tree per round, so the walks overlap
    /// in the processor instead of waiting on each other; a walk that reaches a leaf stays there.
    @inline(__always)
    func prediction(_ x: UnsafeBufferPointer<Double>) -> Prediction {
        let dimension = codings.count - 1
        guard !roots.isEmpty, x.count == dimension else { return Prediction(mean: 0, variance: 1) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: roots.count) { at in
            if !(allMasks && walkMasks(x, at: at)) { walk(x, at: at) }
            return combine(leaves: UnsafeBufferPointer(at))
        }
    }

    /// Walks every tree when all splits are 64-bit masks: each value becomes a bit position
    /// once, and each step is a shift. Returns `false`, leaving `at` undefined, when a value is
    /// outside its parameter's 64 bits (the general walk handles it).
    @inline(__always)
    private func walkMasks(_ x: UnsafeBufferPointer<Double>, at: UnsafeMutableBufferPointer<Int>) -> Bool {
        let dimension = x.count
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: dimension + 1) { bit in
            for f in 0..<dimension {
                let offset = x[f] - codings[f].low
                guard offset >= 0, offset < 64 else { return false }
                bit[f] = UInt64(offset)
            }
            bit[dimension] = 0
            for t in 0..<roots.count { at[t] = Int(roots[t]) }
            for _ in 0..<depth {
                var moved = false
                for t in 0..<roots.count {
                    let node = nodes[at[t]]
                    let next = Int(node.left) + Int(truncatingIfNeeded: ~(node.split &>> bit[Int(node.feature)]) & 1)
                    moved = moved || next != at[t]
                    at[t] = next
                }
                if !moved { break }
            }
            return true
        }
    }

    /// Walks every tree, whatever the coding of the features.
    @inline(__always)
    private func walk(_ x: UnsafeBufferPointer<Double>, at: UnsafeMutableBufferPointer<Int>) {
        let dimension = x.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: dimension + 1) { point in
            for f in 0..<dimension { point[f] = x[f] }
            point[dimension] = 0
            for t in 0..<roots.count { at[t] = Int(roots[t]) }
            for _ in 0..<depth {
                var moved = false
                for t in 0..<roots.count {
                    let node = nodes[at[t]]
                    let feature = Int(node.feature)
                    let next = Int(node.left) + codings[feature].step(point[feature], split: node.split, pool: masks)
                    moved = moved || next != at[t]
                    at[t] = next
                }
                if !moved { break }
            }
        }
    }

    /// The forest's prediction from the leaf each tree reached.
    @inline(__always)
    private func combine(leaves: UnsafeBufferPointer<Int>) -> Prediction {
        // The trees' means are summed as offsets from the first tree's, so trees that agree
        // give a variance of exactly zero.
        let first = means[leaves[0]]
        var sum = 0.0
        var sumOfSquares = 0.0
        var leafVariance = 0.0
        for leaf in leaves {
            let offset = means[leaf] - first
            sum += offset
            sumOfSquares += offset * offset
            leafVariance += variances[leaf]
        }
        return prediction(first: first, sum: sum, sumOfSquares: sumOfSquares, leafVariance: leafVariance)
    }

    /// The prediction from the sums over the trees (in tree order) of the offsets of their
    /// means from the first tree's mean, of the offsets' squares and of the leaves' variances.
    @inline(__always)
    func prediction(first: Double, sum: Double, sumOfSquares: Double, leafVariance: Double) -> Prediction {
        let trees = Double(roots.count)
        let meanOffset = sum / trees
        var variance = max(sumOfSquares / trees - meanOffset * meanOffset, 0)
        if settings.includeLeafVariance { variance += leafVariance / trees }
        return Prediction(mean: first + meanOffset, variance: max(variance, settings.varianceFloor))
    }
}
