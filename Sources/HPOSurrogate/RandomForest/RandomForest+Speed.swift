import HPORandom
import HPOSpace

/// How long a random forest takes to fit and to predict: one time per repetition, to summarise
/// (median, quantiles) with the project's statistics, e.g. `SampleSummary` of HPORun.
public struct RandomForestSpeed: Hashable, Sendable {
    /// The number of observations fitted.
    public var observations: Int
    /// The number of candidates predicted per repetition.
    public var candidates: Int
    /// The time of each `fit`, in seconds.
    public var fitSeconds: [Double]
    /// The time per candidate of each batch prediction (``RandomForest/predict(_:into:)``), in seconds.
    public var batchPredictSecondsPerCandidate: [Double]
    /// The time per candidate of each loop of ``RandomForest/predict(_:)``, in seconds.
    public var singlePredictSecondsPerCandidate: [Double]
    /// The mean number of nodes per tree of the last fit.
    public var nodesPerTree: Double
}

extension RandomForest {
    /// Measures fitting `configurations` with `values` and predicting `candidates`, repeating
    /// each `repetitions` times; for `hpo bench`.
    ///
    /// Each repetition fits a fresh copy from generator stream `repetition` of `seed`, so the
    /// work is the same as in an optimizer's loop. Run it in a release build on an idle core.
    /// For example, on FCNet with 100 noisy observations, scoring the whole space:
    ///
    /// ```swift
    /// let benchmark = try FCNetBenchmark(.protein)
    /// var generator = SeededGenerator(seed: 1)
    /// let observed = (0..<100).map { _ in benchmark.space.sample(using: &generator) }
    /// let values = try observed.map { try benchmark.evaluate($0, using: &generator).value }
    /// let speed = try RandomForest(space: benchmark.space).measureSpeed(
    ///     configurations: observed, values: values, candidates: try benchmark.space.allConfigurations())
    /// print(SampleSummary(speed.fitSeconds).median, SampleSummary(speed.batchPredictSecondsPerCandidate).median)
    /// ```
    public func measureSpeed(
        configurations: [Configuration], values: [Double], candidates: [Configuration], repetitions: Int = 21, seed: UInt64 = 1
    ) throws -> RandomForestSpeed {
        let clock = ContinuousClock()
        var fitTimes: [Double] = []
        var batchTimes: [Double] = []
        var singleTimes: [Double] = []
        var predictions: [Prediction] = []
        var forest = self
        var checksum = 0.0
        for repetition in 0..<max(repetitions, 1) {
            var generator = SeededGenerator(seed: seed, stream: UInt64(repetition))
            var fresh = self
            let start = clock.now
            try fresh.fit(configurations, values, using: &generator)
            fitTimes.append(seconds(clock.now - start))
            forest = fresh

            let batchStart = clock.now
            forest.predict(candidates, into: &predictions)
            batchTimes.append(seconds(clock.now - batchStart) / Double(max(candidates.count, 1)))
            checksum += predictions.first?.mean ?? 0

            let singleStart = clock.now
            for candidate in candidates { checksum += forest.predict(candidate).variance }
            singleTimes.append(seconds(clock.now - singleStart) / Double(max(candidates.count, 1)))
        }
        // Keeps the optimizer from discarding the predictions.
        if checksum.isNaN { predictions.removeAll() }
        return RandomForestSpeed(
            observations: configurations.count, candidates: candidates.count,
            fitSeconds: fitTimes, batchPredictSecondsPerCandidate: batchTimes,
            singlePredictSecondsPerCandidate: singleTimes,
            nodesPerTree: Double(forest.nodeCount) / Double(max(forest.treeCount, 1)))
    }
}

private func seconds(_ duration: Duration) -> Double {
    let (whole, fraction) = duration.components
    return Double(whole) + Double(fraction) * 1e-18
}
