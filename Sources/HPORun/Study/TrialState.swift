/// Where a trial is in its life: asked and being evaluated, or finished one way or the other.
public enum TrialState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Asked, not yet told.
    case running
    /// Told a finite value.
    case complete
    /// Told a failure of the objective.
    case failed
    /// Stopped before its evaluation ended, through no fault of the objective: its lease ran out (its worker died)
    /// or the study was cancelled. It is not told to the optimizer, does not count toward a
    /// study's evaluations, and its configuration is evaluated again by a new trial
    /// (``Study/Trial/retryOf``).
    case interrupted

    /// Whether the trial is complete or failed: an evaluation that counts.
    public var isFinished: Bool { self == .complete || self == .failed }
}
