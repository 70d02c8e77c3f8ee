import Foundation

extension Study {
    /// Runs the study until it has `evaluations` trials, evaluating each with `objective`, and
    /// returns its summary. Trials already in the storage count, so running the same call again
    /// continues an interrupted study; trials left running by dead processes are marked failed
    /// first.
    ///
    /// An objective that throws, or returns a non-finite value, makes a failed trial (its reason
    /// is the error's description; ``ObjectiveFailure`` also carries a stderr tail) and the study
    /// goes on. Cancellation marks the current trial failed and rethrows.
    @discardableResult
    public func optimize(
        evaluations: Int, owner: TrialOwner = .current,
        progress: @Sendable (Trial) -> Void = { _ in },
        _ objective: @Sendable (Trial) async throws -> Double
    ) async throws -> StudySummary {
        guard evaluations > 0 else { throw StudyError.invalidCount(name: "number of evaluations", value: evaluations) }
        try failAbandonedTrials()
        while let trial = try ask(owner: owner, limit: evaluations) {
            let outcome: TrialOutcome
            do {
                outcome = TrialOutcome(value: try await objective(trial))
            } catch let failure as ObjectiveFailure {
                outcome = .failed(reason: failure.reason, stderrTail: failure.stderrTail)
            } catch is CancellationError {
                try tell(trialID: trial.id, outcome: .failed(reason: "cancelled", stderrTail: nil))
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
