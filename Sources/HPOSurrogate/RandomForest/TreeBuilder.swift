import HPORandom

/// Grows regression trees on one ``TrainingData``, reusing its scratch buffers from tree to tree
/// so that growing allocates only the nodes themselves.
///
/// Splits minimise the squared error. An ordered feature's candidates are the thresholds between
/// consecutive observed values. A categorical feature's candidates are found by Breiman's rule:
/// order the choices present at the node by their mean target and scan the partitions of that
/// order, which contains the optimal subset split for squared error; choices whose means are
/// exactly equal are never separated (some optimal split keeps them together), so the split does
/// not depend on how the choices are numbered. Choices absent from a node go to its larger child
/// (the left one on a tie, which holds the choices of smaller mean).
///
/// The builder owns raw buffers (freed when it goes out of scope), so its loops run without
/// bounds checks, reference counting or uniqueness checks.
struct TreeBuilder: ~Copyable {
    private let count: Int
    private let dimension: Int
    private let codings: [FeatureCoding]
    private let settings: RandomForest.Settings
    private let featuresToTry: Int

    // Copies of the training data.
    /// `bins[f * count + i]`: the bin of observation `i`'s value of feature `f`.
    private let bins: UnsafeMutableBufferPointer<Int32>
    /// `values[f * count + i]`: observation `i`'s value of feature `f`.
    private let values: UnsafeMutableBufferPointer<Double>
    /// The transformed targets.
    private let targets: UnsafeMutableBufferPointer<Double>
    /// The values of each ordered feature's bins, feature after feature, from `binValueStart[f]`.
    private let binValues: UnsafeMutableBufferPointer<Double>
    private let binValueStart: UnsafeMutableBufferPointer<Int>
    private let binValueCount: UnsafeMutableBufferPointer<Int>

    /// `slots[i * dimension + f]`: the slot of observation `i`'s value of feature `f` in the
    /// joint histogram, for features coded as 64-bit masks (at most 64 bins each).
    private let slots: UnsafeMutableBufferPointer<Int32>
    /// Where each mask-coded feature's bins start in the joint histogram (-1 for other features).
    private let slotStart: UnsafeMutableBufferPointer<Int>

    // Scratch buffers.
    /// The joint histogram of the mask-coded features: target sums and counts per slot.
    private let jointSum: UnsafeMutableBufferPointer<Double>
    private let jointCount: UnsafeMutableBufferPointer<Int32>
    /// How many times the bootstrap drew each observation (all 1 without bootstrap).
    private let weights: UnsafeMutableBufferPointer<Int32>
    /// The distinct observations of the tree, grouped by node: a bootstrap's repeats are
    /// weights rather than copies, which saves a third of the work and gives the same trees.
    private let samples: UnsafeMutableBufferPointer<Int32>
    private let partitionBuffer: UnsafeMutableBufferPointer<Int32>
    /// The current node's weighted targets minus its mean, by position in `samples`.
    private let centred: UnsafeMutableBufferPointer<Double>
    /// The current node's weights, by position in `samples`.
    private let positionWeights: UnsafeMutableBufferPointer<Int32>
    /// Indices of the features to histogram jointly in ``evaluate(features:_:_:)``.
    private let narrow: UnsafeMutableBufferPointer<Int>
    private let binSum: UnsafeMutableBufferPointer<Double>
    private let binCount: UnsafeMutableBufferPointer<Int32>
    private let binMean: UnsafeMutableBufferPointer<Double>
    /// The bins present at the node, the first `presentCount` entries.
    private let present: UnsafeMutableBufferPointer<Int32>
    private var presentCount = 0
    private let featureOrder: UnsafeMutableBufferPointer<Int>
    private let stack: UnsafeMutableBufferPointer<PendingNode>

    // The best split found so far at the current node.
    private var bestGain = 0.0
    private var bestFeature = -1
    /// The best split in the coding of ``TreeNode/split`` (for a pooled mask: set on storing).
    private var bestSplit: UInt64 = 0
    /// The best split's choice mask when its feature is categorical.
    private let bestMask: UnsafeMutableBufferPointer<UInt64>

    /// A node still to grow: its index and its samples' range.
    private struct PendingNode {
        var node: Int
        var start: Int
        var end: Int
        var depth: Int
    }

