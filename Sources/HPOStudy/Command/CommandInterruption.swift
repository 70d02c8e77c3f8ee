#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Stops the commands a process runs when that process is told to stop: ``interrupt(signal:)``
/// (called, say, on SIGTERM) forwards the signal to the process group of every running
/// ``ShellCommand`` that shares this object, and a command started afterwards is not run at all.
/// Such a command ends with ``ShellCommand/Termination/interrupted(signal:)``; one that is still
/// running ``ShellCommand/killAfter`` seconds after the signal is killed with SIGKILL. With a
/// ``CommandWatchdog``, the commands are also stopped when the process dies without a signal it
/// can handle (`kill -9`, a crash).
public final class CommandInterruption: Sendable {
    private struct State {
        var signal: Int32?
        var groups: Set<pid_t> = []
    }

    private let state = Mutex(State())
    /// What stops the running commands if this process dies first, if anything.
    public let watchdog: CommandWatchdog?

    /// Creates an interruption that has not happened yet, telling `watchdog` (if any) which
    /// commands run.
    public init(watchdog: CommandWatchdog? = nil) {
        self.watchdog = watchdog
    }

    /// The signal of the first ``interrupt(signal:)``, or `nil` while there was none.
    public var signal: Int32? {
        state.withLock { $0.signal }
    }

    /// Records `signal` and sends it to the process group of every running command; a second
    /// interruption (an impatient second Ctrl-C) kills them at once with SIGKILL.
    public func interrupt(signal: Int32) {
        state.withLock { state in
            let forwarded = state.signal == nil ? signal : SIGKILL
            state.signal = state.signal ?? signal
            for group in state.groups { _ = kill(-group, forwarded) }
        }
    }

    /// Registers a started command's process group; if the interruption has happened already,
    /// the group gets its signal at once.
    func started(group: pid_t) {
        watchdog?.started(group: group)
        state.withLock { state in
            state.groups.insert(group)
            if let signal = state.signal { _ = kill(-group, signal) }
        }
    }

    /// Forgets a command's process group, before its leader is reaped and the id may be reused.
    func ended(group: pid_t) {
        _ = state.withLock { $0.groups.remove(group) }
        watchdog?.ended(group: group)
    }

    /// A signal's name as `kill -l` spells it, e.g. `SIGTERM`, or `signal 40` for one without.
    public static func name(of signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
            SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}
