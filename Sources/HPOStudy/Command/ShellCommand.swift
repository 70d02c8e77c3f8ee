#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HPORun

/// One run of a shell command (`/bin/sh -c`) with its input, environment, time limit and output
/// limit; both output streams are read as they come, so a chatty command never blocks on a full
/// pipe, and only their tails are kept.
public struct ShellCommand: Sendable {
    /// The command line, run by `/bin/sh -c`.
    public var command: String
    /// Extra environment variables, added to this process's environment.
    public var environment: [String: String]
    /// Seconds after which the command and everything it started are stopped (SIGTERM, then
    /// SIGKILL ``killAfter`` seconds later); `nil` for no limit.
    public var timeout: Double?
    /// Bytes of standard output after which the command is killed.
    public var outputLimit: Int
    /// Bytes kept from the end of each output stream.
    public var tailBytes: Int
    /// The name of an environment variable that gets the path of a file holding the input (the
    /// file the command's standard input reads, deleted when the command ends), or `nil` for none.
    public var inputPathVariable: String?
    /// What stops the command when the process running it is told to stop, if anything.
    public var interruption: CommandInterruption?

    /// Seconds between the SIGTERM that stops a command (on a timeout or an interruption) and the
    /// SIGKILL that ends its process group if it is still running.
    public static let killAfter = 5.0
    /// Seconds the output is still read, once the command has exited, for the rest of what it wrote
    /// to reach the end of its pipes; background processes that keep them open are not waited for.
    public static let drainPeriod = 0.1
    /// The longest wait between checks of whether the command has exited, while a background process
    /// keeps its output open.
    static let pollInterval = Duration.milliseconds(20)

    /// Creates a command.
    public init(
        command: String, environment: [String: String] = [:], timeout: Double? = nil, outputLimit: Int = 16 << 20,
        tailBytes: Int = 64 << 10, inputPathVariable: String? = nil, interruption: CommandInterruption? = nil
    ) {
        self.command = command
        self.environment = environment
        self.timeout = timeout
        self.outputLimit = outputLimit
        self.tailBytes = tailBytes
        self.inputPathVariable = inputPathVariable
        self.interruption = interruption
    }

    /// How the command ended.
    public enum Termination: Hashable, Sendable {
        /// It exited with this status.
        case exit(Int32)
        /// A signal it did not handle ended it.
        case signal(Int32)
        /// It ran past the timeout and was killed.
        case timedOut
        /// It wrote more than the output limit and was killed.
        case outputLimitExceeded
        /// The process running it received `signal` (see ``CommandInterruption``): the command was
        /// stopped, or not started.
        case interrupted(signal: Int32)
    }

    /// What a run produced.
    public struct Result: Hashable, Sendable {
        /// How it ended.
        public var termination: Termination
        /// The last ``ShellCommand/tailBytes`` of standard output.
        public var stdoutTail: Data
        /// The number of bytes written to standard output in all.
        public var stdoutBytes: Int
        /// The last ``ShellCommand/tailBytes`` of standard error.
        public var stderrTail: Data
    }

    /// Runs the command with `input` on its standard input and waits for it on a thread of its
    /// own, without blocking the caller's.
    public func run(input: Data) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try runBlocking(input: input) })
            }
        }
    }

    /// Runs the command and blocks until it ends.
    ///
    /// The command leads a process group of its own and inherits no descriptor but its standard
    /// input, output and error. Its output is read until both streams close or, once the command
    /// itself has exited, for at most ``drainPeriod`` seconds more: a background process it left
    /// holding the pipes never holds up the result. When the command ends, whatever is left of its
    /// group is killed. On a timeout the group gets SIGTERM, and SIGKILL ``killAfter`` seconds later.
    public func runBlocking(input: Data) throws -> Result {
        if let signal = interruption?.signal {
            return Result(termination: .interrupted(signal: signal), stdoutTail: Data(), stdoutBytes: 0, stderrTail: Data())
        }
        let inputFile = try InputFile(contents: input)
        defer { inputFile.remove() }
        var environment = self.environment
        if let inputPathVariable { environment[inputPathVariable] = inputFile.path }
        let child = try ChildProcess(command: command, environment: environment, standardInput: inputFile.descriptor)
        inputFile.closeDescriptor()
        interruption?.started(group: child.pid)

        var output = StreamTail(descriptor: child.standardOutput, keeping: tailBytes)
        var error = StreamTail(descriptor: child.standardError, keeping: tailBytes)
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + .seconds($0) }
        var timedOut = false, overLimit = false, interruptedBy: Int32?
        var killAt: ContinuousClock.Instant?, killed = false
        var endedAt: ContinuousClock.Instant?
        var idleWait = Duration.milliseconds(1)
        while true {
            let now = clock.now
            if endedAt == nil, child.hasEnded() {
                endedAt = now
                interruptedBy = interruption?.signal
                child.signalGroup(SIGKILL) // what the command left running in the background
            }
            if let endedAt {
                if !output.isOpen && !error.isOpen || now >= endedAt + .seconds(Self.drainPeriod) { break }
            } else {
                if !timedOut, let deadline, now >= deadline {
                    timedOut = true
                    child.signalGroup(SIGTERM)
                }
                if killAt == nil, timedOut || interruption?.signal != nil { killAt = now + .seconds(Self.killAfter) }
                if !killed, let instant = killAt, now >= instant {
                    killed = true
                    child.signalGroup(SIGKILL)
                }
            }
            // Wait for output, but no longer than until the next thing to check; with both streams
            // closed only the exit is left to see: check soon, then less and less often.
            let streamsOpen = output.isOpen || error.isOpen
            var wake = now + (streamsOpen ? Self.pollInterval : idleWait)
            if !streamsOpen { idleWait = min(idleWait * 2, Self.pollInterval) }
            for instant in [deadline, killAt, endedAt.map { $0 + .seconds(Self.drainPeriod) }].compactMap({ $0 }) where instant > now {
                wake = min(wake, instant)
            }
            StreamTail.readAvailable(from: &output, &error, waitingAtMost: now.duration(to: wake))
            if output.total > outputLimit, !overLimit {
                overLimit = true
                child.signalGroup(SIGKILL)
            }
        }
        interruption?.ended(group: child.pid)
        let exit = child.reap()
        output.close()
        error.close()

        let termination: Termination =
            if let interruptedBy { .interrupted(signal: interruptedBy) }
            else if timedOut { .timedOut }
            else if overLimit { .outputLimitExceeded }
            else {
                switch exit {
                case .exited(let status): .exit(status)
                case .signaled(let signal): .signal(signal)
                }
            }
        return Result(termination: termination, stdoutTail: output.contents, stdoutBytes: output.total, stderrTail: error.contents)
    }
}

