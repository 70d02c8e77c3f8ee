/// An evaluation stopped from outside, through no fault of the objective, e.g. because `hpo`
/// received SIGTERM. An objective throws it to have ``Study/optimize(evaluations:owner:progress:_:)``
/// record the trial ``TrialState/interrupted`` (a later run evaluates its configuration again) and
/// stop, rethrowing it.
public struct TrialInterruption: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the evaluation was stopped, e.g. `stopped: hpo received SIGTERM`.
    public let reason: String

    /// Creates an interruption.
    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