    /// A builder for `data` under `settings` (already validated).
    init(data: TrainingData, settings: RandomForest.Settings) {
        count = data.count
        dimension = data.dimension
        codings = data.codings
        self.settings = settings
        featuresToTry = settings.featuresPerSplit.resolved(dimension: data.dimension)

        bins = .allocate(capacity: data.bins.count)
        _ = bins.initialize(from: data.bins)
        values = .allocate(capacity: data.values.count)
        _ = values.initialize(from: data.values)
        targets = .allocate(capacity: data.count)
        _ = targets.initialize(from: data.targets)
        let flat = data.binValues.flatMap { $0 }
        binValues = .allocate(capacity: max(flat.count, 1))
        _ = binValues.initialize(from: flat)
        binValueStart = .allocate(capacity: data.dimension)
        binValueCount = .allocate(capacity: data.dimension)
        var start = 0
        for (f, list) in data.binValues.enumerated() {
            binValueStart[f] = start
            binValueCount[f] = list.count
            start += list.count
        }

        slotStart = .allocate(capacity: data.dimension)
        var slotTotal = 0
        for (f, coding) in data.codings.enumerated() {
            slotStart[f] = coding.kind == .mask ? slotTotal : -1
            if coding.kind == .mask { slotTotal += coding.cardinality }
        }
        slots = .allocate(capacity: data.count * data.dimension)
        for i in 0..<data.count {
            for f in 0..<data.dimension {
                let slot = slotStart[f] < 0 ? 0 : slotStart[f] + Int(data.bins[f * data.count + i])
                slots.initializeElement(at: i * data.dimension + f, to: Int32(slot))
            }
        }
        jointSum = .allocate(capacity: max(slotTotal, 1))
        jointSum.initialize(repeating: 0)
        jointCount = .allocate(capacity: max(slotTotal, 1))
        jointCount.initialize(repeating: 0)

        weights = .allocate(capacity: data.count)
        weights.initialize(repeating: 0)
        positionWeights = .allocate(capacity: data.count)
        positionWeights.initialize(repeating: 0)
        narrow = .allocate(capacity: data.dimension)
        narrow.initialize(repeating: 0)
        samples = .allocate(capacity: data.count)
        samples.initialize(repeating: 0)
        partitionBuffer = .allocate(capacity: data.count)
        partitionBuffer.initialize(repeating: 0)
        centred = .allocate(capacity: data.count)
        centred.initialize(repeating: 0)
        binSum = .allocate(capacity: data.maxBins)
        binSum.initialize(repeating: 0)
        binCount = .allocate(capacity: data.maxBins)
        binCount.initialize(repeating: 0)
        binMean = .allocate(capacity: data.maxBins)
        binMean.initialize(repeating: 0)
        present = .allocate(capacity: data.maxBins)
        present.initialize(repeating: 0)
        featureOrder = .allocate(capacity: data.dimension)
        for f in 0..<data.dimension { featureOrder.initializeElement(at: f, to: f) }
        // Depth-first growth keeps at most one pending sibling per level, plus the node at hand.
        stack = .allocate(capacity: data.count + 2)
        stack.initialize(repeating: PendingNode(node: 0, start: 0, end: 0, depth: 0))
        bestMask = .allocate(capacity: max(data.codings.map(\.words).max() ?? 0, 1))
        bestMask.initialize(repeating: 0)
    }

    deinit {
        bins.deallocate()
        values.deallocate()
        targets.deallocate()
        binValues.deallocate()
        binValueStart.deallocate()
        binValueCount.deallocate()
        slots.deallocate()
        slotStart.deallocate()
        jointSum.deallocate()
        jointCount.deallocate()
        weights.deallocate()
        positionWeights.deallocate()
        narrow.deallocate()
        samples.deallocate()
        partitionBuffer.deallocate()
        centred.deallocate()
        binSum.deallocate()
        binCount.deallocate()
        binMean.deallocate()
        present.deallocate()
        featureOrder.deallocate()
        stack.deallocate()
        bestMask.deallocate()
    }

