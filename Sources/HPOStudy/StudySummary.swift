import HPOSpace

/// How far a study is: the number of trials in each state and the best complete trial.
public struct StudySummary: Hashable, Sendable, CustomStringConvertible {
    /// The study's settings.
    public let settings: StudySettings
    /// Trials told a finite value.
    public let complete: Int
    /// Trials that failed.
    public let failed: Int
    /// Trials asked and not yet told.
    public let running: Int
    /// The complete trial with the lowest value (the first such, on ties).
    public let best: Study.Trial?

    /// The summary of `trials`.
    public init(settings: StudySettings, trials: [Study.Trial]) {
        self.settings = settings
        complete = trials.count { $0.state == .complete }
        failed = trials.count { $0.state == .failed }
        running = trials.count { $0.state == .running }
        best = trials.filter { $0.state == .complete }.min { ($0.value ?? .infinity) < ($1.value ?? .infinity) }
    }

    /// The number of trials.
    public var total: Int { complete + failed + running }

    /// Two or three lines: counts, then the best trial and its configuration.
    public var description: String {
        var lines = ["\(total) trials: \(complete) complete, \(failed) failed, \(running) running (optimizer \(settings.optimizer.name), seed \(settings.seed))"]
        if let best, let value = best.value {
            let config = settings.space.values(of: best.configuration).map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            lines.append("best: trial \(best.id), value \(value.significant(6))")
            lines.append("  " + config)
        } else {
            lines.append("best: none yet (no complete trial)")
        }
        return lines.joined(separator: "\n")
    }
}
