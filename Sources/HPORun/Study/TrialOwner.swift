import Foundation

/// The process that evaluates a running trial, so that a later run can tell a trial abandoned by
/// a dead process from one still being evaluated.
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

    /// Whether the process may still be running: `false` only for a process of this host that no
    /// longer exists. (A reused pid makes a dead owner look alive; its trial then stays running.)
    public var mayBeAlive: Bool {
        guard host == ProcessInfo.processInfo.hostName else { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
