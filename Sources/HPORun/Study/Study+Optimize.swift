import Foundation
import HPOOptimizers

extension Study {
    /// Runs the study until it has `evaluations` finished (complete or failed) trials, evaluating
    /// each with `objective`, and returns its summary. `evaluations` becomes the study's budget
    /// (``setBudget(_:)``). Trials already in the storage count, so running the same call again
    /// continues an interrupted study, and any number of processes on any hosts can run it on
    /// one study at once.
    ///
    /// Each trial is taken with a lease of `lease` seconds, renewed every quarter of it while
    /// `objective` runs; a trial whose lease ran out (its process was killed, its host lost) is
    /// re-queued by whichever worker notices, and its configuration evaluated again. When no
    /// trial is left to ask but trials with a lease are running elsewhere, this call waits for
    /// them, taking over those that are re-queued, so it returns once the study is done.
    ///
    /// An objective that throws, or returns a non-finite value, makes a failed trial (its reason
    /// is the error's description; ``ObjectiveFailure`` also carries a stderr tail) and the study
    /// goes on. Cancellation, or a ``TrialInterruption`` thrown by the objective, marks the current
    /// trial interrupted and rethrows (`progress` sees the trial of an interruption). In a finite space
    /// the study stops early, without an error, once the optimizer has no configuration left to
    /// evaluate.
    @discardableResult
    public func optimize(
        evaluations: Int, owner: TrialOwner = .current, lease: TimeInterval = TrialLease.defaultSeconds,
        progress: @Sendable (Trial) -> Void = { _ in },
        _ objective: @Sendable (Trial) async throws -> Double
    ) async throws -> StudySummary {
        guard evaluations > 0 else { throw StudyError.invalidCount(name: "number of evaluations", value: evaluations) }
        guard lease > 0, lease <= TrialLease.longestSeconds else { throw StudyError.invalidLease(seconds: lease) }
        try setBudget(evaluations)
        try requeueExpiredTrials()
        while true {
            guard let trial = try nextTrial(owner: owner, lease: lease, limit: evaluations) else {
                guard try othersMayHandBack() else { break }
                try await Task.sleep(for: .seconds(min(1, lease / 4)))
                continue
            }
            let outcome: TrialOutcome
            do {
                outcome = TrialOutcome(value: try await renewingLease(of: trial, every: lease / 4) { try await objective(trial) })
            } catch let failure as ObjectiveFailure {
                outcome = .failed(reason: failure.reason, stderrTail: failure.stderrTail)
            } catch let interruption as TrialInterruption {
                progress(try tell(trialID: trial.id, outcome: .interrupted(reason: interruption.reason)))
                throw interruption
            } catch is CancellationError {
                try tell(trialID: trial.id, outcome: .interrupted(reason: "cancelled"))
                throw CancellationError()
            } catch {
                outcome = .failed(reason: "the objective threw: \(error)", stderrTail: nil)
            }
            do {
                progress(try tell(trialID: trial.id, outcome: outcome))
            } catch StudyError.lateTell, StudyError.alreadyFinished {
                // Re-queued while it ran (this process was stopped longer than its lease) and its
                // re-run finished first: the study has that configuration's result already.
                if let stored = try storage.trial(trial.id) { progress(stored) }
            }
        }
        return try summary()
    }

    /// The next trial to evaluate, or `nil` when the study has `limit` trials or nothing is left
    /// to evaluate in its finite space.
    private func nextTrial(owner: TrialOwner, lease: TimeInterval, limit: Int) throws -> Trial? {
        do {
            return try ask(owner: owner, lease: lease, limit: limit)
        } catch OptimizerError.spaceExhausted, StudyError.everyConfigurationRunning {
            return nil
        }
    }

    /// Whether some running trial has a lease: it will be told, or re-queued for this worker to
    /// take over once its lease runs out.
    private func othersMayHandBack() throws -> Bool {
        try requeueExpiredTrials()
        return cache.withState { state in
            state.ledger.unsettled(state.trials).contains { $0.state == .running && $0.lease != nil }
        }
    }

    /// Runs `body`, renewing the lease of `trial` every `interval` seconds meanwhile. A renewal
    /// that fails (the storage is unreachable for a moment) is tried again at the next one.
    private func renewingLease<T: Sendable>(
        of trial: Trial, every interval: TimeInterval, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(interval))
                    _ = try? heartbeat(trialID: trial.id)
                }
            }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    /// The counts by state and the best trial so far.
    public func summary() throws -> StudySummary {
        StudySummary(settings: settings, trials: try trials())
    }
}
