import Foundation

/// The process that evaluates a trial, recorded for people reading the study (which worker ran
/// what). Whether a trial's worker is alive is judged by the trial's ``TrialLease``, not by its
/// process id, which means nothing on another host or in another container.
public struct TrialOwner: Hashable, Sendable, CustomStringConvertible {
    /// The process id.
    public let pid: Int32
    /// The host the process runs on.
    public let host: String

    /// Creates an owner.
    public init(pid: Int32, host: String) {
        self.pid = pid
        self.host = host
    }

    /// This process.
    public static var current: TrialOwner {
        TrialOwner(pid: ProcessInfo.processInfo.processIdentifier, host: ProcessInfo.processInfo.hostName)
    }

    /// Stored as `pid@host`.
    public var description: String { "\(pid)@\(host)" }

    /// Reads the stored form `pid@host`.
    public init?(_ text: String) {
        guard let at = text.firstIndex(of: "@"), let pid = Int32(text[..<at]) else { return nil }
        self.init(pid: pid, host: String(text[text.index(after: at)...]))
    }
}
