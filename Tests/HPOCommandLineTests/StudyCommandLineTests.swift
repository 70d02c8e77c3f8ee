import Foundation
import HPO
import HPORun
import HPOStudy
import Testing

/// The command line of studies, run as a user runs it: the built `hpo` in a child process.
@Suite("Study command line")
struct StudyCommandLineTests {
    static let spaceJSON = """
        {"parameters": [
          {"name": "kind", "type": "categorical", "choices": ["a", "b", "c"]},
          {"name": "units", "type": "integer", "low": 1, "high": 4},
          {"name": "x", "type": "real", "low": 0.001, "high": 1, "log": true}
        ]}
        """

    /// A finite space of 12 configurations.
    static let finiteYAML = """
        parameters:
          - {name: kind, type: categorical, choices: [a, b, c]}
          - {name: units, type: ordinal, values: [8, 16, 32, 64]}
        """

    /// A directory with `space.json`, `finite.yaml` and `bad.yaml`.
    static func workspace(_ name: String) throws -> URL {
        let directory = try HPOProcess.temporaryDirectory(name)
        try Data(spaceJSON.utf8).write(to: directory.appendingPathComponent("space.json"))
        try Data(finiteYAML.utf8).write(to: directory.appendingPathComponent("finite.yaml"))
        try Data("parameters:\n  - {name: lr, type: real, low: 1, high: 0.5}\n".utf8)
            .write(to: directory.appendingPathComponent("bad.yaml"))
        return directory
    }

    static func trials(_ path: URL) throws -> [Study.Trial] {
        try Study(storage: SQLiteStudyStorage(path: path.path)).trials()
    }

    // MARK: - The same configurations from Swift and from the command line

    @Test("the Swift API, hpo optimize and hpo ask/tell give the same configurations for the same seed and results")
    func sameSequence() async throws {
        let directory = try Self.workspace("same")
        defer { try? FileManager.default.removeItem(at: directory) }
        let space = try SpaceFile.load(path: directory.appendingPathComponent("space.json").path)
        let swift = Study(space: space, seed: 42)
        try await swift.optimize(evaluations: 12) { $0.configuration[2] }
        let expected = try swift.trials()

        let optimized = try HPOProcess.run(
            ["optimize", "--space", "space.json", "--objective", "echo \"$HPO_PARAM_X\"", "--seed", "42", "--evaluations", "12",
             "--study", "optimized.sqlite"], in: directory)
        #expect(optimized.status == 0, "\(optimized.stderr)")
        #expect(optimized.stdout.contains("12 trials: 12 complete, 0 failed, 0 running"))

        for _ in 0..<12 {
            let asked = try HPOProcess.run(["ask", "--study", "asked.sqlite", "--space", "space.json", "--seed", "42"], in: directory)
            #expect(asked.status == 0, "\(asked.stderr)")
            let reply = try JSONDecoder().decode(AskReply.self, from: Data(asked.stdout.utf8))
            let value = try #require(reply.config["x"]?.number)
            let told = try HPOProcess.run(["tell", "--study", "asked.sqlite", "--trial", "\(reply.trial)", "--value", "\(value)"], in: directory)
            #expect(told.status == 0, "\(told.stderr)")
        }
        for file in ["optimized.sqlite", "asked.sqlite"] {
            let trials = try Self.trials(directory.appendingPathComponent(file))
            #expect(trials.map(\.configuration) == expected.map(\.configuration), "\(file)")
            #expect(trials.map(\.value) == expected.map(\.value), "\(file)")
        }
    }

