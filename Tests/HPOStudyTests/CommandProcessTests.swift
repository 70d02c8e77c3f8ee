import Foundation
import HPOSpace
import HPORun
import HPOStudy
import Synchronization
import Testing

/// Interrupts commands from a thread of its own once the command has written its pid to a file,
/// independent of the test's own thread and of Swift concurrency's threads.
private final class Interrupter: Sendable {
    private let seen = Mutex<(pid: pid_t, at: ContinuousClock.Instant)?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ interruption: CommandInterruption, with signal: Int32, once file: URL) {
        Thread.detachNewThread { [self] in
            if let pid = try? CommandProcessTests.pid(in: file) {
                let instant = ContinuousClock.now
                interruption.interrupt(signal: signal)
                seen.withLock { $0 = (pid, instant) }
            }
            done.signal()
        }
    }

    /// The command's pid and the moment of the interruption, once it has happened.
    func wait() throws -> (pid: pid_t, at: ContinuousClock.Instant) {
        done.wait()
        done.signal()
        return try #require(seen.withLock { $0 }, "the command wrote its pid")
    }
}

/// The objective's process: what it inherits, what it leaves behind, how it is stopped, and the
/// environment it gets. The commands that would hang sleep 20 s, the bounds are 10 s or more.
@Suite("Objective command processes")
struct CommandProcessTests {
    /// A fresh temporary directory for a test's files, removed by the caller.
    static func directory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("hpo-process-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The process id a command wrote to `file`, once it is there (at most 20 s).
    static func pid(in file: URL) throws -> pid_t {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw ObjectiveFailure(reason: "the command did not write its pid to \(file.path) within 20 s")
    }

    /// Whether process `pid` is still running after up to `seconds`: a zombie waiting to be reaped
    /// by whoever inherited it has ended.
    static func stillRunning(_ pid: pid_t, after seconds: Double) -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let state = stat.lastIndex(of: ")").map { stat[$0...].dropFirst(2).first } ?? nil
            if kill(pid, 0) != 0 || state == "Z" { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    /// Runs `command` and measures how long it took. Timed runs block their own thread, not an
    /// `await` whose resumption could wait for the tests around it.
    static func measure(_ command: ShellCommand) throws -> (ShellCommand.Result, Duration) {
        var result: ShellCommand.Result?
        let elapsed = try ContinuousClock().measure { result = try command.runBlocking(input: Data()) }
        return (try #require(result), elapsed)
    }

    static func trial(_ parameters: [Parameter], values: [Double]) throws -> Study.Trial {
        let space = try SearchSpace(parameters)
        let configuration = Configuration(values)
        return Study.Trial(
            id: 1, state: .running, configuration: configuration, config: space.dictionary(of: configuration), startedAt: Date())
    }

    static func trial() throws -> Study.Trial {
        try trial([.real("x", 0, 1)], values: [0.25])
    }

    // MARK: - What the command leaves behind

    @Test("a background process that keeps the output pipes open does not hold up the loss, and is killed")
    func backgroundProcess() throws {
        let directory = try Self.directory("background")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pid")
        let (result, elapsed) = try Self.measure(ShellCommand(command: "sleep 20 & echo $! > '\(file.path)'; echo 0.5"))
        #expect(result.termination == .exit(0))
        #expect(CommandObjective.loss(fromOutput: result.stdoutTail) == .success(0.5))
        #expect(elapsed < .seconds(10), "the loss was printed at once: the background sleep (20 s) must not be waited for")
        #expect(!Self.stillRunning(try Self.pid(in: file), after: 5), "the command's process group is killed when it exits")
    }

    @Test("a process that left the command's process group (setsid) holds none of hpo's descriptors: neither the result nor the timeout waits for it")
    func escapedProcess() throws {
        let directory = try Self.directory("setsid")
        defer { try? FileManager.default.removeItem(at: directory) }
        let escaped = directory.appendingPathComponent("escaped")
        let background = "setsid sleep 20 >/dev/null 2>&1 </dev/null & echo $! >> '\(escaped.path)'"
        let (quick, quickly) = try Self.measure(ShellCommand(command: "\(background); echo 0.5", timeout: 1))
        #expect(quick.termination == .exit(0))
        #expect(CommandObjective.loss(fromOutput: quick.stdoutTail) == .success(0.5))
        #expect(quickly < .seconds(10))

        let (stopped, afterTimeout) = try Self.measure(ShellCommand(command: "\(background); sleep 20; echo 0.5", timeout: 1))
        #expect(stopped.termination == .timedOut)
        #expect(afterTimeout < .seconds(10), "the timeout is 1 s")

        let pids = (try String(contentsOf: escaped, encoding: .utf8)).split(separator: "\n").compactMap { pid_t($0) }
        #expect(pids.count == 2)
        for pid in pids { kill(pid, SIGKILL) } // they escaped the group on purpose
    }

    #if os(Linux)
    @Test("the command inherits standard input, output and error and no other descriptor")
    func onlyStandardDescriptors() throws {
        // ls lists its own descriptors: 0, 1, 2 and the one it reads the directory with.
        let result = try ShellCommand(command: "exec ls /proc/self/fd").runBlocking(input: Data())
        let descriptors = Set(String(decoding: result.stdoutTail, as: UTF8.self).split(separator: "\n").map(String.init))
        #expect(result.termination == .exit(0))
        #expect(descriptors.isSuperset(of: ["0", "1", "2"]))
        #expect(descriptors.subtracting(["0", "1", "2"]).count == 1, "inherited: \(descriptors.sorted())")
    }
    #endif

    // MARK: - Interruptions

    @Test("an interruption forwards its signal to the command's process group, marks the trial interrupted and stops the study")
    func interruptionStopsTheStudy() async throws {
        let directory = try Self.directory("interrupt")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pid")
        let interruption = CommandInterruption()
        let objective = CommandObjective(command: "echo $$ > '\(file.path)'; exec sleep 20", interruption: interruption)
        let study = Study(space: try SearchSpace([.real("x", 0, 1)]), seed: 1)
        let interrupter = Interrupter(interruption, with: SIGTERM, once: file)
        await #expect(throws: TrialInterruption(reason: "stopped: hpo received SIGTERM")) {
            try await study.optimize(evaluations: 3, objective.evaluate)
        }
        #expect(!Self.stillRunning(try interrupter.wait().pid, after: 5))
        let trials = try study.trials()
        #expect(trials.map(\.state) == [.interrupted], "SIGTERM ends the 20 s sleep at once")
        #expect(trials.first?.failureReason == "stopped: hpo received SIGTERM")
    }

    @Test("a command that ignores the forwarded signal is killed after the grace period")
    func interruptionKillsAfterGracePeriod() throws {
        let directory = try Self.directory("grace")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pid")
        let interruption = CommandInterruption()
        let command = ShellCommand(command: "trap '' TERM; echo $$ > '\(file.path)'; sleep 20; echo 1", interruption: interruption)
        let interrupter = Interrupter(interruption, with: SIGTERM, once: file)
        let result = try command.runBlocking(input: Data())
        let (pid, signalled) = try interrupter.wait()
        let elapsed = signalled.duration(to: .now)
        #expect(result.termination == .interrupted(signal: SIGTERM))
        #expect(result.stdoutBytes == 0, "the command never got past its sleep")
        #expect(elapsed >= .seconds(ShellCommand.killAfter) - .milliseconds(50), "SIGKILL waits for the grace period")
        #expect(elapsed < .seconds(ShellCommand.killAfter + 10))
        #expect(!Self.stillRunning(pid, after: 5))
    }

    @Test("a command is not started once the interruption has happened")
    func interruptionBeforeStart() throws {
        let directory = try Self.directory("before")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ran")
        let interruption = CommandInterruption()
        interruption.interrupt(signal: SIGINT)
        let result = try ShellCommand(command: "touch '\(file.path)'; echo 1", interruption: interruption).runBlocking(input: Data())
        #expect(result.termination == .interrupted(signal: SIGINT))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    // MARK: - Environment

    @Test("HPO_CONFIG_FILE names a file holding the configuration, deleted after the trial")
    func configurationFile() async throws {
        let directory = try Self.directory("config-file")
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("path")
        let command = #"read line; test "$line" = "$HPO_CONFIG" && test "$line" = "$(cat "$HPO_CONFIG_FILE")" && echo "$HPO_CONFIG_FILE" > '"# + saved.path + "' && echo 1"
        #expect(try await CommandObjective(command: command).evaluate(try Self.trial()) == 1)
        let path = try String(contentsOf: saved, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(!path.isEmpty && !FileManager.default.fileExists(atPath: path))
    }

    @Test("a configuration whose JSON exceeds an environment variable's 128 KiB reaches the command through HPO_CONFIG_FILE and standard input; HPO_CONFIG is left unset and a failure says so")
    func oversizedConfiguration() async throws {
        // 3000 parameters of about 45 bytes of JSON each: some 135 KB.
        let names = (0..<3000).map { "a_rather_long_parameter_name_\($0)" }
        let trial = try Self.trial(names.map { try .real($0, 0, 1) }, values: names.map { _ in 0.1234567 })
        let read = #"test -z "${HPO_CONFIG+set}" || exit 9; read line; test "$line" = "$(cat "$HPO_CONFIG_FILE")" || exit 8; wc -c < "$HPO_CONFIG_FILE""#
        let bytes = try await CommandObjective(command: read).evaluate(trial)
        #expect(bytes > Double(CommandObjective.environmentVariableLimit))
        await #expect {
            _ = try await CommandObjective(command: #"test -n "$HPO_CONFIG" || exit 3"#).evaluate(trial)
        } throws: { error in
            (error as? ObjectiveFailure)?.reason.hasPrefix("the command exited with status 3 (HPO_CONFIG was not set: the configuration's JSON is ") == true
        }
    }

    @Test("a parameter value longer than an environment variable may hold fails the trial and names the parameter")
    func oversizedValue() async throws {
        let long = String(repeating: "v", count: 200_000)
        let trial = try Self.trial([.categorical("blob", ["short", long])], values: [1])
        await #expect {
            _ = try await CommandObjective(command: "echo 1").evaluate(trial)
        } throws: { error in
            (error as? ObjectiveFailure)?.reason.hasPrefix(
                "the value of parameter 'blob' is 200000 bytes long, too long for the environment variable HPO_PARAM_BLOB") == true
        }
    }

    @Test("parameters that would share an environment variable fail the trial with both names and the variable")
    func collidingNames() async throws {
        func collision(_ names: [String]) -> [String]? {
            CommandObjective.environmentNameCollision(among: names).map { [$0.first, $0.second, $0.variable] }
        }
        #expect(collision(["a-b", "c", "a_b"]) == ["a-b", "a_b", "HPO_PARAM_A_B"])
        #expect(collision(["A", "a"]) == ["A", "a", "HPO_PARAM_A"])
        #expect(collision(["a-b", "a_c", "ab"]) == nil)
        let trial = try Self.trial([.real("a-b", 0, 1), .real("a_b", 0, 1)], values: [0.5, 0.5])
        await #expect(throws: ObjectiveFailure(
            reason: "parameters 'a-b' and 'a_b' would both be passed as HPO_PARAM_A_B: rename one of them in the space")) {
            _ = try await CommandObjective(command: "echo 1").evaluate(trial)
        }
    }
}

@Suite("Abandoned input files")
struct AbandonedInputFileTests {
    /// A process that exited, for a pid that no longer exists.
    private func exitedPid() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Of four input files, only the one of a process that no longer exists and that is older
    /// than the age limit is deleted: not the old file of a live process, not the fresh file of a
    /// dead one, not another program's file.
    @Test("input files of killed processes are deleted once old; live and fresh ones are kept")
    func abandonedFilesAreRemoved() throws {
        let directory = try CommandProcessTests.directory("abandoned-inputs")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dead = try exitedPid()
        let old = Date(timeIntervalSinceNow: -7200)
        let files: [(name: String, modified: Date)] = [
            ("hpo-input-\(dead)-aaaaaa.json", old),
            ("hpo-input-\(getpid())-bbbbbb.json", old),
            ("hpo-input-\(dead)-cccccc.json", Date()),
            ("other-\(dead)-dddddd.json", old),
        ]
        for file in files {
            let path = directory.appendingPathComponent(file.name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{}".utf8)))
            try FileManager.default.setAttributes([.modificationDate: file.modified], ofItemAtPath: path)
        }
        let removed = ShellCommand.removeAbandonedInputFiles(in: directory.path, olderThan: 3600)
        #expect(removed == [files[0].name])
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == files.dropFirst().map(\.name).sorted())
    }
}