    /// Grows one tree into `forest` (nodes, statistics, masks, root and depth). The bootstrap and
    /// the features tried come from `generator`.
    mutating func grow(into forest: inout ForestStorage, using generator: inout SeededGenerator) {
        let n = count
        if settings.bootstrap {
            weights.update(repeating: 0)
            for _ in 0..<n { weights[generator.nextInt(below: n)] += 1 }
        } else {
            weights.update(repeating: 1)
        }
        var distinct = 0
        for i in 0..<n where weights[i] > 0 {
            samples[distinct] = Int32(i)
            distinct += 1
        }
        let root = forest.append(.leaf(at: forest.nodes.count, dimension: dimension), mean: 0, variance: 0)
        forest.roots.append(Int32(root))
        var pending = 1
        stack[0] = PendingNode(node: root, start: 0, end: distinct, depth: 0)
        while pending > 0 {
            pending -= 1
            let item = stack[pending]
            let (start, end, depth) = (item.start, item.end, item.depth)
            let (mean, squaredError, size, pure) = statistics(start, end)
            forest.means[item.node] = mean
            forest.variances[item.node] = squaredError / Double(size)
            guard !pure, size >= settings.minSamplesToSplit, size >= 2 * settings.minSamplesPerLeaf,
                depth < settings.maxDepth,
                findBestSplit(start, end, squaredError: squaredError, size: size, using: &generator)
            else {
                forest.depth = max(forest.depth, depth)
                continue
            }
            let coding = codings[bestFeature]
            if coding.kind == .pooledMask {
                bestSplit = UInt64(forest.masks.count)
                forest.masks.append(contentsOf: UnsafeBufferPointer(rebasing: bestMask[0..<coding.words]))
            }
            let middle = forest.masks.withUnsafeBufferPointer { partition(start, end, pool: $0) }
            let left = forest.append(.leaf(at: forest.nodes.count, dimension: dimension), mean: 0, variance: 0)
            forest.append(.leaf(at: left + 1, dimension: dimension), mean: 0, variance: 0)
            forest.nodes[item.node] = TreeNode(feature: Int32(bestFeature), left: Int32(left), split: bestSplit)
            stack[pending] = PendingNode(node: left + 1, start: middle, end: end, depth: depth + 1)
            stack[pending + 1] = PendingNode(node: left, start: start, end: middle, depth: depth + 1)
            pending += 2
        }
    }

    /// The weighted mean and squared error of the targets of `samples[start..<end]`, their total
    /// weight (the node's size), and whether they are all equal; leaves the weights and the
    /// weighted deviations from the mean in `positionWeights` and `centred`.
    private func statistics(_ start: Int, _ end: Int) -> (mean: Double, squaredError: Double, size: Int, pure: Bool) {
        var sum = 0.0
        var size = 0
        var low = Double.infinity
        var high = -Double.infinity
        for p in start..<end {
            let sample = Int(samples[p])
            let y = targets[sample]
            let weight = weights[sample]
            positionWeights[p] = weight
            size += Int(weight)
            sum += Double(weight) * y
            low = min(low, y)
            high = max(high, y)
        }
        let mean = sum / Double(size)
        var squaredError = 0.0
        for p in start..<end {
            let deviation = targets[Int(samples[p])] - mean
            let weighted = Double(positionWeights[p]) * deviation
            centred[p] = weighted
            squaredError += weighted * deviation
        }
        return (mean, squaredError, size, low == high)
    }

    /// Searches the features for the split of `samples[start..<end]` that most reduces the squared
    /// error; returns whether one reduces it by more than a relative 1e-12 (then `best...` hold it).
    ///
    /// With fewer features to try than there are, a partial Fisher-Yates shuffle draws them; if
    /// none of them can split the node, the remaining features are tried before giving up.
    private mutating func findBestSplit(
        _ start: Int, _ end: Int, squaredError: Double, size: Int, using generator: inout SeededGenerator
    ) -> Bool {
        bestGain = squaredError * 1e-12
        bestFeature = -1
        if featuresToTry >= dimension {
            for f in 0..<dimension { featureOrder[f] = f }
            evaluate(features: 0..<dimension, start, end, size: size)
        } else {
            for i in 0..<dimension {
                featureOrder.swapAt(i, i + generator.nextInt(below: dimension - i))
            }
            evaluate(features: 0..<featuresToTry, start, end, size: size)
            if bestFeature < 0 { evaluate(features: featuresToTry..<dimension, start, end, size: size) }
        }
        return bestFeature >= 0
    }