    @Test("bo-rf behind a study: the Swift API and hpo optimize give the same configurations for the same seed and results")
    func sameSequenceBayesianOptimization() async throws {
        let directory = try Self.workspace("same-bo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let space = try SpaceFile.load(path: directory.appendingPathComponent("space.json").path)
        let optimizer = OptimizerSpec.bayesianOptimization(
            surrogate: .randomForest(RandomForest.Settings()), settings: BayesianOptimization.Settings())
        let swift = Study(space: space, optimizer: optimizer, seed: 8)
        try await swift.optimize(evaluations: 14) { $0.configuration[2] }
        let expected = try swift.trials()

        let optimized = try HPOProcess.run(
            ["optimize", "--space", "space.json", "--objective", "echo \"$HPO_PARAM_X\"", "--optimizer", "bo-rf", "--seed", "8",
             "--evaluations", "14", "--study", "bo.sqlite", "--quiet"], in: directory)
        #expect(optimized.status == 0, "\(optimized.stderr)")
        let trials = try Self.trials(directory.appendingPathComponent("bo.sqlite"))
        #expect(trials.map(\.configuration) == expected.map(\.configuration))
        #expect(try SQLiteStudyStorage(path: directory.appendingPathComponent("bo.sqlite").path).settings.optimizer == optimizer)
    }

    struct AskReply: Decodable {
        let trial: Int
        let config: [String: ParameterValue]
    }

    @Test("the default optimizer on a finite space smaller than the budget evaluates each configuration once and stops cleanly")
    func finiteSpaceExhausted() throws {
        let directory = try Self.workspace("exhausted")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try HPOProcess.run(
            ["optimize", "--space", "finite.yaml", "--objective", "echo \"$HPO_PARAM_UNITS\"", "--evaluations", "20", "--study", "s.sqlite"],
            in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("optimizer auto"))
        #expect(run.stdout.contains("stopped at 12 of 20 evaluations: the optimizer has evaluated every one of the 12 configurations of the space"))
        let trials = try Self.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.count == 12 && Set(trials.map(\.configuration)).count == 12)
    }

    // MARK: - Show, export and failures that do not stop the study

