import Foundation
import HPO
import Testing
@testable import HPOCommandLine

/// `--optimizer NAME`, `--set key=value` and `--settings FILE` on every command that takes them.
@Suite struct OptimizerOptionsTests {
    private func resolved(_ arguments: [String]) throws -> NamedOptimizer {
        try RunCommand.parse(arguments).optimizer.resolve()
    }

    @Test func everyPresetByNameIsTheRegistrysPreset() throws {
        for preset in OptimizerRegistry.standard.presets {
            let optimizer = try resolved(["--optimizer", preset.name])
            #expect(optimizer.spec == preset.spec)
            #expect(optimizer.label == preset.name)
        }
        #expect(try resolved([]).label == "auto")
    }

    @Test func setChangesSettingsInTheKindsOrderAndLabelsTheResultTruthfully() throws {
        let noisy = try resolved(["--optimizer", "bo-rf-noisy", "--set", "kappa=2"])
        #expect(noisy.label == "bo-rf-noisy[kappa=2]")
        #expect(noisy.spec.bayesianOptimization?.settings.acquisition == .lowerConfidenceBound(kappa: 2))
        // kappa needs lcb: given after acquisition=lcb in the kind's order, whatever the order typed.
        let switched = try resolved(["--optimizer", "bo-dngo", "--set", "kappa=3", "--set", "acquisition=lcb"])
        #expect(switched.spec.bayesianOptimization?.settings.acquisition == .lowerConfidenceBound(kappa: 3))
        #expect(switched.label == "bo-dngo[acquisition=lcb,kappa=3]")
        let layers = try resolved(["--optimizer", "bo-dngo", "--set", "hidden_layers=20,30", "--set", "warm_start=false"])
        guard case .dngo(let dngo)? = layers.spec.bayesianOptimization?.surrogate else {
            Issue.record("bo-dngo without DNGO settings")
            return
        }
        #expect(dngo.hiddenWidths == [20, 30] && !dngo.warmStart)
        // Setting a preset's own values changes nothing, so the label stays the preset's.
        #expect(try resolved(["--optimizer", "bo-rf-noisy", "--set", "kappa=0.5"]).label == "bo-rf-noisy")
        // bo-rf with every setting of bo-rf-noisy is bo-rf-noisy.
        let same = try resolved(["--optimizer", "bo-rf", "--set", "acquisition=lcb", "--set", "kappa=0.5", "--set", "intensify=true",
                                 "--set", "leaf_variance=true", "--set", "targets=copula"])
        #expect(same.label == "bo-rf-noisy")
    }

    @Test func badSettingsAreRefusedNamingTheKeyAndWhatIsValid() {
        expectRunRefuses(["--optimizer", "bo-rf", "--set", "kapa=2"], saying: "unknown setting 'kapa' for bo-rf: valid settings are acquisition, kappa,")
        expectRunRefuses(["--optimizer", "bo-rf", "--set", "kappa=-1"], saying: "invalid value '-1' for setting kappa: it must be a finite number of at least 0")
        expectRunRefuses(["--optimizer", "bo-rf", "--set", "trees=0"], saying: "invalid value '0' for setting trees: it must be an integer of at least 1")
        expectRunRefuses(["--optimizer", "bo-rf", "--set", "acquisition=eri"], saying: "invalid value 'eri' for setting acquisition: it must be one of ei, pi, lcb")
        expectRunRefuses(["--optimizer", "bo-rf-ei", "--set", "kappa=2"], saying: "setting kappa does not apply: it weighs lcb")
        expectRunRefuses(["--optimizer", "bo-rf", "--set", "intensify_max=3"], saying: "setting intensify_max does not apply: intensification is off: add intensify=true")
        expectRunRefuses(["--set", "kappa"], saying: "invalid setting 'kappa': write key=value")
        expectRunRefuses(["--optimizer", "hyperband"], saying: "unknown optimizer 'hyperband': valid optimizers are auto, auto-noisy, random, random-without-replacement, bo-rf")
        expectRunRefuses(["--optimizer", "bo-dngo", "--set", "one_hot=ordinal"], saying: "it must be names from categorical, choices")
        expectRunRefuses(["--settings", "/nonexistent/settings.json"], saying: "cannot read the settings file '/nonexistent/settings.json'")
    }

    @Test func aSettingsFileAppliesBeforeSet() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hpo-settings-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"trees": 20, "kappa": 2}"#.utf8).write(to: file)
        let optimizer = try resolved(["--optimizer", "bo-rf", "--settings", file.path, "--set", "kappa=3"])
        #expect(optimizer.label == "bo-rf[kappa=3,trees=20]")
        try Data(#"[1, 2]"#.utf8).write(to: file)
        expectRunRefuses(["--settings", file.path], saying: "it must be a JSON object of settings")
    }

    @Test func checkpointsParseCommaSeparatedPositiveCounts() {
        #expect(Checkpoints(argument: "10,20, 50")?.counts == [10, 20, 50])
        #expect(Checkpoints(argument: "10,,20") == nil)
        #expect(Checkpoints(argument: "0") == nil)
        #expect(Checkpoints(argument: "ten") == nil)
    }
}
