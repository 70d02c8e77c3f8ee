import Foundation

extension Study {
    /// Records the loss of a running trial; a non-finite loss makes it a failed trial.
    @discardableResult
    public func tell(_ trial: Trial, value: Double) throws -> Trial {
        try tell(trialID: trial.id, outcome: TrialOutcome(value: value))
    }

    /// Records that a running trial failed, and why.
    @discardableResult
    public func tell(_ trial: Trial, failure reason: String, stderrTail: String? = nil) throws -> Trial {
        try tell(trialID: trial.id, outcome: .failed(reason: reason, stderrTail: stderrTail))
    }

    /// Records the outcome of the trial `trialID` and returns the trial that holds it.
    ///
    /// - A running trial takes the outcome.
    /// - Telling a finished trial the outcome it holds does nothing (a retried tell never counts
    ///   twice); another outcome throws ``StudyError/alreadyFinished(id:state:)``.
    /// - A trial re-queued after its lease ran out (interrupted) is told late: its value is not
    ///   lost if it comes first. It goes to the trial that re-runs its configuration if that one
    ///   is still running (its own worker's later tell is then refused), or to a new trial that
    ///   re-runs it if there is none yet; the returned trial is that one. If the re-run finished
    ///   first, the late outcome is refused with ``StudyError/lateTell(id:rerun:)``.
    /// - Interrupting (``TrialOutcome/interrupted(reason:)``) applies to running trials only.
    @discardableResult
    public func tell(trialID: Int, outcome: TrialOutcome) throws -> Trial {
        while true {
            guard let stored = try storage.trial(trialID) else {
                throw StudyError.unknownTrial(id: trialID, count: try storage.trials().last?.id ?? 0)
            }
            switch stored.state {
            case .running:
                let result = try storage.replaceRunning(stored.finished(with: outcome, at: Date()))
                if result.holds(outcome) { return result }
                if result.state == .interrupted, !outcome.isInterruption { continue } // re-queued meanwhile: tell late
                throw StudyError.alreadyFinished(id: trialID, state: result.state)
            case .complete, .failed:
                if stored.holds(outcome) { return stored }
                throw StudyError.alreadyFinished(id: trialID, state: stored.state)
            case .interrupted:
                guard !outcome.isInterruption else { return stored }
                if let told = try tellLate(stored, outcome: outcome) { return told }
            }
        }
    }

    /// Records `outcome`, told for the interrupted trial `trial`, in the trial that re-runs it:
    /// the running re-run, or a new finished one; `nil` when another writer got there first
    /// (the caller tries again).
    private func tellLate(_ trial: Trial, outcome: TrialOutcome) throws -> Trial? {
        var original = trial
        var later = try storage.trials(from: trial.id + 1)
        while let rerun = later.first(where: { $0.retryOf == original.id }) {
            switch rerun.state {
            case .running:
                let result = try storage.replaceRunning(rerun.finished(with: outcome, at: Date()))
                return result.holds(outcome) ? result : nil
            case .complete, .failed:
                if rerun.holds(outcome) { return rerun } // this late tell, retried
                throw StudyError.lateTell(id: trial.id, rerun: rerun.id)
            case .interrupted:
                original = rerun // follow the chain of re-runs
                later = Array(later.drop { $0.id <= rerun.id })
            }
        }
        let date = Date()
        let lastID = try storage.trials(from: original.id).last?.id ?? original.id
        let new = Trial(
            id: lastID + 1, state: .running, configuration: original.configuration, config: original.config,
            startedAt: original.startedAt, owner: original.owner, retryOf: original.id
        ).finished(with: outcome, at: date)
        return try storage.insert(new) ? try storage.trial(new.id) : nil
    }

    /// Renews the lease of the running trial `trialID` (a heartbeat from its worker) and returns
    /// it. Throws ``StudyError/alreadyFinished(id:state:)`` for a trial that is no longer running,
    /// e.g. one re-queued because its lease ran out (its worker may still tell it; see
    /// ``tell(trialID:outcome:)``), and ``StudyError/noLease(id:)`` for a trial asked without one.
    @discardableResult
    public func heartbeat(trialID: Int) throws -> Trial {
        while true {
            guard let stored = try storage.trial(trialID) else {
                throw StudyError.unknownTrial(id: trialID, count: try storage.trials().last?.id ?? 0)
            }
            guard stored.state == .running else { throw StudyError.alreadyFinished(id: trialID, state: stored.state) }
            guard let lease = stored.lease else { throw StudyError.noLease(id: trialID) }
            let now = Date()
            if lease.hasExpired(at: now) {
                try requeueExpiredTrials()
                continue
            }
            var renewed = stored
            renewed.lease = lease.renewed(at: now)
            let result = try storage.replaceRunning(renewed)
            if result == renewed { return result }
        }
    }
}

extension Study.Trial {
    /// Whether the trial holds `outcome`: the same state and value, or failure reason.
    func holds(_ outcome: TrialOutcome) -> Bool {
        switch outcome {
        case .complete(let value): state == .complete && self.value == value
        case .failed(let reason, _): state == .failed && failureReason == reason
        case .interrupted(let reason): state == .interrupted && failureReason == reason
        }
    }
}
