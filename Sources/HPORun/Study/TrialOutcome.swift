/// What a trial's evaluation came to.
public enum TrialOutcome: Hashable, Sendable {
    /// A finite loss.
    case complete(Double)
    /// No usable loss: why, and the end of the evaluation's standard error if there was one.
    case failed(reason: String, stderrTail: String?)
    /// The evaluation was stopped before it ended, through no fault of the objective, and why
    /// (``TrialState/interrupted``).
    case interrupted(reason: String)

    /// The outcome of a loss: complete if it is finite, else a failure that says so.
    public init(value: Double) {
        self = value.isFinite
            ? .complete(value)
            : .failed(reason: "the objective returned \(value): a loss must be a finite number", stderrTail: nil)
    }

    /// Whether the outcome is an interruption rather than an evaluation's result.
    public var isInterruption: Bool {
        if case .interrupted = self { return true }
        return false
    }
}
