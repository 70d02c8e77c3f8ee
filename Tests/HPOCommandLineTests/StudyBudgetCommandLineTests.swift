import Foundation
import HPO
import HPORun
import HPOStudy
import Testing

/// The budget a study stores, as the command line sees it: `hpo ask`/`tell` and `hpo optimize`
/// hand out the same configurations, the final share of an intensifying optimizer included.
@Suite("Study budget on the command line")
struct StudyBudgetCommandLineTests {
    /// An optimizer with options that keep it fast, and that make the noisy ones repeat
    /// configurations early enough for their final tenth to confirm in a budget of 20.
    struct Case: Sendable, CustomStringConvertible {
        let optimizer: String
        let options: [String]
        var description: String { optimizer }
        /// Whether the final tenth must confirm: the noisy presets set to repeat early enough to
        /// measure the noise (auto-noisy takes no such setting, so 20 trials give it no repeats).
        var intensifies: Bool { optimizer.hasSuffix("-noisy") && options.contains("intensify_every=4") }
    }

    /// Settings that keep the models quick, as `--set` arguments.
    static func set(_ settings: [String]) -> [String] { settings.flatMap { ["--set", $0] } }
    static let fastForest = set(["initial_design=4", "trees=5", "maximizer=random", "random_samples=50"])
    static let fastNetwork = set([
        "initial_design=4", "hidden_layers=8,8", "epochs=20", "warm_start_epochs=3", "networks=1", "maximizer=random",
        "random_samples=50",
    ])

    static let cases = [
        Case(optimizer: "random", options: []),
        Case(optimizer: "bo-rf", options: fastForest),
        Case(optimizer: "bo-rf-noisy", options: fastForest + set(["intensify_every=4"])),
        Case(optimizer: "bo-dngo", options: fastNetwork),
        Case(optimizer: "bo-dngo-noisy", options: fastNetwork + set(["intensify_every=4"])),
        Case(optimizer: "auto", options: []),
        Case(optimizer: "auto-noisy", options: []),
        Case(optimizer: "bo-gp", options: set(["initial_design=4"])),
        Case(optimizer: "tpe", options: set(["startup_trials=4"])),
        Case(optimizer: "evolution", options: set(["population=5", "sample_size=3"])),
    ]

    static let evaluations = 20

    /// A deterministic loss with noise set by the trial's id, the same in Swift and in the shell.
    static func loss(x: Double, trial: Int) -> Double {
        x + Double(trial * 7 % 5) * 0.01
    }

    static let objective = #"awk -v x="$HPO_PARAM_X" -v t="$HPO_TRIAL" 'BEGIN { printf "%.17g\n", x + (t * 7 % 5) * 0.01 }'"#

    @Test("hpo ask/tell and hpo optimize on the same space, seed and budget hand out the same configurations", arguments: cases)
    func sameConfigurations(_ example: Case) throws {
        let directory = try StudyCommandLineTests.workspace("budget-" + example.optimizer)
        defer { try? FileManager.default.removeItem(at: directory) }
        let settings = ["--space", "space.json", "--optimizer", example.optimizer, "--seed", "5"] + example.options
        let optimized = try HPOProcess.run(
            ["optimize", "--study", "optimized.sqlite", "--objective", Self.objective, "--evaluations", "\(Self.evaluations)", "--quiet"]
                + settings, in: directory)
        #expect(optimized.status == 0, "\(optimized.stderr)")

        for index in 0..<Self.evaluations {
            // The first ask creates the study with its settings and budget; later ones name the file only.
            let asked = try HPOProcess.run(
                ["ask", "--study", "asked.sqlite"] + (index == 0 ? settings + ["--evaluations", "\(Self.evaluations)"] : []),
                in: directory)
            try #require(asked.status == 0, "\(asked.stderr)")
            let reply = try JSONDecoder().decode(StudyCommandLineTests.AskReply.self, from: Data(asked.stdout.utf8))
            let x = try #require(reply.config["x"]?.number)
            let told = try HPOProcess.run(
                ["tell", "--study", "asked.sqlite", "--trial", "\(reply.trial)", "--value", "\(Self.loss(x: x, trial: reply.trial))"],
                in: directory)
            try #require(told.status == 0, "\(told.stderr)")
        }
        let refused = try HPOProcess.run(["ask", "--study", "asked.sqlite", "--evaluations", "\(Self.evaluations)"], in: directory)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("the study already has 20 finished or running trials (--evaluations 20)"), "\(refused.stderr)")

        let expected = try StudyCommandLineTests.trials(directory.appendingPathComponent("optimized.sqlite"))
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("asked.sqlite"))
        #expect(trials.map(\.configuration) == expected.map(\.configuration))
        #expect(trials.map(\.value) == expected.map(\.value))
        #expect(try SQLiteStudyStorage(path: directory.appendingPathComponent("asked.sqlite").path).budget() == Self.evaluations)
        if example.intensifies {
            // The final tenth confirms: each of its trials repeats an earlier configuration.
            for (index, trial) in trials.enumerated().suffix(Self.evaluations / 10) {
                #expect(trials[..<index].contains { $0.configuration == trial.configuration }, "trial \(trial.id) is new")
            }
        }
    }

    @Test("hpo optimize --evaluations on an existing study changes its budget, and is no settings mismatch")
    func changedBudget() throws {
        let directory = try StudyCommandLineTests.workspace("budget-change")
        defer { try? FileManager.default.removeItem(at: directory) }
        for evaluations in [3, 5] {
            let run = try HPOProcess.run(
                ["optimize", "--space", "space.json", "--study", "s.sqlite", "--objective", "echo 1", "--evaluations", "\(evaluations)"],
                in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try SQLiteStudyStorage(path: directory.appendingPathComponent("s.sqlite").path).budget() == evaluations)
        }
        let refused = try HPOProcess.run(["ask", "--study", "s.sqlite", "--evaluations", "0"], in: directory)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--evaluations must be a positive integer, not 0"))
    }
}
