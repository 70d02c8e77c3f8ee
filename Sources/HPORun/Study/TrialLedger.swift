import HPOSpace

/// What a study keeps of its trials between asks, so that an ask reads only the trials that can
/// still change instead of the whole study.
///
/// A trial that is no longer running (complete, failed or interrupted) never changes again, so
/// the leading trials up to the first running one are *settled*: the ledger keeps what the next
/// trial depends on from them (how many count toward the budget, which interrupted trials await
/// a re-run) and reads only the trials after them. In a study evaluated one trial at a time that
/// is the trial just told, whatever the study's size.
struct TrialLedger: Sendable {
    /// The number of leading trials that are settled and taken into account.
    private(set) var settled = 0
    /// The id of the last settled trial, to notice trials that are not the ones seen before.
    private var lastSettledID: Int?
    /// The settled trials that count toward the study's evaluations: all but interrupted ones.
    private var settledCounted = 0
    /// The ids of interrupted trials that some settled trial re-runs.
    private var settledRetried: Set<Int> = []
    /// The ids of settled interrupted trials, in id order.
    private var settledInterrupted: [Int] = []
    /// The settled interrupted trials by id.
    private var interruptedTrials: [Int: Study.Trial] = [:]

    /// Takes the settled trials of `trials` (every trial of the study, in id order) into
    /// account; starts afresh when they do not extend the trials seen before.
    mutating func update(with trials: [Study.Trial]) {
        if settled > trials.count || (settled > 0 && trials[settled - 1].id != lastSettledID) { self = TrialLedger() }
        while settled < trials.count, trials[settled].state != .running {
            let trial = trials[settled]
            if trial.state == .interrupted {
                settledInterrupted.append(trial.id)
                interruptedTrials[trial.id] = trial
            } else {
                settledCounted += 1
            }
            if let retried = trial.retryOf { settledRetried.insert(retried) }
            lastSettledID = trial.id
            settled += 1
        }
    }

    /// The trials of `trials` after the settled ones: the running ones and those after them.
    func unsettled(_ trials: [Study.Trial]) -> ArraySlice<Study.Trial> {
        trials[settled...]
    }

    /// The number of trials that are running or finished (interrupted ones do not count).
    func counted(_ trials: [Study.Trial]) -> Int {
        settledCounted + unsettled(trials).count(where: { $0.state != .interrupted })
    }

    /// The configurations of the running trials.
    func runningConfigurations(_ trials: [Study.Trial]) -> [Configuration] {
        unsettled(trials).filter { $0.state == .running }.map(\.configuration)
    }

    /// The oldest interrupted trial that no trial re-runs yet and whose configuration is not
    /// running.
    func interruptedAwaitingRerun(_ trials: [Study.Trial]) -> Study.Trial? {
        let tail = unsettled(trials)
        guard !settledInterrupted.isEmpty || tail.contains(where: { $0.state == .interrupted }) else { return nil }
        let retried = settledRetried.union(tail.compactMap(\.retryOf))
        let running = Set(runningConfigurations(trials))
        let candidates = settledInterrupted.compactMap { interruptedTrials[$0] } + tail.filter { $0.state == .interrupted }
        return candidates.first { !retried.contains($0.id) && !running.contains($0.configuration) }
    }
}