    /// Scans the splits of the features `featureOrder[positions]`, in that order, recording the
    /// best that beats `bestGain`; the node holds `samples[start..<end]` of total weight `size`.
    private mutating func evaluate(features positions: Range<Int>, _ start: Int, _ end: Int, size: Int) {
        var narrowCount = 0
        for position in positions where slotStart[featureOrder[position]] >= 0 {
            narrow[narrowCount] = featureOrder[position]
            narrowCount += 1
        }
        // One pass over the samples fills the histograms of all mask-coded features: the
        // features' sums are independent, so the processor overlaps them.
        var total = 0.0
        if narrowCount == dimension {
            for p in start..<end {
                let (y, weight) = (centred[p], positionWeights[p])
                total += y
                let row = slots.baseAddress! + Int(samples[p]) * dimension
                for feature in 0..<dimension {
                    let slot = Int(row[feature])
                    jointSum[slot] += y
                    jointCount[slot] += weight
                }
            }
        } else {
            for p in start..<end {
                let (y, weight) = (centred[p], positionWeights[p])
                total += y
                let row = slots.baseAddress! + Int(samples[p]) * dimension
                for j in 0..<narrowCount {
                    let slot = Int(row[narrow[j]])
                    jointSum[slot] += y
                    jointCount[slot] += weight
                }
            }
        }
        for position in positions {
            let feature = featureOrder[position]
            let first = slotStart[feature]
            if first >= 0 {
                let width = codings[feature].cardinality
                let sums = jointSum.baseAddress! + first
                let counts = jointCount.baseAddress! + first
                presentCount = 0
                for bin in 0..<width where counts[bin] > 0 {
                    present[presentCount] = Int32(bin)
                    presentCount += 1
                }
                if presentCount >= 2 { scan(feature: feature, size: size, total: total, sums: sums, counts: counts) }
                sums.update(repeating: 0, count: width)
                counts.update(repeating: 0, count: width)
            } else {
                evaluateWide(feature: feature, start, end, size: size, total: total)
            }
        }
    }

    /// Scans the splits of a feature not coded as a 64-bit mask (a real parameter, a wide integer
    /// range or a categorical parameter of more than 64 choices) with its own histogram.
    private mutating func evaluateWide(feature: Int, _ start: Int, _ end: Int, size: Int, total: Double) {
        let base = feature * count
        presentCount = 0
        for p in start..<end {
            let bin = Int(bins[base + Int(samples[p])])
            if binCount[bin] == 0 {
                present[presentCount] = Int32(bin)
                presentCount += 1
            }
            binCount[bin] += positionWeights[p]
            binSum[bin] += centred[p]
        }
        if presentCount >= 2 {
            if !codings[feature].isCategorical { sortPresentByBin(binTotal: binValueCount[feature]) }
            scan(feature: feature, size: size, total: total, sums: binSum.baseAddress!, counts: binCount.baseAddress!)
        }
        for j in 0..<presentCount {
            let bin = Int(present[j])
            binCount[bin] = 0
            binSum[bin] = 0
        }
    }

    /// Scans the candidate splits over the present bins of `feature` (`present`, in increasing
    /// order for an ordered feature), whose histogram is `sums` and `counts` by bin.
    private mutating func scan(
        feature: Int, size: Int, total: Double, sums: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>
    ) {
        let coding = codings[feature]
        if coding.isCategorical {
            for j in 0..<presentCount {
                let bin = Int(present[j])
                binMean[bin] = sums[bin] / Double(counts[bin])
            }
            sortPresentByMean()
        }
        let minLeaf = settings.minSamplesPerLeaf
        let parentScore = total * total / Double(size)
        var leftSum = 0.0
        var leftCount = 0
        var bestCut = -1
        for j in 0..<(presentCount - 1) {
            let bin = Int(present[j])
            leftSum += sums[bin]
            leftCount += Int(counts[bin])
            let rightCount = size - leftCount
            if leftCount < minLeaf { continue }
            if rightCount < minLeaf { break }
            if coding.isCategorical, binMean[bin] == binMean[Int(present[j + 1])] { continue }
            let rightSum = total - leftSum
            let gain = leftSum * leftSum / Double(leftCount) + rightSum * rightSum / Double(rightCount) - parentScore
            if gain > bestGain {
                bestGain = gain
                bestCut = j
            }
        }
        guard bestCut >= 0 else { return }
        bestFeature = feature
        if coding.isCategorical {
            var leftCount = 0
            for j in 0...bestCut { leftCount += Int(counts[Int(present[j])]) }
            recordCategoricalSplit(coding: coding, cut: bestCut, absentGoLeft: 2 * leftCount >= size)
        } else {
            let first = binValueStart[feature]
            let below = binValues[first + Int(present[bestCut])]
            let above = binValues[first + Int(present[bestCut + 1])]
            let middle = below + (above - below) / 2
            let threshold = middle < above ? middle : below
            if coding.kind == .mask {
                bestSplit = 0
                for bin in 0..<binValueCount[feature] where binValues[first + bin] <= threshold {
                    bestSplit |= UInt64(1) << UInt64(bin)
                }
            } else {
                bestSplit = threshold.bitPattern
            }
        }
    }

