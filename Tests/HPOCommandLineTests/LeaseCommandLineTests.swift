import Foundation
import HPO
import HPORun
import HPOStudy
import Testing

/// Leases from the command line: `hpo ask --lease`, `hpo heartbeat`, late tells, and workers that die.
@Suite("Leases on the command line")
struct LeaseCommandLineTests {
    /// The trial id in `hpo ask`'s output.
    static func trialID(_ output: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        return try #require(object?["trial"] as? Int)
    }

    @Test("a trial asked with --lease and never renewed is handed out again; heartbeat keeps one; the late tell is recorded in the re-run")
    func askLeaseHeartbeatAndLateTell() throws {
        let directory = try StudyCommandLineTests.workspace("lease")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try HPOProcess.run(["ask", "--study", "s.sqlite", "--space", "finite.yaml", "--lease", "30"], in: directory)
        try #require(first.status == 0, "\(first.stderr)")
        let short = try HPOProcess.run(["ask", "--study", "s.sqlite", "--lease", "1"], in: directory)
        let renewed = try Self.trialID(first.stdout), lost = try Self.trialID(short.stdout)
        let askedLost = Date()
        for _ in 0..<4 {
            Thread.sleep(forTimeInterval: 0.4)
            let beat = try HPOProcess.run(["heartbeat", "--study", "s.sqlite", "--trial", "\(renewed)"], in: directory)
            #expect(beat.status == 0 && beat.stdout.contains("trial \(renewed): lease renewed until "), "\(beat.stderr)")
        }
        Thread.sleep(forTimeInterval: max(0, 1.2 - Date().timeIntervalSince(askedLost)))
        // The second trial had no heartbeat for over its 1 s lease: the next ask hands its configuration out again.
        let again = try HPOProcess.run(["ask", "--study", "s.sqlite"], in: directory)
        let rerun = try Self.trialID(again.stdout)
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.map(\.state) == [.running, .interrupted, .running])
        #expect(trials[2].retryOf == lost && trials[2].configuration == trials[1].configuration)
        let late = try HPOProcess.run(["heartbeat", "--study", "s.sqlite", "--trial", "\(lost)"], in: directory)
        #expect(late.status != 0 && late.stderr.contains("trial \(lost) is interrupted"), "\(late.stderr)")
        let told = try HPOProcess.run(["tell", "--study", "s.sqlite", "--trial", "\(lost)", "--value", "0.5"], in: directory)
        #expect(told.status == 0, "\(told.stderr)")
        #expect(told.stderr.contains("its result was recorded as trial \(rerun)"))
        let refused = try HPOProcess.run(["tell", "--study", "s.sqlite", "--trial", "\(rerun)", "--value", "0.9"], in: directory)
        #expect(refused.status != 0 && refused.stderr.contains("trial \(rerun) was already told"))
        let retried = try HPOProcess.run(["tell", "--study", "s.sqlite", "--trial", "\(rerun)", "--value", "0.5"], in: directory)
        #expect(retried.status == 0, "the same result again is a retried tell: accepted, counted once")
        let bad = try HPOProcess.run(["ask", "--study", "s.sqlite", "--lease", "0"], in: directory)
        #expect(bad.status != 0 && bad.stderr.contains("--lease must be a positive number of seconds"))
    }

    @Test("hpo optimize workers killed with SIGKILL: their trials are re-queued after the lease and finished by the worker that remains")
    func killedWorkersTrialsAreFinishedByOthers() throws {
        let directory = try StudyCommandLineTests.workspace("killed-workers")
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = [
            "optimize", "--space", "space.json", "--study", "s.sqlite", "--objective", "sleep 0.3; echo \"$HPO_PARAM_X\"",
            "--evaluations", "12", "--lease", "1", "--quiet", "--optimizer", "random",
        ]
        let setup = try HPOProcess.run(["ask", "--study", "s.sqlite", "--space", "space.json", "--optimizer", "random"], in: directory)
        try #require(setup.status == 0, "\(setup.stderr)")
        _ = try HPOProcess.run(["tell", "--study", "s.sqlite", "--trial", "1", "--value", "1"], in: directory)
        let doomed = try (0..<2).map { _ in try HPOProcess.start(arguments, in: directory) }
        Thread.sleep(forTimeInterval: 0.6) // each is evaluating a trial
        for run in doomed {
            kill(run.process.processIdentifier, SIGKILL)
            run.process.waitUntilExit()
        }
        let survivor = try HPOProcess.run(arguments, in: directory)
        #expect(survivor.status == 0, "\(survivor.stderr)")
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.count { $0.state == .complete } == 12)
        #expect(!trials.contains { $0.state == .running })
        let interrupted = trials.filter { $0.state == .interrupted }
        #expect(interrupted.count >= 2, "each killed worker left a trial")
        for trial in interrupted {
            #expect(trial.failureReason?.hasPrefix("re-queued: its worker ") == true)
            #expect(trials.filter { $0.retryOf == trial.id && $0.state == .complete }.count == 1)
        }
    }
}
