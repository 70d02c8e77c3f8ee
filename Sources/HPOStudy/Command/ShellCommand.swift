import Dispatch
import Foundation
import HPORun
import Synchronization

/// One run of a shell command (`/bin/sh -c`) with its input, environment, time limit and output
/// limit; both output streams are drained concurrently, so a chatty command never blocks on a full
/// pipe, and only their tails are kept.
public struct ShellCommand: Sendable {
    /// The command line, run by `/bin/sh -c`.
    public var command: String
    /// Extra environment variables, added to this process's environment.
    public var environment: [String: String]
    /// Seconds after which the command and everything it started are killed; `nil` for no limit.
    public var timeout: Double?
    /// Bytes of standard output after which the command is killed.
    public var outputLimit: Int
    /// Bytes kept from the end of each output stream.
    public var tailBytes: Int

    /// Creates a command.
    public init(
        command: String, environment: [String: String] = [:], timeout: Double? = nil, outputLimit: Int = 16 << 20,
        tailBytes: Int = 64 << 10
    ) {
        self.command = command
        self.environment = environment
        self.timeout = timeout
        self.outputLimit = outputLimit
        self.tailBytes = tailBytes
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

    /// Runs the command with `input` on its standard input and waits for it (and for its output
    /// streams to close) on a thread of its own, without blocking the caller's.
    public func run(input: Data) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try runBlocking(input: input) })
            }
        }
    }

    /// Runs the command and blocks until it ends.
    public func runBlocking(input: Data) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        // Standard input from an unlinked temporary file: no writer thread, no SIGPIPE.
        process.standardInput = try Self.inputFile(input)
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr

        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let outputTail = StreamTail(keeping: tailBytes), errorTail = StreamTail(keeping: tailBytes)
        let overLimit = Atomic<Bool>(false)
        do {
            try process.run()
        } catch {
            throw ObjectiveFailure(reason: "cannot start /bin/sh to run the command: \(error.localizedDescription)")
        }
        // Foundation starts the child as the leader of its own process group: killing the group
        // also ends whatever the command started.
        let group = process.processIdentifier
        let killGroup: @Sendable () -> Void = { _ = kill(-group, SIGKILL) }
        // Readers on their own threads, not a shared pool that blocked readers could exhaust.
        let readers = DispatchGroup()
        let outputLimit = self.outputLimit
        readers.enter()
        Thread.detachNewThread {
            outputTail.drain(stdout.fileHandleForReading) { total in
                if total > outputLimit, !overLimit.exchange(true, ordering: .relaxed) { killGroup() }
            }
            readers.leave()
        }
        readers.enter()
        Thread.detachNewThread {
            errorTail.drain(stderr.fileHandleForReading) { _ in }
            readers.leave()
        }

        var timedOut = false
        if let timeout, exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            killGroup()
            exited.wait()
        } else if timeout == nil {
            exited.wait()
        }
        killGroup() // background processes the command left behind hold the pipes open
        _ = readers.wait(timeout: .now() + 5)

        let termination: Termination =
            if timedOut { .timedOut }
            else if overLimit.load(ordering: .relaxed) { .outputLimitExceeded }
            else if process.terminationReason == .uncaughtSignal { .signal(process.terminationStatus) }
            else { .exit(process.terminationStatus) }
        let (outputData, outputBytes) = outputTail.contents
        return Result(
            termination: termination, stdoutTail: outputData, stdoutBytes: outputBytes, stderrTail: errorTail.contents.data)
    }

    private static func inputFile(_ input: Data) throws -> FileHandle {
        var template = Array((NSTemporaryDirectory() + "/hpo-input-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ObjectiveFailure(reason: "cannot create a temporary file for the command's input: errno \(errno)")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: input)
        try handle.seek(toOffset: 0)
        return handle
    }
}

/// The last bytes of a stream and its total length, filled by one reader thread.
private final class StreamTail: Sendable {
    private let keep: Int
    private let state = Mutex<(data: Data, total: Int)>((Data(), 0))

    init(keeping keep: Int) {
        self.keep = keep
    }

    /// Reads `handle` to its end, calling `onChunk` with the running total after each chunk.
    func drain(_ handle: FileHandle, onChunk: (Int) -> Void) {
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return }
            let total = state.withLock { state in
                state.data.append(chunk)
                if state.data.count > 2 * keep { state.data = state.data.suffix(keep) }
                state.total += chunk.count
                return state.total
            }
            onChunk(total)
        }
    }

    var contents: (data: Data, total: Int) {
        state.withLock { (Data($0.data.suffix(keep)), $0.total) }
    }
}
