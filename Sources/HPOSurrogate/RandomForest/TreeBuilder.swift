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
struct TreeBuilder {
    private let data: TrainingData
    private let settings: RandomForest.Settings
    private let featuresToTry: Int

    // Scratch buffers, sized once.
    private var samples: [Int]
    private var partitionBuffer: [Int]
    private var binSum: [Double]
    private var binCount: [Int]
    private var binMean: [Double]
    private var present: [Int]
    private var featureOrder: [Int]
    private var stack: [(node: Int, start: Int, end: Int, depth: Int)] = []

    // The best split found so far at the current node.
    private var bestGain = 0.0
    private var bestFeature = -1
    private var bestThreshold = 0.0
    private var bestMask: [UInt64]

    /// A builder for `data` under `settings` (already validated).
    init(data: TrainingData, settings: RandomForest.Settings) {
        self.data = data
        self.settings = settings
        self.featuresToTry = settings.featuresPerSplit.resolved(dimension: data.dimension)
        samples = [Int](repeating: 0, count: data.count)
        partitionBuffer = [Int](repeating: 0, count: data.count)
        binSum = [Double](repeating: 0, count: data.maxBins)
        binCount = [Int](repeating: 0, count: data.maxBins)
        binMean = [Double](repeating: 0, count: data.maxBins)
        present = []
        present.reserveCapacity(data.maxBins)
        featureOrder = Array(0..<data.dimension)
        let words = data.kinds.map { Int($0.maskWords) }.max() ?? 0
        bestMask = [UInt64](repeating: 0, count: max(words, 1))
    }

    /// Grows one tree, appending its nodes to `nodes` and its category masks to `masks`, and
    /// returns the index of its root. The bootstrap and the features tried come from `generator`.
    mutating func grow(into nodes: inout [TreeNode], masks: inout [UInt64], using generator: inout SeededGenerator) -> Int32 {
        let n = data.count
        if settings.bootstrap {
            for i in 0..<n { samples[i] = generator.nextInt(below: n) }
        } else {
            for i in 0..<n { samples[i] = i }
        }
        let root = nodes.count
        nodes.append(.leaf(mean: 0, variance: 0))
        stack.removeAll(keepingCapacity: true)
        stack.append((root, 0, n, 0))
        while let (node, start, end, depth) = stack.popLast() {
            let (mean, squaredError, pure) = statistics(start, end)
            let count = end - start
            let leaf = TreeNode.leaf(mean: mean, variance: squaredError / Double(count))
            guard !pure, count >= settings.minSamplesToSplit, count >= 2 * settings.minSamplesPerLeaf,
                depth < settings.maxDepth, findBestSplit(start, end, mean: mean, squaredError: squaredError, using: &generator)
            else {
                nodes[node] = leaf
                continue
            }
            let middle = partition(start, end)
            let left = nodes.count
            nodes.append(leaf)
            nodes.append(leaf)
            var inner = TreeNode(
                feature: Int32(bestFeature), left: Int32(left), right: Int32(left + 1), maskOffset: -1,
                threshold: bestThreshold, mean: mean, variance: leaf.variance)
            let kind = data.kinds[bestFeature]
            if kind.isCategorical {
                inner.maskOffset = Int32(masks.count)
                masks.append(contentsOf: bestMask[0..<Int(kind.maskWords)])
            }
            nodes[node] = inner
            stack.append((left + 1, middle, end, depth + 1))
            stack.append((left, start, middle, depth + 1))
        }
        return Int32(root)
    }

    /// The mean and squared error of the targets of `samples[start..<end]`, and whether they are
    /// all equal.
    private func statistics(_ start: Int, _ end: Int) -> (mean: Double, squaredError: Double, pure: Bool) {
        let targets = data.targets
        var sum = 0.0
        var low = Double.infinity
        var high = -Double.infinity
        for p in start..<end {
            let y = targets[samples[p]]
            sum += y
            low = min(low, y)
            high = max(high, y)
        }
        let mean = sum / Double(end - start)
        var squaredError = 0.0
        for p in start..<end {
            let deviation = targets[samples[p]] - mean
            squaredError += deviation * deviation
        }
        return (mean, squaredError, low == high)
    }

    /// Searches the features for the split of `samples[start..<end]` that most reduces the squared
    /// error; returns whether one reduces it by more than a relative 1e-12 (then `best...` hold it).
    private mutating func findBestSplit(
        _ start: Int, _ end: Int, mean: Double, squaredError: Double, using generator: inout SeededGenerator
    ) -> Bool {
        bestGain = squaredError * 1e-12
        bestFeature = -1
        let dimension = data.dimension
        if featuresToTry >= dimension {
            for feature in 0..<dimension { evaluate(feature: feature, start, end, mean: mean) }
        } else {
            // A partial Fisher-Yates shuffle draws the features; if none of the first
            // `featuresToTry` can split, the next ones are tried before giving up.
            for i in 0..<dimension {
                let j = i + generator.nextInt(below: dimension - i)
                featureOrder.swapAt(i, j)
                evaluate(feature: featureOrder[i], start, end, mean: mean)
                if i + 1 >= featuresToTry, bestFeature >= 0 { break }
            }
        }
        return bestFeature >= 0
    }