    @Test("a failing objective makes failed trials, the study goes on, show and export report them")
    func showAndExport() throws {
        let directory = try Self.workspace("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try HPOProcess.run(
            ["optimize", "--space", "finite.yaml", "--objective", "if [ \"$HPO_TRIAL\" = 2 ]; then echo boom >&2; exit 2; fi; echo \"$HPO_PARAM_UNITS\"",
             "--evaluations", "3", "--study", "s.sqlite"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("trial 2: failed: the command exited with status 2"))
        #expect(run.stdout.contains("3 trials: 2 complete, 1 failed, 0 running"))

        let show = try HPOProcess.run(["study", "show", "s.sqlite"], in: directory)
        #expect(show.status == 0)
        #expect(show.stdout.contains("best: trial"))

        let json = try HPOProcess.run(["study", "export", "s.sqlite", "--format", "json"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let trials = try #require(object["trials"] as? [[String: Any]])
        #expect(trials.map { $0["id"] as? Int } == [1, 2, 3])
        #expect(trials.map { $0["state"] as? String } == ["complete", "failed", "complete"])
        #expect(trials[1]["value"] is NSNull)
        #expect(trials[1]["stderr_tail"] as? String == "boom\n")
        #expect((trials[0]["config"] as? [String: Any])?.keys.sorted() == ["kind", "units"])

        let csv = try HPOProcess.run(["study", "export", "s.sqlite", "--format", "csv"], in: directory)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "id,state,kind,units,value,started_at,finished_at,failure_reason,stderr_tail,retry_of")
        #expect(lines.count == 1 + 3 + 1) // the stderr tail "boom\n" is a quoted field spanning two lines
    }

    // MARK: - Malformed command lines

    /// Arguments that must fail, and a phrase standard error must contain.
    struct Refused: Sendable, CustomStringConvertible {
        let label: String
        let arguments: [String]
        let message: String
        var description: String { label }
    }

    static let refused: [Refused] = [
        Refused(label: "optimize without --objective", arguments: ["optimize", "--space", "space.json"],
                message: "Missing expected argument '--objective <objective>'"),
        Refused(label: "optimize without a space", arguments: ["optimize", "--objective", "echo 1"], message: "--space is required"),
        Refused(label: "zero evaluations", arguments: ["optimize", "--space", "space.json", "--objective", "echo 1", "--evaluations", "0"],
                message: "--evaluations must be a positive integer, not 0"),
        Refused(label: "negative timeout", arguments: ["optimize", "--space", "space.json", "--objective", "echo 1", "--timeout=-1"],
                message: "--timeout must be a positive number of seconds"),
        Refused(label: "empty objective", arguments: ["optimize", "--space", "space.json", "--objective", " "],
                message: "--objective must be a command, not empty"),
        Refused(label: "bad space file", arguments: ["optimize", "--space", "bad.yaml", "--objective", "echo 1"],
                message: "space file 'bad.yaml', line 2: parameter 'lr' has low 1 >= high 0.5: low must be less than high"),
        Refused(label: "missing space file", arguments: ["ask", "--study", "new.sqlite", "--space", "nothere.yaml"],
                message: "space file 'nothere.yaml' cannot be read"),
        Refused(label: "unknown optimizer", arguments: ["ask", "--study", "s.sqlite", "--optimizer", "annealing"],
                message: "unknown optimizer 'annealing': valid optimizers are auto, auto-noisy, random, random-without-replacement, bo-rf"),
        Refused(label: "ask without --study", arguments: ["ask", "--space", "space.json"], message: "--study is required"),
        Refused(label: "ask on a file with no study", arguments: ["ask", "--study", "none.sqlite"],
                message: "'none.sqlite' holds no study yet: give a search space (--space) to create one"),
        Refused(label: "resume with another seed", arguments: ["ask", "--study", "s.sqlite", "--seed", "5"],
                message: "the study in 's.sqlite' was created with other settings: this run asks for seed 5 (not 1)"),
        Refused(label: "resume with another optimizer", arguments: ["ask", "--study", "s.sqlite", "--optimizer", "bo-dngo", "--set", "epochs=20"],
                message: "the study in 's.sqlite' was created with other settings: this run asks for optimizer bo-dngo[epochs=20] (not auto)"),
        Refused(label: "resume with another space", arguments: ["ask", "--study", "s.sqlite", "--space", "finite.yaml"],
                message: "this run asks for a different search space"),
        Refused(label: "tell without a result", arguments: ["tell", "--study", "s.sqlite", "--trial", "1"],
                message: "give the trial's result: --value LOSS, or --failed"),
        Refused(label: "tell --value and --failed", arguments: ["tell", "--study", "s.sqlite", "--trial", "1", "--value", "1", "--failed"],
                message: "--value and --failed conflict"),
        Refused(label: "--reason without --failed", arguments: ["tell", "--study", "s.sqlite", "--trial", "1", "--value", "1", "--reason", "x"],
                message: "--reason goes with --failed"),
        Refused(label: "tell an unknown trial", arguments: ["tell", "--study", "s.sqlite", "--trial", "99", "--value", "1"],
                message: "there is no trial 99: the study's trials are 1...2"),
        Refused(label: "tell a trial twice", arguments: ["tell", "--study", "s.sqlite", "--trial", "1", "--value", "2"],
                message: "trial 1 was already told (it is complete): a trial is told once"),
        Refused(label: "tell on a missing file", arguments: ["tell", "--study", "missing.sqlite", "--trial", "1", "--value", "1"],
                message: "there is no study at 'missing.sqlite'"),
        Refused(label: "show a file that is not a study", arguments: ["study", "show", "space.json"],
                message: "cannot use 'space.json' as a study file"),
        Refused(label: "export in an unknown format", arguments: ["study", "export", "s.sqlite", "--format", "xml"],
                message: "The value 'xml' is invalid for '--format <format>'"),
    ]

    @Test("each malformed command line exits non-zero with its specific message and loses no trial", arguments: refused)
    func malformed(_ example: Refused) throws {
        let directory = try Self.workspace("refused-" + example.label.filter { $0.isLetter || $0.isNumber })
        defer { try? FileManager.default.removeItem(at: directory) }
        // A study with trial 1 complete and trial 2 running.
        for arguments in [["ask", "--study", "s.sqlite", "--space", "space.json", "--seed", "1"],
                          ["tell", "--study", "s.sqlite", "--trial", "1", "--value", "0.5"],
                          ["ask", "--study", "s.sqlite"]] {
            let setup = try HPOProcess.run(arguments, in: directory)
            try #require(setup.status == 0, "\(setup.stderr)")
        }
        let before = try Self.trials(directory.appendingPathComponent("s.sqlite"))
        let result = try HPOProcess.run(example.arguments, in: directory)
        #expect(result.status != 0)
        #expect(result.stderr.contains(example.message), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!result.stderr.contains("HPOOptimizers.") && !result.stderr.contains("HPOSpace."), "no internal type in a message")
        #expect(try Self.trials(directory.appendingPathComponent("s.sqlite")) == before)
    }
}
