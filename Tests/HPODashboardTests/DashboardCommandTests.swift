#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import Testing

/// `hpo dashboard` run as a user runs it: the built executable, its output read as it comes.
private final class DashboardProcess: Sendable {
    private let process = Process()
    private let output = Text()
    private let errors = Text()

    /// Text collected from a pipe.
    private final class Text: Sendable {
        let value = Mutex("")
        func append(_ data: Data) { value.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        var text: String { value.withLock { $0 } }
    }

    /// Starts `hpo` with `arguments`.
    init(_ arguments: [String]) throws {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()].map { $0.appendingPathComponent("hpo") }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw TestHTTPError("no hpo executable among \(candidates.map(\.path)): build it with swift build")
        }
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        for (pipe, text) in [(out, output), (err, errors)] {
            pipe.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil } else { text.append(data) }
            }
        }
        try process.run()
    }

    /// What it printed on standard output and standard error so far.
    var stdout: String { output.text }
    var stderr: String { errors.text }

    /// The URL in the first line it prints, waiting up to `timeout`; `nil` if it ends first.
    func url(within timeout: Duration = .seconds(60)) async throws -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let range = stdout.range(of: #"http://\S+"#, options: .regularExpression) { return String(stdout[range]) }
            if !process.isRunning { return nil }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// Sends `signal`.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Its exit status once it has ended, waiting up to `timeout`; `nil` if it is still running.
    func exitStatus(within timeout: Duration = .seconds(30)) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(100))  // the last output
        return process.terminationStatus
    }

    /// Ends it if it still runs.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

@Suite("hpo dashboard")
struct DashboardCommandTests {
    @Test("serves a study file on 127.0.0.1 and stops cleanly on SIGINT or SIGTERM, even with a page following it",
          .timeLimit(.minutes(2)), arguments: [SIGINT, SIGTERM])
    func servesAndStops(signal: Int32) async throws {
        let file = try TestStudyFile("cli.sqlite", space: try TestSpaces.mixed())
        defer { file.remove() }
        try file.study.addTrials(6, failEvery: 3)
        let dashboard = try DashboardProcess(["dashboard", file.path, "--port", "0"])
        defer { dashboard.stop() }
        let url = try #require(try await dashboard.url(), "no URL printed; stderr: \(dashboard.stderr)")
        let port = try #require(Int(url.replacingOccurrences(of: "http://127.0.0.1:", with: "").dropLast()), "not on 127.0.0.1: \(url)")

        let page = try await TestHTTPClient.fetch("/study/cli.sqlite", port: port)
        #expect(page.status == 200 && page.body.contains("6 trials: 4 complete, 2 failed"))
        var events = try await TestHTTPClient.events("/study/cli.sqlite/events", port: port).makeAsyncIterator()
        #expect(try await events.next()?.event == "change")

        dashboard.send(signal)
        let status = try await dashboard.exitStatus()
        #expect(status == 0 || status == 128 + signal, "exit status \(String(describing: status)); stderr: \(dashboard.stderr)")
        #expect(dashboard.stdout.contains("dashboard stopped"))
        #expect(!dashboard.stderr.contains("Fatal"))
        let after = try? await events.next()
        #expect(after == nil)  // the stream ended with the server
    }

    @Test("hpo dashboard sees a trial within 2 s of its tell: the event it sends says when it read the study", .timeLimit(.minutes(2)))
    func changeWithinTwoSeconds() async throws {
        let file = try TestStudyFile("latency.sqlite", space: try TestSpaces.continuous())
        defer { file.remove() }
        try file.study.addTrials(5)
        let dashboard = try DashboardProcess(["dashboard", file.path, "--port", "0"])
        defer { dashboard.stop() }
        let url = try #require(try await dashboard.url(), "no URL printed; stderr: \(dashboard.stderr)")
        let port = try #require(Int(url.replacingOccurrences(of: "http://127.0.0.1:", with: "").dropLast()))
        var events = try await TestHTTPClient.events("/study/latency.sqlite/events", port: port).makeAsyncIterator()
        #expect(try await events.next()?.event == "change")
        // The server runs in its own process, so the test's own scheduling does not enter the
        // measurement: the event carries the time the server read the study (wall clock, one machine).
        for value in [0.5, 0.25, 0.125] {
            let trial = try file.study.ask()
            try file.study.tell(trial, value: value)
            let told = Date().timeIntervalSince1970
            var seenAt: Double?
            while seenAt == nil, let event = try await events.next() {
                let payload = try #require(try JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any])
                if payload["complete"] as? Int == trial.id { seenAt = payload["read_at"] as? Double }
            }
            let latency = try #require(seenAt) - told
            #expect(latency < 2, "trial \(trial.id) was seen \(latency) s after its tell")
        }
    }

    @Test("a port in use, a missing study file and a file without a study are clear errors", .timeLimit(.minutes(2)))
    func errors() async throws {
        let file = try TestStudyFile("busy.sqlite", space: try TestSpaces.continuous())
        defer { file.remove() }
        try await RunningDashboard.with([file.entry]) { running in
            let port = running.address.port
            let second = try DashboardProcess(["dashboard", file.path, "--port", String(port)])
            defer { second.stop() }
            #expect(try await second.exitStatus() == 1)
            #expect(second.stderr == "Error: port \(port) is in use; choose another with --port (--port 0 picks a free one)\n")
        }

        let missing = file.folder.appendingPathComponent("missing.sqlite").path
        let absent = try DashboardProcess(["dashboard", missing])
        defer { absent.stop() }
        #expect(try await absent.exitStatus() == 1)
        #expect(absent.stderr.hasPrefix("Error: there is no study at '\(missing)': "))

        let empty = file.folder.appendingPathComponent("empty.sqlite").path
        _ = FileManager.default.createFile(atPath: empty, contents: nil)
        let blank = try DashboardProcess(["dashboard", empty])
        defer { blank.stop() }
        #expect(try await blank.exitStatus() == 1)
        #expect(blank.stderr.hasPrefix("Error: there is no study at '\(empty)': "))
    }
}
