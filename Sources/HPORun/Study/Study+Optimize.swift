import Foundation
import HPOOptimizers

extension Study {
    /// Runs the study until it has `evaluations` finished (complete or failed) trials, evaluating
    /// each with `objective`, and returns its summary. `evaluations` becomes the study's budget
    /// (``setBudget(_:)``). Trials already in the storage count, so running the same call again
    /// continues an interrupted study; trials left running by dead processes are marked
    /// interrupted first, and their configurations evaluated again.
    ///
    /// An objective that throws, or returns a non-finite value, makes a failed trial (its reason
    /// is the error's description; ``ObjectiveFailure`` also carries a stderr tail) and the study
    /// goes on. Cancellation, or a ``TrialInterruption`` thrown by the objective, marks the current
    /// trial interrupted and rethrows (`progress` sees the trial of an interruption). In a finite space
    /// the study stops early, without an error, once the optimizer has no configuration left to
    /// evaluate: every one was evaluated (and the optimizer does not repeat), or every remaining
    /// one is being evaluated by another process.
    @discardableResult
    public func optimize(
        evaluations: Int, owner: TrialOwner = .current,
        progress: @Sendable (Trial) -> Void = { _ in },
        _ objective: @Sendable (Trial) async throws -> Double
    ) async throws -> StudySummary {
        guard evaluations > 0 else { throw StudyError.invalidCount(name: "number of evaluations", value: evaluations) }
        try setBudget(evaluations)
        try interruptAbandonedTrials()
        while let trial = try nextTrial(owner: owner, limit: evaluations) {
            let outcome: TrialOutcome
            do {
                outcome = TrialOutcome(value: try await objective(trial))
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
            progress(try tell(trialID: trial.id, outcome: outcome))
        }
        return try summary()
    }

    /// The next trial to evaluate, or `nil` when the study has `limit` trials or nothing is left
    /// to evaluate in its finite space.
    private func nextTrial(owner: TrialOwner, limit: Int) throws -> Trial? {
        do {
            return try ask(owner: owner, limit: limit)
        } catch OptimizerError.spaceExhausted, StudyError.everyConfigurationRunning {
            return nil
        }
    }

    /// The counts by state and the best trial so far.
    public func summary() throws -> StudySummary {
        StudySummary(settings: settings, trials: try trials())
    }
}
