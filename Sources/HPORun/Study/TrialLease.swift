import Foundation

/// How long a running trial stays its worker's without news from it: the worker renews the
/// lease (a heartbeat) while it evaluates the trial, and once a lease has run out any worker on
/// any host re-queues the trial, so that its configuration is evaluated again.
///
/// Liveness is judged by time, not by process ids, which mean nothing across hosts or
/// containers. Workers' clocks must agree to well within the lease.
public struct TrialLease: Hashable, Sendable {
    /// The lease's length: how long a trial stays running after its last renewal.
    public var seconds: TimeInterval
    /// When the lease was last renewed (or taken).
    public var renewedAt: Date

    /// A lease of `seconds`, renewed at `renewedAt`.
    public init(seconds: TimeInterval, renewedAt: Date) {
        self.seconds = seconds
        self.renewedAt = renewedAt
    }

    /// When the lease runs out unless renewed.
    public var expiresAt: Date { renewedAt.addingTimeInterval(seconds) }

    /// Whether the lease has run out at `date`.
    public func hasExpired(at date: Date) -> Bool { expiresAt < date }

    /// The lease renewed at `date`.
    public func renewed(at date: Date) -> TrialLease { TrialLease(seconds: seconds, renewedAt: date) }

    /// The lease `hpo optimize` and ``Study/optimize(evaluations:owner:lease:progress:_:)`` take
    /// by default, renewed every quarter of it.
    public static let defaultSeconds: TimeInterval = 60

    /// The longest lease accepted: a week.
    public static let longestSeconds: TimeInterval = 7 * 24 * 3600
}
