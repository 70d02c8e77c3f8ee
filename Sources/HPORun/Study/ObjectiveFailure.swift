/// A failed evaluation: why, and the end of its standard error.
public struct ObjectiveFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the evaluation failed, e.g. `the command timed out after 5 s`.
    public let reason: String
    /// The last lines of the evaluation's standard error, if any.
    public let stderrTail: String?

    /// Creates a failure.
    public init(reason: String, stderrTail: String? = nil) {
        self.reason = reason
        self.stderrTail = stderrTail
    }

    public var description: String { reason }
}
