import HPORun
import RealModule

/// The summary curve of many runs: the mean after each step and a band of ± one standard error.
public struct MeanCurve: Sendable {
    /// The x of each point.
    public var x: [Double]
    /// The mean over runs at each x.
    public var mean: [Double]
    /// The standard error of that mean at each x.
    public var standardError: [Double]

    /// The points of the mean line.
    public var line: [LinePlot.Point] { zip(x, mean).map { LinePlot.Point(x: $0, y: $1) } }

    /// The band mean ± one standard error.
    public var band: [LinePlot.BandPoint] {
        x.indices.map { LinePlot.BandPoint(x: x[$0], low: mean[$0] - standardError[$0], high: mean[$0] + standardError[$0]) }
    }

    /// Every positive value the line and band reach (for choosing a log axis).
    public var positiveExtent: [Double] {
        (mean + band.map(\.low) + band.map(\.high)).filter { $0 > 0 }
    }

    /// The curve against evaluations 1 ... n, over runs of equal length `n`.
    public init(evaluations runs: [[Double]]) {
        let length = runs.map(\.count).min() ?? 0
        x = (0..<length).map { Double($0 + 1) }
        var mean: [Double] = [], standardError: [Double] = []
        for k in 0..<length {
            let summary = SampleSummary(runs.map { $0[k] })
            mean.append(summary.mean)
            standardError.append(summary.standardError)
        }
        self.mean = mean
        self.standardError = standardError
    }

    /// The curve against time: each run's value at time t is the one after its last evaluation
    /// finished by t (`times` are the runs' cumulative costs). The grid has `points` log-spaced
    /// times from when every run has finished its first evaluation to when the longest run ends;
    /// a run that ended earlier keeps its final value.
    public init(time runs: [[Double]], times: [[Double]], points: Int = 160) {
        let starts = times.compactMap(\.first), ends = times.compactMap(\.last)
        guard let start = starts.max(), let end = ends.max(), start > 0, !runs.isEmpty else {
            self.x = []; self.mean = []; self.standardError = []; return
        }
        let grid = end > start
            ? (0..<points).map { start * Double.pow(end / start, Double($0) / Double(points - 1)) }
            : [start]
        var cursors = [Int](repeating: 0, count: runs.count)
        var mean: [Double] = [], standardError: [Double] = []
        for t in grid {
            var values: [Double] = []
            for r in runs.indices {
                while cursors[r] + 1 < times[r].count, times[r][cursors[r] + 1] <= t { cursors[r] += 1 }
                values.append(runs[r][cursors[r]])
            }
            let summary = SampleSummary(values)
            mean.append(summary.mean)
            standardError.append(summary.standardError)
        }
        x = grid
        self.mean = mean
        self.standardError = standardError
    }
}