    /// Scans the splits of one feature and records the best if it beats `bestGain`.
    private mutating func evaluate(feature: Int, _ start: Int, _ end: Int, mean: Double) {
        let n = data.count
        let base = feature * n
        present.removeAll(keepingCapacity: true)
        var total = 0.0
        for p in start..<end {
            let sample = samples[p]
            let bin = Int(data.bins[base + sample])
            if binCount[bin] == 0 { present.append(bin) }
            binCount[bin] += 1
            let centred = data.targets[sample] - mean
            binSum[bin] += centred
            total += centred
        }
        defer {
            for bin in present {
                binCount[bin] = 0
                binSum[bin] = 0
            }
        }
        guard present.count >= 2 else { return }
        let kind = data.kinds[feature]
        let count = end - start
        if kind.isCategorical {
            for bin in present { binMean[bin] = binSum[bin] / Double(binCount[bin]) }
            sortPresentByMean()
        } else {
            sortPresentByBin(binTotal: data.binValues[feature].count)
        }
        let minLeaf = settings.minSamplesPerLeaf
        let parentScore = total * total / Double(count)
        var leftSum = 0.0
        var leftCount = 0
        var bestCut = -1
        for j in 0..<(present.count - 1) {
            let bin = present[j]
            leftSum += binSum[bin]
            leftCount += binCount[bin]
            let rightCount = count - leftCount
            if leftCount < minLeaf { continue }
            if rightCount < minLeaf { break }
            if kind.isCategorical, binMean[bin] == binMean[present[j + 1]] { continue }
            let rightSum = total - leftSum
            let gain = leftSum * leftSum / Double(leftCount) + rightSum * rightSum / Double(rightCount) - parentScore
            if gain > bestGain {
                bestGain = gain
                bestCut = j
            }
        }
        guard bestCut >= 0 else { return }
        bestFeature = feature
        if kind.isCategorical {
            recordCategoricalSplit(kind: kind, cut: bestCut, count: count)
        } else {
            let values = data.binValues[feature]
            let below = values[present[bestCut]]
            let above = values[present[bestCut + 1]]
            let middle = below + (above - below) / 2
            bestThreshold = middle < above ? middle : below
        }
    }

    /// Writes the mask of the categorical split that sends `present[0...cut]` left, plus every
    /// absent choice when the left child is at least as large as the right.
    private mutating func recordCategoricalSplit(kind: FeatureKind, cut: Int, count: Int) {
        let words = Int(kind.maskWords)
        var leftCount = 0
        for j in 0...cut { leftCount += binCount[present[j]] }
        let absentGoLeft = 2 * leftCount >= count
        for w in 0..<words { bestMask[w] = absentGoLeft ? ~0 : 0 }
        for (j, bin) in present.enumerated() {
            let bit = UInt64(1) << UInt64(bin & 63)
            if j <= cut { bestMask[bin >> 6] |= bit } else { bestMask[bin >> 6] &= ~bit }
        }
    }

    /// Sorts the present bins of a categorical feature by mean target, then by choice index.
    private mutating func sortPresentByMean() {
        let means = binMean
        if present.count <= 16 {
            insertionSort(&present) { a, b in means[a] < means[b] || (means[a] == means[b] && a < b) }
        } else {
            present.sort { a, b in means[a] < means[b] || (means[a] == means[b] && a < b) }
        }
    }

    /// Puts the present bins of an ordered feature in increasing order: by walking all
    /// `binTotal` bins when there are few, else by sorting.
    private mutating func sortPresentByBin(binTotal: Int) {
        if binTotal <= 8 * present.count {
            present.removeAll(keepingCapacity: true)
            for bin in 0..<binTotal where binCount[bin] > 0 { present.append(bin) }
        } else if present.count <= 16 {
            insertionSort(&present, by: <)
        } else {
            present.sort()
        }
    }

    /// Stably moves the samples of `samples[start..<end]` that go left under the best split to the
    /// front and returns where the right ones begin.
    private mutating func partition(_ start: Int, _ end: Int) -> Int {
        let n = data.count
        let base = bestFeature * n
        let kind = data.kinds[bestFeature]
        var left = start
        var right = 0
        for p in start..<end {
            let sample = samples[p]
            let goesLeft: Bool
            if kind.isCategorical {
                let choice = Int(data.bins[base + sample])
                goesLeft = bestMask[choice >> 6] & (UInt64(1) << UInt64(choice & 63)) != 0
            } else {
                goesLeft = data.values[base + sample] <= bestThreshold
            }
            if goesLeft {
                samples[left] = sample
                left += 1
            } else {
                partitionBuffer[right] = sample
                right += 1
            }
        }
        for k in 0..<right { samples[left + k] = partitionBuffer[k] }
        return left
    }
}

/// Sorts a short array in place by insertion (no allocation, stable).
private func insertionSort(_ array: inout [Int], by areInIncreasingOrder: (Int, Int) -> Bool) {
    guard array.count > 1 else { return }
    for i in 1..<array.count {
        let item = array[i]
        var j = i
        while j > 0, areInIncreasingOrder(item, array[j - 1]) {
            array[j] = array[j - 1]
            j -= 1
        }
        array[j] = item
    }
}