    /// Writes the mask of the categorical split that sends `present[0...cut]` left, plus every
    /// absent choice if `absentGoLeft` (when the left child is at least as large as the right).
    private mutating func recordCategoricalSplit(coding: FeatureCoding, cut: Int, absentGoLeft: Bool) {
        for w in 0..<max(coding.words, 1) { bestMask[w] = absentGoLeft ? ~0 : 0 }
        for j in 0..<presentCount {
            let bin = Int(present[j])
            let bit = UInt64(1) << UInt64(bin & 63)
            if j <= cut { bestMask[bin >> 6] |= bit } else { bestMask[bin >> 6] &= ~bit }
        }
        bestSplit = bestMask[0]
    }

    /// Sorts the present bins of a categorical feature by mean target, then by choice index.
    private func sortPresentByMean() {
        let means = binMean
        var order = UnsafeMutableBufferPointer(rebasing: present[0..<presentCount])
        let before: (Int32, Int32) -> Bool = { a, b in
            means[Int(a)] < means[Int(b)] || (means[Int(a)] == means[Int(b)] && a < b)
        }
        if presentCount <= 16 { insertionSort(order, by: before) } else { order.sort(by: before) }
    }

    /// Puts the present bins of an ordered feature in increasing order: by walking all
    /// `binTotal` bins when there are few, else by sorting.
    private mutating func sortPresentByBin(binTotal: Int) {
        if binTotal <= 8 * presentCount {
            presentCount = 0
            for bin in 0..<binTotal where binCount[bin] > 0 {
                present[presentCount] = Int32(bin)
                presentCount += 1
            }
        } else {
            var order = UnsafeMutableBufferPointer(rebasing: present[0..<presentCount])
            if presentCount <= 16 { insertionSort(order, by: <) } else { order.sort() }
        }
    }

    /// Stably moves the samples of `samples[start..<end]` that go left under the best split to the
    /// front and returns where the right ones begin; `pool` is the forest's mask array.
    private func partition(_ start: Int, _ end: Int, pool: UnsafeBufferPointer<UInt64>) -> Int {
        let base = bestFeature * count
        let coding = codings[bestFeature]
        var left = start
        var right = 0
        for p in start..<end {
            // Written to both sides, kept on one: no branch to mispredict. `left <= p`, so the
            // write never overtakes the read.
            let sample = samples[p]
            let goesRight = coding.step(values[base + Int(sample)], split: bestSplit, pool: pool)
            samples[left] = sample
            partitionBuffer[right] = sample
            left += 1 - goesRight
            right += goesRight
        }
        for k in 0..<right { samples[left + k] = partitionBuffer[k] }
        return left
    }
}

/// Sorts a short buffer in place by insertion (no allocation, stable).
private func insertionSort(_ buffer: UnsafeMutableBufferPointer<Int32>, by areInIncreasingOrder: (Int32, Int32) -> Bool) {
    guard buffer.count > 1 else { return }
    for i in 1..<buffer.count {
        let item = buffer[i]
        var j = i
        while j > 0, areInIncreasingOrder(item, buffer[j - 1]) {
            buffer[j] = buffer[j - 1]
            j -= 1
        }
        buffer[j] = item
    }
}
