import Foundation
import Testing

/// Workers on several test hosts (network namespaces) sharing one PostgreSQL study, one host's
/// workers killed with SIGKILL. Runs `Benchmarks/storage/cross_host.py`, which makes the hosts,
/// runs the workers and checks the study; it needs root, iproute2, python3 and a server that
/// listens on the hosts' bridge. The CI sets `HPO_TEST_POSTGRESQL_HOSTS` to the server's URL
/// with `{address}` for the bridge's address.
@Suite("Hosts sharing a PostgreSQL study")
struct CrossHostTests {
    static let server = ProcessInfo.processInfo.environment["HPO_TEST_POSTGRESQL_HOSTS"]

    /// The checkout's root, from this file's place in it.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test(
        "16 workers on 4 hosts, 400 trials, one host's workers killed at random moments: 400 complete, none lost or twice, values as printed, killed trials re-run by the others",
        .enabled(if: server != nil, "no test hosts: set HPO_TEST_POSTGRESQL_HOSTS=postgresql://USER@{address}:PORT/DB as root (the CI sets it)"))
    func killedHost() throws {
        let directory = try HPOProcess.temporaryDirectory("cross-host")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = directory.appendingPathComponent("result.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.root.appendingPathComponent("Benchmarks/storage/cross_host.py").path,
            "--hpo", try HPOProcess.executable.path, "--server", try #require(Self.server),
            "--hosts", "4", "--workers", "4", "--trials", "400", "--lease", "5", "--kill-host", "--kills", "3", "--seed", "7",
            "--json", result.path, "--timeout", "300",
        ]
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let summary = try #require(
            try? JSONSerialization.jsonObject(with: Data(contentsOf: result)) as? [String: Any], "no result: \(stderr)")
        #expect(process.terminationStatus == 0, "\(summary) \(stderr)")
        #expect(summary["complete"] as? Int == 400)
        #expect(summary["running"] as? Int == 0 && summary["failed"] as? Int == 0)
        #expect(summary["duplicated"] as? Int == 0 && summary["wrong_values"] as? Int == 0)
        #expect(summary["interrupted_not_rerun_once"] as? Int == 0)
        #expect((summary["kills"] as? Int ?? 0) >= 1, "the study ended before the first kill")
        #expect((summary["interrupted"] as? Int ?? 0) >= 1, "the killed workers left running trials, re-queued by the others")
    }
}
