#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HPORun

/// A small process that outlives this one to stop the commands it leaves behind.
///
/// A process killed with SIGKILL (or crashing, or ended by the out-of-memory killer) has no chance
/// to stop the commands it runs, and each command leads a process group of its own, so nothing
/// else would: a training run would go on holding its GPU. The watchdog is a `/bin/sh` script, in
/// a process group of its own, that reads from a socket which only this process holds which
/// command process groups started and which ended. The end of that stream means this process is
/// gone: the watchdog sends SIGTERM to every group still running, SIGKILL to those left
/// ``ShellCommand/killAfter`` seconds later, and exits. With no command running it exits at once.
///
/// A group is reported ended before its leader is reaped, so the watchdog never signals a process
/// group id the system may have given to someone else. Share one watchdog through a
/// ``CommandInterruption``; the `hpo optimize` command starts one for each run.
public final class CommandWatchdog: Sendable {
    /// The watchdog's process id.
    public let pid: pid_t
    /// This process's end of the socket.
    private let socket: Int32

    /// Starts the watchdog, which kills what is left of a group `killAfter` seconds after the
    /// SIGTERM; throws an ``ObjectiveFailure`` if it cannot be started.
    public init(killAfter: Double = ShellCommand.killAfter) throws {
        var ends: [Int32] = [-1, -1]
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
        let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else { throw Self.failure("cannot create its socket") }
        #if canImport(Darwin)
        var one: Int32 = 1
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = setsockopt(ends[0], SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        guard null >= 0 else {
            ends.forEach { _ = close($0) }
            throw Self.failure("cannot open /dev/null")
        }
        var pid = pid_t()
        let seconds = String(format: "%.1f", max(0, killAfter))
        let status = ChildProcess.withCStrings(["/bin/sh", "-c", Self.script(killAfter: seconds)]) { arguments in
            ChildProcess.withCStrings(ChildProcess.environmentStrings(adding: [:])) { environment in
                ChildProcess.spawn(&pid, arguments: arguments, environment: environment, descriptors: [ends[1], null, null])
            }
        }
        _ = close(ends[1])
        _ = close(null)
        guard status == 0 else {
            _ = close(ends[0])
            throw Self.failure("cannot start /bin/sh: \(String(cString: strerror(status)))")
        }
        self.pid = pid
        socket = ends[0]
    }

    /// Closes the socket, so that the watchdog stops whatever is still registered and exits, and
    /// waits for it.
    deinit {
        _ = close(socket)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    }

    /// Registers a command's process group, just started.
    func started(group: pid_t) {
        report("start \(group)\n")
    }

    /// Forgets a command's process group, before its leader is reaped.
    func ended(group: pid_t) {
        report("end \(group)\n")
    }

    /// Writes one short line (atomically, being shorter than a pipe's buffer); never blocks and
    /// never raises SIGPIPE: a watchdog that is gone only costs its protection.
    private func report(_ line: String) {
        var bytes = Array(line.utf8)
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)
        #else
        let flags = MSG_DONTWAIT
        #endif
        while send(socket, &bytes, bytes.count, flags) == -1, errno == EINTR {}
    }

    private static func failure(_ detail: String) -> ObjectiveFailure {
        ObjectiveFailure(reason: "cannot start the watchdog of the objective's processes: \(detail) (\(String(cString: strerror(errno))))")
    }

    /// The watchdog: it keeps the groups started and not ended as ` 12 34 `, and at the end of its
    /// input signals those left. It ignores the signals that stop a terminal's jobs, since it ends
    /// by itself when its input ends.
    static func script(killAfter: String) -> String {
        #"""
        trap '' INT HUP TERM QUIT
        groups=' '
        while read -r verb group; do
          case $group in ''|*[!0-9]*) continue ;; esac
          case $verb in
            start) groups="$groups$group " ;;
            end) case $groups in *" $group "*) groups="${groups%%" $group "*} ${groups#*" $group "}" ;; esac ;;
          esac
        done
        [ "$groups" = ' ' ] && exit 0
        for group in $groups; do kill -TERM -$group 2>/dev/null; done
        sleep 0.1
        alive=
        for group in $groups; do kill -0 -$group 2>/dev/null && alive=1; done
        [ -z "$alive" ] && exit 0
        sleep \#(killAfter)
        for group in $groups; do kill -KILL -$group 2>/dev/null; done
        exit 0
        """#
    }
}
