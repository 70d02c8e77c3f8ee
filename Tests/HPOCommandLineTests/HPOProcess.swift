import Foundation
import Synchronization
import Testing

/// Runs the built `hpo` executable, for tests of the command line as a user sees it.
enum HPOProcess {
    /// The `hpo` executable beside the test bundle (`swift test` builds every product).
    static var executable: URL {
        get throws {
            let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
                .map { $0.appendingPathComponent("hpo") }
            return try #require(
                candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                "the hpo executable is not among \(candidates.map(\.path)): build it with swift build")
        }
    }

    /// What a finished run printed and how it exited.
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `hpo` with `arguments` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Output {
        let process = try start(arguments, in: directory)
        let out = process.standardOutputData, err = process.standardErrorData
        process.process.waitUntilExit()
        return Output(status: process.process.terminationStatus, stdout: out(), stderr: err())
    }

    /// A started `hpo` process whose output is collected in the background.
    struct Started {
        let process: Process
        let standardOutputData: () -> String
        let standardErrorData: () -> String
    }

    /// Starts `hpo` with `arguments`; the output readers drain the pipes concurrently.
    static func start(_ arguments: [String], in directory: URL? = nil) throws -> Started {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outText = Collector(out.fileHandleForReading), errText = Collector(err.fileHandleForReading)
        return Started(process: process, standardOutputData: outText.wait, standardErrorData: errText.wait)
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("hpo-cli-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Reads a pipe to its end on a background thread.
private final class Collector: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let data = Mutex(Data())

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            let contents = handle.readDataToEndOfFile()
            data.withLock { $0 = contents }
            done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        done.signal()
        return String(decoding: data.withLock { $0 }, as: UTF8.self)
    }
}
