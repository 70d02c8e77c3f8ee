import Foundation
import HPO
import HPORun
import HPOStudy
import Testing

/// Studies under kill -9 and under several processes at once.
@Suite("Study robustness")
struct StudyRobustnessTests {
    @Test("hpo optimize --evaluations 40 killed with SIGKILL at 20 random moments and resumed: 40 finished trials, every interrupted one re-run")
    func killAndResume() throws {
        let directory = try StudyCommandLineTests.workspace("kill")
        defer { try? FileManager.default.removeItem(at: directory) }
        let study = directory.appendingPathComponent("s.sqlite")
        let started = directory.appendingPathComponent("started")
        let evaluations = 40
        // Each trial appends its id to `started`, so that the kills land during or between trials, not in start-up.
        let arguments = [
            "optimize", "--space", "space.json", "--objective", "echo \"$HPO_TRIAL\" >> started; sleep 0.1; echo \"$HPO_PARAM_X\"",
            "--evaluations", "\(evaluations)", "--study", "s.sqlite", "--quiet", "--optimizer", "random", "--lease", "1",
        ]
        func startedTrials() -> Int {
            ((try? String(contentsOf: started, encoding: .utf8)) ?? "").split(separator: "\n").count
        }
        var generator = SeededGenerator(seed: 2024)
        var seen: [Int: Study.Trial] = [:] // every trial seen complete, by id
        var kills = 0, attempts = 0
        while kills < 20, attempts < 40 {
            attempts += 1
            let before = startedTrials()
            let run = try HPOProcess.start(arguments, in: directory)
            let deadline = Date().addingTimeInterval(20)
            while run.process.isRunning, startedTrials() == before, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            Thread.sleep(forTimeInterval: generator.nextUniform(in: 0, 0.15))
            if run.process.isRunning {
                kill(run.process.processIdentifier, SIGKILL)
                kills += 1
            }
            run.process.waitUntilExit()
            _ = run.standardOutputData()
            for trial in try StudyCommandLineTests.trials(study) where trial.state == .complete {
                if let earlier = seen[trial.id] {
                    #expect(earlier == trial, "trial \(trial.id) changed after it completed")
                }
                seen[trial.id] = trial
            }
        }
        #expect(kills == 20)
        let last = try HPOProcess.run(arguments, in: directory)
        #expect(last.status == 0, "\(last.stderr)")
        let final = try StudyCommandLineTests.trials(study)
        #expect(final.map(\.id) == Array(1...final.count))
        #expect(final.count { $0.state == .complete } == evaluations, "the objective never fails: every evaluation completes")
        #expect(!final.contains { $0.state == .running || $0.state == .failed })
        for (id, trial) in seen {
            #expect(final.filter { $0.id == id } == [trial], "complete trial \(id) must be there exactly once, unchanged")
        }
        let interrupted = final.filter { $0.state == .interrupted }
        #expect(interrupted.count >= 5, "most kills land during a trial")
        #expect(interrupted.allSatisfy { $0.failureReason?.hasPrefix("re-queued: its worker ") == true })
        for trial in interrupted {
            let reruns = final.filter { $0.retryOf == trial.id }
            #expect(reruns.count == 1 && reruns[0].configuration == trial.configuration, "trial \(trial.id) is re-run once")
        }
        // Every configuration the optimizer handed out was evaluated to the end once.
        let evaluated = final.filter { $0.state == .complete }.map(\.configuration)
        #expect(Set(evaluated) == Set(final.map(\.configuration)) && Set(evaluated).count == evaluations)
        let show = try HPOProcess.run(["study", "show", "s.sqlite"], in: directory)
        #expect(show.stdout.contains("trial \(interrupted.first?.id ?? 0): interrupted: re-queued: its worker "))
        #expect(show.stdout.contains("40 complete, 0 failed, 0 running, \(interrupted.count) interrupted"))
    }

    @Test("four processes asking and telling 50 trials each on one study: 200 distinct ids, 200 complete")
    func fourWorkers() throws {
        let directory = try StudyCommandLineTests.workspace("workers")
        defer { try? FileManager.default.removeItem(at: directory) }
        let hpo = try HPOProcess.executable.path
        // Each worker asks with the study's settings (the first creates it), parses the id and tells.
        let worker = """
            for i in $(seq 1 50); do
              reply=$("\(hpo)" ask --study s.sqlite --space finite.yaml --seed 3 --optimizer random) || exit 1
              id=$(printf '%s' "$reply" | sed 's/^{"trial": \\([0-9]*\\),.*/\\1/')
              "\(hpo)" tell --study s.sqlite --trial "$id" --value "$i" > /dev/null || exit 1
            done
            """
        let processes = try (0..<4).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", worker]
            process.currentDirectoryURL = directory
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(Set(trials.map(\.id)) == Set(1...200))
        #expect(trials.count { $0.state == .complete } == 200)
        Self.expectNoConfigurationRanTwiceAtOnce(trials)
    }

    @Test("two hpo optimize processes share one study: the budget holds, ids are distinct, every trial completes")
    func twoOptimizers() throws {
        let directory = try StudyCommandLineTests.workspace("optimizers")
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = [
            "optimize", "--space", "finite.yaml", "--objective", "sleep 0.02; echo \"$HPO_PARAM_UNITS\"", "--evaluations", "30",
            "--optimizer", "random",
            "--study", "s.sqlite", "--quiet",
        ]
        let workers = try (0..<2).map { _ in try HPOProcess.start(arguments, in: directory) }
        for worker in workers {
            worker.process.waitUntilExit()
            #expect(worker.process.terminationStatus == 0, "\(worker.standardErrorData())")
        }
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.map(\.id) == Array(1...30))
        #expect(trials.allSatisfy { $0.state == .complete })
        Self.expectNoConfigurationRanTwiceAtOnce(trials)
    }

    /// In a finite space, no two trials whose evaluations overlapped in time share a configuration.
    /// (Times are taken inside the storage's transactions, so they order as the writes do.)
    static func expectNoConfigurationRanTwiceAtOnce(_ trials: [Study.Trial]) {
        for a in trials {
            for b in trials where b.id > a.id && b.startedAt < (a.finishedAt ?? .distantFuture) {
                #expect(a.configuration != b.configuration, "trials \(a.id) and \(b.id) overlap with the same configuration")
            }
        }
    }
}
