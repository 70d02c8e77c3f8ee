/// One regression tree as a partition of the space into weighted cells, on which its functional
/// ANOVA decomposition is exact (Hutter, Hoos and Leyton-Brown 2014).
///
/// Along each parameter the tree's leaves cut the space into *cells*: the values of a finite
/// parameter, or the intervals between consecutive split positions of a continuous one. A leaf
/// is a box, a product of cell ranges; the tree is constant on it. The marginal prediction of a
/// set of parameters at one cell of each is the sum, over the leaves whose box holds those cells,
/// of the leaf's value times its box's measure along the other parameters.
struct TreePartition: Sendable {
    /// Per parameter, each cell's share of the space (they sum to 1).
    let cellWeights: [[Double]]
    /// Per continuous parameter, the cells' edges from 0 to 1 (empty for a finite one).
    let edges: [[Double]]
    /// The values of the leaves of positive volume.
    let leafValues: [Double]
    /// The volume of each leaf's box.
    let leafVolumes: [Double]
    /// `leafMeasures[leaf][f]`: the box's measure along parameter `f`.
    let leafMeasures: [[Double]]
    /// `leafCells[leaf][f]`: the ranges of cells of parameter `f` the box holds.
    let leafCells: [[[Range<Int>]]]
    /// The tree's mean over the space.
    let mean: Double
    /// The tree's variance over the space.
    let variance: Double