extension ShellCommand {
    /// The start of an input file's name in the temporary directory; the creating process's id
    /// and a random suffix follow.
    static let inputFilePrefix = "hpo-input-"

    /// Deletes the input files in `directory` (by default the temporary directory) that processes
    /// killed without a chance to clean up (`kill -9`) left behind: those whose creating process
    /// no longer exists and that were last modified more than `age` seconds ago (the age keeps
    /// the file of a live process in another PID namespace that shares the directory). Returns
    /// the names deleted.
    @discardableResult
    public static func removeAbandonedInputFiles(in directory: String = NSTemporaryDirectory(), olderThan age: Double = 3600) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(inputFilePrefix) && name.hasSuffix(".json") {
            let digits = name.dropFirst(inputFilePrefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(digits), pid > 0, kill(pid, 0) == -1, errno == ESRCH else { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid(),
                let modified = attributes[.modificationDate] as? Date, Date().timeIntervalSince(modified) > age
            else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }
}

/// The last bytes of one of the command's output streams and its total length.
private struct StreamTail {
    private let descriptor: Int32
    private let keep: Int
    private var data = Data()
    /// The bytes read in all.
    private(set) var total = 0
    /// Whether the stream may still deliver bytes (it has not reached its end).
    private(set) var isOpen = true

    init(descriptor: Int32, keeping keep: Int) {
        self.descriptor = descriptor
        self.keep = keep
    }

    var contents: Data { Data(data.suffix(keep)) }

    /// Waits up to `timeout` for either stream to have bytes or reach its end, then reads one chunk
    /// from each that is ready.
    static func readAvailable(from first: inout StreamTail, _ second: inout StreamTail, waitingAtMost timeout: Duration) {
        let milliseconds = Int32(min(max(0, (timeout / .milliseconds(1)).rounded(.up)), 60_000))
        var descriptors = [first, second].map { pollfd(fd: $0.isOpen ? $0.descriptor : -1, events: Int16(POLLIN), revents: 0) }
        guard poll(&descriptors, nfds_t(descriptors.count), milliseconds) > 0 else { return }
        if descriptors[0].revents != 0 { first.readChunk() }
        if descriptors[1].revents != 0 { second.readChunk() }
    }

    /// Reads what the stream holds, up to 64 KiB; a read of nothing (or an error) is its end.
    private mutating func readChunk() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var count: Int
        repeat { count = read(descriptor, &buffer, buffer.count) } while count == -1 && errno == EINTR
        guard count > 0 else {
            isOpen = false
            return
        }
        data.append(contentsOf: buffer[..<count])
        if data.count > 2 * keep { data = data.suffix(keep) }
        total += count
    }

    func close() {
        _ = Foundation.close(descriptor)
    }
}

/// The command's standard input: a temporary file holding the input, close-on-exec, read from
/// its start; removed by ``remove()`` (its path may be given to the command).
private final class InputFile {
    let path: String
    private(set) var descriptor: Int32

    init(contents: Data) throws {
        var template = Array((NSTemporaryDirectory() + "/\(ShellCommand.inputFilePrefix)\(getpid())-XXXXXX.json").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
        guard descriptor >= 0 else {
            throw ObjectiveFailure(reason: "cannot create a temporary file for the command's input: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        self.descriptor = descriptor
        let written = contents.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard written, lseek(descriptor, 0, SEEK_SET) == 0 else {
            let reason = String(cString: strerror(errno))
            remove()
            throw ObjectiveFailure(reason: "cannot write the command's input to the temporary file \(path): \(reason)")
        }
    }

    /// Closes this process's descriptor of the file, once the command has its own.
    func closeDescriptor() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }

    /// Closes and deletes the file.
    func remove() {
        closeDescriptor()
        _ = unlink(path)
    }
}
