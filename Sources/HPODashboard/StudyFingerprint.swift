import Foundation
import HPOReport
import HPORun

/// What changes whenever a study does, cheap to compute and compare: the number of trials in each
/// state, when the last one finished and the budget. A trial asked, told or found interrupted
/// changes it; two readings with equal fingerprints show the same page.
public struct StudyFingerprint: Hashable, Sendable {
    /// Trials asked and not yet told.
    public var running = 0
    /// Trials told a finite value.
    public var complete = 0
    /// Trials that failed.
    public var failed = 0
    /// Trials interrupted before their evaluation ended.
    public var interrupted = 0
    /// When the last trial started, if there is one.
    public var lastStartedAt: Date?
    /// When the last trial finished, if any has.
    public var lastFinishedAt: Date?
    /// The study's budget of evaluations, if it has one.
    public var budget: Int?

    /// The fingerprint of trials in `states` (`running`, `complete`, `failed` or `interrupted`,
    /// each with its starting and finishing times) under `budget`.
    init(states: some Sequence<(state: String, startedAt: Date, finishedAt: Date?)>, budget: Int?) {
        self.budget = budget
        for (state, startedAt, finishedAt) in states {
            switch TrialState(rawValue: state) {
            case .running: running += 1
            case .complete: complete += 1
            case .failed: failed += 1
            case .interrupted, nil: interrupted += 1
            }
            if startedAt > lastStartedAt ?? .distantPast { lastStartedAt = startedAt }
            if let finishedAt, finishedAt > lastFinishedAt ?? .distantPast { lastFinishedAt = finishedAt }
        }
    }

    /// The fingerprint of a study's `trials` under `budget`.
    public init(trials: [Study.Trial], budget: Int?) {
        self.init(states: trials.lazy.map { ($0.state.rawValue, $0.startedAt, $0.finishedAt) }, budget: budget)
    }

    /// The fingerprint of the trials a report shows.
    public init(report: StudyReport) {
        self.init(states: report.trials.lazy.map { ($0.state, $0.startedAt, $0.finishedAt) }, budget: report.budget)
    }

    /// The number of trials.
    public var trials: Int { running + complete + failed + interrupted }

    /// When a trial last started or finished: the last change to the study's trials.
    public var lastChangeAt: Date? {
        [lastStartedAt, lastFinishedAt].compactMap { $0 }.max()
    }

    /// The fingerprint as a short token, equal for equal fingerprints, e.g. `12.9.2.1.0.1767225600123.50`:
    /// trials, complete, failed, running, interrupted, the last finishing time in milliseconds and
    /// the budget (`-` for none). Pages carry it, events send it and responses use it as their
    /// entity tag.
    public var version: String {
        let finished = lastFinishedAt.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? "-"
        return [String(trials), String(complete), String(failed), String(running), String(interrupted), finished, budget.map(String.init) ?? "-"]
            .joined(separator: ".")
    }
}
