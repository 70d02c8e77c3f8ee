import Foundation

extension Study {
    /// Runs the study until it has `evaluations` finished (complete or failed) trials, evaluating
    /// each with `objective`, and returns its summary. `evaluations` becomes the study's budget
    /// (``setBudget(_:)``). Trials already in the storage count, so running the same call again
    /// continues an interrupted study; trials left running by dead processes are marked
    /// interrupted first, and their configurations evaluated again.
    ///
    /// An objective that throws, or returns a non-finite value, makes a failed trial (its reason
    /// is the error's description; ``ObjectiveFailure`` also carries a stderr tail) and the study
    /// goes on. Cancellation marks the current trial interrupted and rethrows.
    @discardableResult
    public func optimize(
        evaluations: Int, owner: TrialOwner = .current,
        progress: @Sendable (Trial) -> Void = { _ in },
        _ objective: @Sendable (Trial) async throws -> Double
    ) async throws -> StudySummary {
        guard evaluations > 0 else { throw StudyError.invalidCount(name: "number of evaluations", value: evaluations) }
        try setBudget(evaluations)
        try interruptAbandonedTrials()
        while let trial = try ask(owner: owner, limit: evaluations) {
            let outcome: TrialOutcome
            do {
                outcome = TrialOutcome(value: try await objective(trial))
            } catch let failure as ObjectiveFailure {
                outcome = .failed(reason: failure.reason, stderrTail: failure.stderrTail)
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

    /// The counts by state and the best trial so far.
    public func summary() throws -> StudySummary {
        StudySummary(settings: settings, trials: try trials())
    }
}
