extension ForestView {
    /// Predicts every configuration of a finite space into `out`, indexed by dense id, when every
    /// parameter splits by a 64-bit mask (``allMasks``).
    ///
    /// A tree's leaves cut the space into boxes, one set of values per parameter, so instead of
    /// walking every configuration down every tree, each tree is walked once: a node narrows its
    /// box by its split, and a leaf adds its mean to the ids of its box. A tree then costs one
    /// write per configuration. The space is done block by block of consecutive ids, so that the
    /// sums stay in the cache. The sums run over the trees in the order of ``prediction(_:)``,
    /// so both give bit-identical predictions.
    ///
    /// - Parameters:
    ///   - strides: the place value of each parameter's value index in an id.
    ///   - cardinalities: the number of values of each parameter (at most 64).
    ///   - out: one prediction per id; its count is the size of the space.
    func predictEveryConfiguration(
        strides: UnsafeBufferPointer<Int>, cardinalities: UnsafeBufferPointer<Int>,
        into out: UnsafeMutableBufferPointer<Prediction>
    ) {
        let dimension = codings.count - 1
        guard !roots.isEmpty, dimension > 0 else {
            out.update(repeating: Prediction(mean: 0, variance: 1))
            return
        }
        let size = out.count
        // The space is done in blocks of consecutive ids small enough for the sums to stay in
        // the processor's cache while every tree adds to them: a block fixes the values of the
        // first `prefix` parameters.
        var prefix = 0
        while prefix < dimension - 1, strides[prefix] >= Self.blockSize { prefix += 1 }
        let blockSize = prefix == 0 ? size : strides[prefix - 1]
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * blockSize) { scratch in
            let sums = Accumulators(
                first: UnsafeMutableBufferPointer(rebasing: scratch[0..<blockSize]),
                sums: UnsafeMutableBufferPointer(rebasing: scratch[blockSize..<(2 * blockSize)]),
                squares: UnsafeMutableBufferPointer(rebasing: scratch[(2 * blockSize)..<(3 * blockSize)]),
                leafVariances: UnsafeMutableBufferPointer(rebasing: scratch[(3 * blockSize)...]))
            // boxes[level * dimension + f]: the values of parameter f a node at `level` admits.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (depth + 2) * dimension) { boxes in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: dimension) { full in
                    for f in 0..<dimension {
                        full[f] = cardinalities[f] >= 64 ? ~0 : (1 << UInt64(cardinalities[f])) - 1
                    }
                    let full = UnsafeBufferPointer(full)
                    for start in stride(from: 0, to: size, by: blockSize) {
                        for f in 0..<dimension {
                            boxes[f] = f < prefix ? 1 << UInt64((start / strides[f]) % cardinalities[f]) : full[f]
                        }
                        for (tree, root) in roots.enumerated() {
                            fill(
                                node: Int(root), level: 0, firstTree: tree == 0, boxes: boxes, full: full,
                                strides: strides, blockStart: start, sums)
                        }
                        for i in 0..<blockSize {
                            out[start + i] = prediction(
                                first: sums.first[i], sum: sums.sums[i], sumOfSquares: sums.squares[i],
                                leafVariance: sums.leafVariances[i])
                        }
                    }
                }
            }
        }
    }

    /// The number of ids whose sums are kept at a time (about 128 KB of sums).
    private static var blockSize: Int { 4096 }

    /// Per-id running sums over the trees (see ``prediction(first:sum:sumOfSquares:leafVariance:)``),
    /// for the ids of one block, by offset from the block's start.
    private struct Accumulators {
        let first: UnsafeMutableBufferPointer<Double>
        let sums: UnsafeMutableBufferPointer<Double>
        let squares: UnsafeMutableBufferPointer<Double>
        let leafVariances: UnsafeMutableBufferPointer<Double>
    }

    /// Adds the leaves under `node`, whose box is at `level` of `boxes`, to the accumulators.
    private func fill(
        node index: Int, level: Int, firstTree: Bool, boxes: UnsafeMutableBufferPointer<UInt64>,
        full: UnsafeBufferPointer<UInt64>, strides: UnsafeBufferPointer<Int>, blockStart: Int, _ sums: Accumulators
    ) {
        let dimension = codings.count - 1
        let node = nodes[index]
        let feature = Int(node.feature)
        let box = level * dimension
        if feature == dimension {
            let mean = means[index]
            let variance = variances[index]
            forEachRun(in: UnsafeBufferPointer(rebasing: boxes[box..<(box + dimension)]), full: full, strides: strides) { start, end in
                let start = start - blockStart
                let end = end - blockStart
                if firstTree {
                    for id in start..<end {
                        sums.first[id] = mean
                        sums.sums[id] = 0
                        sums.squares[id] = 0
                        sums.leafVariances[id] = variance
                    }
                } else {
                    for id in start..<end {
                        let offset = mean - sums.first[id]
                        sums.sums[id] += offset
                        sums.squares[id] += offset * offset
                        sums.leafVariances[id] += variance
                    }
                }
            }
            return
        }
        // A mask's set bits go left; the children's box differs from this one in `feature` only.
        let child = box + dimension
        for f in 0..<dimension { boxes[child + f] = boxes[box + f] }
        let admitted = boxes[box + feature]
        let left = admitted & node.split
        if left != 0 {
            boxes[child + feature] = left
            fill(
                node: Int(node.left), level: level + 1, firstTree: firstTree, boxes: boxes, full: full, strides: strides,
                blockStart: blockStart, sums)
        }
        let right = admitted & ~node.split
        if right != 0 {
            boxes[child + feature] = right
            fill(
                node: Int(node.left) + 1, level: level + 1, firstTree: firstTree, boxes: boxes, full: full, strides: strides,
                blockStart: blockStart, sums)
        }
    }

    /// Calls `body` with the ranges of ids (start, end) that make up `box` (one mask of values
    /// per parameter, none empty; `full` admits every value). Ids count with the last parameter
    /// fastest, so the parameters after the last one the box restricts span consecutive ids:
    /// only the values of the others are enumerated, like an odometer.
    @inline(__always)
    private func forEachRun(
        in box: UnsafeBufferPointer<UInt64>, full: UnsafeBufferPointer<UInt64>, strides: UnsafeBufferPointer<Int>,
        _ body: (Int, Int) -> Void
    ) {
        var last = box.count - 1
        while last >= 0, box[last] == full[last] { last -= 1 }
        guard last >= 0 else {
            body(0, strides[0] * (full[0].nonzeroBitCount))
            return
        }
        let length = strides[last]
        let innermost = box[last]
        guard last > 0 else {
            forEachValue(of: innermost) { body($0 * length, $0 * length + length) }
            return
        }
        // An odometer over the parameters before `last`; the values of `last` are the inner loop.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: last) { rest in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: last + 1) { partial in
                partial[0] = 0
                // Takes the lowest remaining value of parameter f and updates the partial id.
                func advance(_ f: Int) {
                    let digit = rest[f].trailingZeroBitCount
                    rest[f] &= rest[f] &- 1
                    partial[f + 1] = partial[f] + digit * strides[f]
                }
                for f in 0..<last {
                    rest[f] = box[f]
                    advance(f)
                }
                while true {
                    let base = partial[last]
                    forEachValue(of: innermost) { body(base + $0 * length, base + $0 * length + length) }
                    var f = last - 1
                    while f >= 0, rest[f] == 0 { f -= 1 }
                    if f < 0 { return }
                    advance(f)
                    for g in (f + 1)..<last {
                        rest[g] = box[g]
                        advance(g)
                    }
                }
            }
        }
    }

    /// Calls `body` with the position of every set bit of `mask`, lowest first.
    @inline(__always)
    private func forEachValue(of mask: UInt64, _ body: (Int) -> Void) {
        var rest = mask
        while rest != 0 {
            body(rest.trailingZeroBitCount)
            rest &= rest &- 1
        }
    }
}
