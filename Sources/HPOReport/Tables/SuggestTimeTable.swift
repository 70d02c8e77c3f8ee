import HPORun

/// The wall-clock time each optimizer spent suggesting configurations. It differs from one
/// invocation to the next, so it is kept apart from the reproducible tables.
public struct SuggestTimeTable: Codable, Hashable, Sendable {
    /// One optimizer's suggestion times.
    public struct Row: Codable, Hashable, Sendable {
        /// The optimizer's label.
        public var optimizer: String
        /// The runs whose times were recorded.
        public var runs: Int
        /// Mean over runs of the seconds spent suggesting in a run.
        public var secondsPerRun: Double
        /// Median over all suggestions of the milliseconds one took.
        public var medianMillisecondsPerSuggestion: Double

        enum CodingKeys: String, CodingKey {
            case optimizer, runs
            case secondsPerRun = "seconds_per_run"
            case medianMillisecondsPerSuggestion = "median_ms_per_suggestion"
        }
    }

    /// One row per optimizer whose times were recorded.
    public var rows: [Row]

    /// The table of the recorded times: per optimizer label, one list of seconds per run.
    public init(optimizers: [String], suggestSeconds: [String: [[Double]]]) {
        rows = optimizers.compactMap { label in
            guard let runs = suggestSeconds[label], !runs.isEmpty, runs.allSatisfy({ !$0.isEmpty }) else { return nil }
            let perRun = SampleSummary(runs.map { $0.reduce(0, +) })
            let perSuggestion = SampleSummary(runs.flatMap { $0 })
            return Row(optimizer: label, runs: runs.count, secondsPerRun: perRun.mean, medianMillisecondsPerSuggestion: perSuggestion.median * 1000)
        }
    }

    /// One line per optimizer, with a header.
    public func csv() -> String {
        (["optimizer,runs,seconds_per_run,median_ms_per_suggestion"]
            + rows.map { "\(CSV.escape($0.optimizer)),\($0.runs),\($0.secondsPerRun),\($0.medianMillisecondsPerSuggestion)" })
            .joined(separator: "\n") + "\n"
    }
}