    /// The partition of a tree with `leaves`, under the parameters' `measures`.
    init(leaves: [LeafBox], measures: [ParameterMeasure]) {
        var edges: [[Double]] = []
        var cellWeights: [[Double]] = []
        for (f, measure) in measures.enumerated() {
            switch measure {
            case .finite(let weights, _):
                edges.append([])
                cellWeights.append(weights)
            case .continuous:
                var cuts: Set<Double> = [0, 1]
                for leaf in leaves {
                    if case .interval(let low, let high) = leaf.extents[f] {
                        cuts.insert(low)
                        cuts.insert(high)
                    }
                }
                let sorted = cuts.sorted()
                edges.append(sorted)
                cellWeights.append(zip(sorted.dropFirst(), sorted).map { $0 - $1 })
            }
        }
        var values: [Double] = [], volumes: [Double] = []
        var measuresOfLeaves: [[Double]] = [], cellsOfLeaves: [[[Range<Int>]]] = []
        for leaf in leaves {
            var measure: [Double] = [], cells: [[Range<Int>]] = []
            for (f, extent) in leaf.extents.enumerated() {
                switch extent {
                case .values(let words):
                    let ranges = Self.runs(of: words, count: cellWeights[f].count)
                    cells.append(ranges)
                    measure.append(ranges.reduce(0) { sum, range in range.reduce(sum) { $0 + cellWeights[f][$1] } })
                case .interval(let low, let high):
                    let start = Self.index(of: low, in: edges[f]), end = Self.index(of: high, in: edges[f])
                    cells.append(start < end ? [start..<end] : [])
                    measure.append(max(high - low, 0))
                }
            }
            let volume = measure.reduce(1, *)
            guard volume > 0 else { continue }
            values.append(leaf.value)
            volumes.append(volume)
            measuresOfLeaves.append(measure)
            cellsOfLeaves.append(cells)
        }
        let total = volumes.reduce(0, +)
        let mean = total > 0 ? zip(values, volumes).reduce(0) { $0 + $1.0 * $1.1 } / total : 0
        let variance = total > 0 ? zip(values, volumes).reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) * $1.1 } / total : 0
        self.cellWeights = cellWeights
        self.edges = edges
        self.leafValues = values
        self.leafVolumes = volumes
        self.leafMeasures = measuresOfLeaves
        self.leafCells = cellsOfLeaves
        self.mean = mean
        self.variance = variance
    }

    /// The runs of consecutive set bits among the first `count` bits of `words`.
    private static func runs(of words: [UInt64], count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for i in 0...count {
            let set = i < count && words[i >> 6] & (1 << UInt64(i & 63)) != 0
            if set, start == nil { start = i }
            if !set, let first = start {
                ranges.append(first..<i)
                start = nil
            }
        }
        return ranges
    }

    /// The number of `edges` (sorted) below `position`: its index when it is one of them.
    private static func index(of position: Double, in edges: [Double]) -> Int {
        var low = 0, high = edges.count - 1
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The number of cells of parameter `f`.
    func cellCount(_ f: Int) -> Int { cellWeights[f].count }

    /// The cell of parameter `f` that holds the internal value `value`.
    func cell(of value: Double, parameter f: Int, measure: ParameterMeasure) -> Int {
        switch measure {
        case .finite(let weights, let first):
            return min(max(Int((value - first).rounded()), 0), weights.count - 1)
        case .continuous:
            // A point at a split's threshold went left: it lies in the cell that ends there.
            let position = measure.position(atOrBelow: value)
            let edgesBelow = Self.index(of: position, in: edges[f])
            return min(max(edgesBelow - 1, 0), cellCount(f) - 1)
        }
    }

    /// The marginal prediction of parameter `f` at each of its cells.
    func marginal(_ f: Int) -> [Double] {
        var difference = [Double](repeating: 0, count: cellCount(f) + 1)
        for leaf in leafValues.indices {
            let coefficient = leafValues[leaf] * leafVolumes[leaf] / leafMeasures[leaf][f]
            for range in leafCells[leaf][f] {
                difference[range.lowerBound] += coefficient
                difference[range.upperBound] -= coefficient
            }
        }
        var running = 0.0
        return (0..<cellCount(f)).map { running += difference[$0]; return running }
    }

    /// The marginal prediction of parameters `f` and `g` at each pair of their cells, row `i`
    /// (cell `i` of `f`) after row: `cellCount(f) * cellCount(g)` values.
    func marginal(_ f: Int, _ g: Int) -> [Double] {
        let rows = cellCount(f), columns = cellCount(g)
        let stride = columns + 1
        var difference = [Double](repeating: 0, count: (rows + 1) * stride)
        for leaf in leafValues.indices {
            let coefficient = leafValues[leaf] * leafVolumes[leaf] / (leafMeasures[leaf][f] * leafMeasures[leaf][g])
            for a in leafCells[leaf][f] {
                for b in leafCells[leaf][g] {
                    difference[a.lowerBound * stride + b.lowerBound] += coefficient
                    difference[a.upperBound * stride + b.lowerBound] -= coefficient
                    difference[a.lowerBound * stride + b.upperBound] -= coefficient
                    difference[a.upperBound * stride + b.upperBound] += coefficient
                }
            }
        }
        // Two-dimensional running sums turn the corner marks into the rectangles' sums.
        var grid = [Double](repeating: 0, count: rows * columns)
        var above = [Double](repeating: 0, count: columns)
        for i in 0..<rows {
            var running = 0.0
            for j in 0..<columns {
                running += difference[i * stride + j]
                above[j] += running
                grid[i * columns + j] = above[j]
            }
        }
        return grid
    }

    /// The variance over the space of the marginal prediction of parameter `f`.
    func marginalVariance(_ f: Int) -> Double {
        let weights = cellWeights[f]
        return zip(marginal(f), weights).reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) * $1.1 }
    }

    /// The variance over the space of the joint marginal prediction of parameters `f` and `g`.
    func marginalVariance(_ f: Int, _ g: Int) -> Double {
        let grid = marginal(f, g)
        let columns = cellCount(g)
        var sum = 0.0
        for (i, wf) in cellWeights[f].enumerated() {
            for (j, wg) in cellWeights[g].enumerated() {
                let offset = grid[i * columns + j] - mean
                sum += offset * offset * wf * wg
            }
        }
        return sum
    }
}
