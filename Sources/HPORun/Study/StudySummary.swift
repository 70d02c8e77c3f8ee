import HPOOptimizers
import HPOSpace

/// How far a study is: the number of trials in each state and the best complete trial.
///
/// The first line names interrupted trials only when there are some.
public struct StudySummary: Hashable, Sendable, CustomStringConvertible {
    /// The study's settings.
    public let settings: StudySettings
    /// Trials told a finite value.
    public let complete: Int
    /// Trials that failed.
    public let failed: Int
    /// Trials asked and not yet told.
    public let running: Int
    /// Trials interrupted before their evaluation ended (not counted as evaluations).
    public let interrupted: Int
    /// The first complete trial of the best configuration: the one with the lowest mean value over
    /// its complete trials (the first evaluated, on ties). Without repeated configurations this is
    /// the complete trial with the lowest value.
    public let best: Study.Trial?
    /// The best configuration's mean value over its complete trials.
    public let bestMean: Double?
    /// The number of complete trials of the best configuration.
    public let bestCount: Int

    /// The summary of `trials`.
    public init(settings: StudySettings, trials: [Study.Trial]) {
        self.settings = settings
        complete = trials.count { $0.state == .complete }
        failed = trials.count { $0.state == .failed }
        running = trials.count { $0.state == .running }
        interrupted = trials.count { $0.state == .interrupted }
        let completed = trials.filter { $0.state == .complete }
        var history = History(space: settings.space)
        for trial in completed { history.append(Observation(configuration: trial.configuration, value: trial.value)) }
        let tally = history.incumbentTally
        best = tally.map { completed[$0.firstIndex] }
        bestMean = tally?.mean
        bestCount = tally?.count ?? 0
    }

    /// The number of trials.
    public var total: Int { complete + failed + running + interrupted }

    /// The number of evaluations: complete and failed trials.
    public var finished: Int { complete + failed }

    /// Two or three lines: counts, then the best trial and its configuration.
    public var description: String {
        let counts = "\(complete) complete, \(failed) failed, \(running) running" + (interrupted > 0 ? ", \(interrupted) interrupted" : "")
        var lines = ["\(total) trials: \(counts) (optimizer \(settings.optimizer.label), seed \(settings.seed))"]
        if let best, let value = bestMean {
            let config = settings.space.values(of: best.configuration).map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            lines.append(
                bestCount > 1
                    ? "best: trial \(best.id), mean value \(value.significant(6)) over the \(bestCount) complete trials of its configuration"
                    : "best: trial \(best.id), value \(value.significant(6))")
            lines.append("  " + config)
        } else {
            lines.append("best: none yet (no complete trial)")
        }
        return lines.joined(separator: "\n")
    }
}
