/// The bandwidths of a Parzen estimator's kernels on one numeric scale, by the rule of Bergstra
/// et al. (2011) as Optuna applies it: each kernel is as wide as the larger gap to its neighbours
/// among the sorted observations (the bounds count as neighbours of the outermost ones), then
/// clipped to at least the range divided by `min(100, 1 + kernels)` ("magic clip") and at most the
/// range.
public struct ParzenBandwidth: Hashable, Sendable, Codable {
    /// Whether the outermost observations measure their gap to the bound too; when not (the
    /// default, as Optuna's), their only gap is the one to their inner neighbour.
    public var considerEndpoints: Bool
    /// Whether to clip bandwidths from below by the range divided by `min(100, 1 + kernels)`,
    /// where kernels counts the observations and the prior.
    public var magicClip: Bool

    /// The rule; by default Optuna's.
    public init(considerEndpoints: Bool = false, magicClip: Bool = true) {
        self.considerEndpoints = considerEndpoints
        self.magicClip = magicClip
    }

    /// The bandwidth of each of `centres` (in their order) on a scale from `lower` to `upper`.
    public func bandwidths(of centres: [Double], lower: Double, upper: Double) -> [Double] {
        let n = centres.count
        guard n > 0 else { return [] }
        let order = centres.indices.sorted { (centres[$0], $0) < (centres[$1], $1) }
        let sorted = [lower] + order.map { centres[$0] } + [upper]
        var widths = [Double](repeating: 0, count: n)
        for rank in 0..<n {
            let (left, centre, right) = (sorted[rank], sorted[rank + 1], sorted[rank + 2])
            widths[rank] = max(centre - left, right - centre)
        }
        if !considerEndpoints, n >= 2 {
            widths[0] = sorted[2] - sorted[1]
            widths[n - 1] = sorted[n] - sorted[n - 1]
        }
        let range = upper - lower
        let smallest = magicClip ? range / min(100, Double(n + 2)) : 1e-12
        var result = [Double](repeating: 0, count: n)
        for (rank, index) in order.enumerated() { result[index] = min(max(widths[rank], smallest), range) }
        return result
    }
}
