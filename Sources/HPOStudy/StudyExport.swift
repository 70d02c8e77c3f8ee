import Foundation
import HPORun
import HPOSpace

/// A study written out for other tools: JSON (an object with the settings and a `trials` list,
/// each trial with `id`, `state`, `config`, `value` and the rest of its record) or CSV (one row per
/// trial, one column per parameter). A re-run of an interrupted trial names it in `retry_of`.
public struct StudyExport: Codable, Hashable, Sendable {
    /// One trial as exported.
    public struct TrialRecord: Codable, Hashable, Sendable {
        /// The trial's id in the study.
        public var id: Int
        /// Running, complete, failed or interrupted.
        public var state: TrialState
        /// The configuration as name -> value.
        public var config: [String: ParameterValue]
        /// The loss; `null` unless the trial is complete.
        public var value: Double?
        /// When the trial was asked.
        public var startedAt: Date
        /// When it was told.
        public var finishedAt: Date?
        /// Why a failed trial failed, or why an interrupted one was interrupted.
        public var failureReason: String?
        /// The end of a failed command's standard error.
        public var stderrTail: String?
        /// The interrupted trial this trial evaluates again, if it is a re-run.
        public var retryOf: Int?

        enum CodingKeys: String, CodingKey {
            case id, state, config, value
            case startedAt = "started_at", finishedAt = "finished_at"
            case failureReason = "failure_reason", stderrTail = "stderr_tail", retryOf = "retry_of"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(state, forKey: .state)
            try container.encode(config, forKey: .config)
            try container.encode(value, forKey: .value) // null, not absent, for a trial without one
            try container.encode(startedAt, forKey: .startedAt)
            try container.encodeIfPresent(finishedAt, forKey: .finishedAt)
            try container.encodeIfPresent(failureReason, forKey: .failureReason)
            try container.encodeIfPresent(stderrTail, forKey: .stderrTail)
            try container.encodeIfPresent(retryOf, forKey: .retryOf)
        }
    }

    /// The optimizer's preset label (e.g. `bo-rf-noisy`), or its kind for settings no preset has.
    public var optimizer: String
    /// The study's seed.
    public var seed: UInt64
    /// The space searched.
    public var space: SearchSpace
    /// Every trial, by id.
    public var trials: [TrialRecord]

    /// The export of a study's settings and trials.
    public init(settings: StudySettings, trials: [Study.Trial]) {
        optimizer = settings.optimizer.label
        seed = settings.seed
        space = settings.space
        self.trials = trials.map {
            TrialRecord(
                id: $0.id, state: $0.state, config: $0.config, value: $0.value, startedAt: $0.startedAt,
                finishedAt: $0.finishedAt, failureReason: $0.failureReason, stderrTail: $0.stderrTail, retryOf: $0.retryOf)
        }
    }

    /// Times in ISO 8601 with milliseconds, in UTC.
    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The encoder of ``json()``, for documents that hold an export: sorted keys, unescaped
    /// slashes and times in ISO 8601 with milliseconds, in UTC.
    public static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.timeFormat.format(date))
        }
        return encoder
    }

    /// The export as JSON with sorted keys and ISO 8601 times, ending with a newline.
    public func json() throws -> Data {
        var data = try Self.jsonEncoder().encode(self)
        data.append(0x0A)
        return data
    }

    /// One CSV row per trial: id, state, each parameter, value, times, failure reason, stderr
    /// tail and the trial it re-runs.
    public func csv() -> String {
        let header = ["id", "state"] + space.names + ["value", "started_at", "finished_at", "failure_reason", "stderr_tail", "retry_of"]
        var lines = [header.map(CSV.escape).joined(separator: ",")]
        let time = Self.timeFormat
        for trial in trials {
            var fields = ["\(trial.id)", trial.state.rawValue]
            fields += space.names.map { trial.config[$0]?.description ?? "" }
            fields += [
                trial.value.map { "\($0)" } ?? "", time.format(trial.startedAt), trial.finishedAt.map(time.format) ?? "",
                trial.failureReason ?? "", trial.stderrTail ?? "", trial.retryOf.map { "\($0)" } ?? "",
            ]
            lines.append(fields.map(CSV.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
