import Foundation
import HPO
import HPORun
import HPOStudy
import Testing

/// `hpo optimize` told to stop by a signal while its objective runs: the objective stops too, the
/// trial is interrupted, and the next run finishes the study.
@Suite("Signals to hpo optimize")
struct SignalTests {
    @Test("SIGTERM, SIGINT and SIGHUP stop the objective's process group, leave the trial interrupted and exit with 128 + the signal; the study resumes",
          arguments: [SIGTERM, SIGINT, SIGHUP])
    func stopAndResume(_ signal: Int32) throws {
        let directory = try StudyCommandLineTests.workspace("signal-\(signal)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pids = directory.appendingPathComponent("pids")
        // Until the file `fast` exists, the objective (the process group's leader) sleeps 30 s.
        let arguments = [
            "optimize", "--space", "space.json", "--study", "s.sqlite", "--evaluations", "3", "--optimizer", "random",
            "--objective", #"echo $$ >> pids; [ -e fast ] && exec echo "$HPO_PARAM_X"; exec sleep 30"#,
        ]
        let run = try HPOProcess.start(arguments, in: directory)
        func objectivePIDs() -> [pid_t] {
            ((try? String(contentsOf: pids, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
        }
        var deadline = Date().addingTimeInterval(20)
        while objectivePIDs().isEmpty, run.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let objective = try #require(objectivePIDs().first, "the objective started: \(run.standardErrorData())")

        kill(run.process.processIdentifier, signal)
        deadline = Date().addingTimeInterval(10) // the objective would sleep for 30 s
        while run.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let exited = !run.process.isRunning
        if !exited { kill(run.process.processIdentifier, SIGKILL) }
        run.process.waitUntilExit()
        let stderr = run.standardErrorData()
        #expect(exited, "hpo exits within 10 s of the signal")
        #expect(run.process.terminationReason == .exit && run.process.terminationStatus == 128 + signal, "\(stderr)")
        let gone = kill(objective, 0) != 0
        if !gone { kill(-objective, SIGKILL) }
        #expect(gone, "the objective (pid \(objective)) was stopped with hpo")

        let name = CommandInterruption.name(of: signal)
        #expect(stderr.contains("hpo optimize: stopped: hpo received \(name): the trial is marked interrupted"), "\(stderr)")
        let stopped = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(stopped.map(\.state) == [.interrupted])
        #expect(stopped.first?.failureReason == "stopped: hpo received \(name)")

        try Data().write(to: directory.appendingPathComponent("fast"))
        let resumed = try HPOProcess.run(arguments, in: directory)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let final = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(final.map(\.state) == [.interrupted, .complete, .complete, .complete])
        #expect(final.count > 1 && final[1].retryOf == stopped.first?.id && final[1].configuration == stopped.first?.configuration,
                "the interrupted configuration is evaluated first")
    }

    @Test("SIGKILL of hpo optimize: its watchdog stops the objective's whole process group, with SIGTERM, or SIGKILL when the objective ignores SIGTERM",
          arguments: [false, true])
    func killedHpoLeavesNoObjectiveBehind(ignoringTerm: Bool) throws {
        let directory = try StudyCommandLineTests.workspace("sigkill-\(ignoringTerm)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pids = directory.appendingPathComponent("pids")
        // The objective and a background process of its group, both sleeping 30 s.
        let objective = (ignoringTerm ? "trap '' TERM; " : "") + "sleep 30 & echo $! >> pids; echo $$ >> pids; exec sleep 30"
        let run = try HPOProcess.start(
            ["optimize", "--space", "space.json", "--study", "s.sqlite", "--evaluations", "1", "--optimizer", "random", "--objective", objective],
            in: directory)
        func objectivePIDs() -> [pid_t] {
            ((try? String(contentsOf: pids, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
        }
        var deadline = Date().addingTimeInterval(20)
        while objectivePIDs().count < 2, run.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let started = objectivePIDs()
        try #require(started.count == 2, "the objective started: \(run.standardErrorData())")

        kill(run.process.processIdentifier, SIGKILL)
        run.process.waitUntilExit()
        let killedAt = Date()
        // SIGTERM at once; SIGKILL after ShellCommand.killAfter seconds for what ignores it.
        let limit = ignoringTerm ? ShellCommand.killAfter + 3 : 3
        deadline = killedAt.addingTimeInterval(limit)
        func alive() -> [pid_t] { started.filter { kill($0, 0) == 0 && !Self.isZombie($0) } }
        while !alive().isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let left = alive()
        for pid in left { kill(pid, SIGKILL) }
        #expect(left.isEmpty, "the objective's processes \(left) outlived hpo by \(limit) s")
        if ignoringTerm {
            #expect(Date().timeIntervalSince(killedAt) > ShellCommand.killAfter - 1, "SIGKILL comes after the grace period")
        }
    }

    /// Whether `pid` has exited and waits to be reaped (by init, once its parent is gone).
    static func isZombie(_ pid: pid_t) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}
