#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HPORun

/// `/bin/sh -c command` started with `posix_spawn` as the leader of a process group of its own,
/// with standard input from a file, standard output and standard error into pipes this process
/// reads, and no other descriptor of this process: whatever the command leaves running in the
/// background holds at most those two pipes, never a descriptor `hpo` waits on.
struct ChildProcess {
    /// The child's process id, which is also its process group's until it is reaped.
    let pid: pid_t
    /// The reading end of the child's standard output (close-on-exec).
    let standardOutput: Int32
    /// The reading end of the child's standard error (close-on-exec).
    let standardError: Int32

    /// How a reaped child ended.
    enum Exit: Hashable {
        /// It exited with this status.
        case exited(Int32)
        /// This signal ended it.
        case signaled(Int32)
    }

    /// Starts `/bin/sh -c command` with this process's environment plus `environment`, reading
    /// the descriptor `standardInput`; throws an ``ObjectiveFailure`` if it cannot be started.
    init(command: String, environment: [String: String], standardInput: Int32) throws {
        let output = try Self.closeOnExecPipe(), error = try Self.closeOnExecPipe()
        var pid = pid_t()
        let status = Self.withCStrings(["/bin/sh", "-c", command]) { arguments in
            Self.withCStrings(Self.environmentStrings(adding: environment)) { environment in
                Self.spawn(
                    &pid, arguments: arguments, environment: environment,
                    descriptors: [standardInput, output.write, error.write])
            }
        }
        close(output.write)
        close(error.write)
        guard status == 0 else {
            close(output.read)
            close(error.read)
            let detail = status == E2BIG
                ? "its arguments and environment are larger than the system allows (E2BIG)"
                : String(cString: strerror(status))
            throw ObjectiveFailure(reason: "cannot start /bin/sh to run the command: \(detail)")
        }
        self.pid = pid
        self.standardOutput = output.read
        self.standardError = error.read
    }

    /// Whether the child has ended, without reaping it: until ``reap()`` its pid cannot be reused,
    /// so ``signalGroup(_:)`` reaches its group and nothing else.
    func hasEnded() -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == -1 {
            if errno != EINTR { return true } // not our child any more: nothing left to wait for
        }
        #if canImport(Glibc)
        return info._sifields._sigchld.si_pid != 0
        #else
        return info.si_pid != 0
        #endif
    }

    /// Sends `signal` to every process of the child's group (before ``reap()`` only).
    func signalGroup(_ signal: Int32) {
        _ = kill(-pid, signal)
    }

    /// Waits for the child to end and collects its status.
    func reap() -> Exit {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return .exited(-1) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }

    // MARK: - Spawning

    /// `posix_spawn` of `/bin/sh` in a new process group, with every signal's default action and
    /// no blocked signal (so a signal `hpo` ignores still ends the command), `descriptors` as its
    /// standard input, output and error, and no other descriptor of this process.
    static func spawn(
        _ pid: inout pid_t, arguments: UnsafePointer<UnsafeMutablePointer<CChar>?>,
        environment: UnsafePointer<UnsafeMutablePointer<CChar>?>, descriptors: [Int32]
    ) -> Int32 {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        for (target, descriptor) in descriptors.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, descriptor, Int32(target))
        }
        let flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        #if canImport(Glibc)
        // Every descriptor from 3 up is closed in the child, whether or not it is close-on-exec.
        if let closeFrom = Self.addCloseFrom() {
            _ = closeFrom(&actions, Int32(descriptors.count))
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        #else
        posix_spawnattr_setflags(&attributes, Int16(flags | Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)))
        #endif
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        return posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, environment)
    }

    #if canImport(Glibc)
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which its Swift module
    /// does not declare; `nil` on an older glibc, where the close-on-exec flags must do.
    private static func addCloseFrom() -> AddCloseFrom? {
        dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }
    }
    #endif

    /// A pipe whose two ends are close-on-exec from the start (`pipe2(O_CLOEXEC)`), so that no
    /// other process spawned meanwhile inherits them.
    private static func closeOnExecPipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        #if canImport(Glibc)
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "pipe2") {
            guard unsafeBitCast(symbol, to: Pipe2.self)(&ends, O_CLOEXEC) == 0 else { throw pipeFailure() }
            return (ends[0], ends[1])
        }
        #endif
        guard pipe(&ends) == 0 else { throw pipeFailure() }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    private static func pipeFailure() -> ObjectiveFailure {
        ObjectiveFailure(reason: "cannot create a pipe for the command's output: \(String(cString: strerror(errno)))")
    }

    /// This process's environment with `extra` added (replacing variables of the same name), as
    /// `NAME=value` strings.
    static func environmentStrings(adding extra: [String: String]) -> [String] {
        ProcessInfo.processInfo.environment.merging(extra) { _, new in new }.map { "\($0.key)=\($0.value)" }
    }

    /// Calls `body` with `strings` as a NULL-terminated C array.
    static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
