import Foundation
import HPOObjective
import HPOOptimizers
import HPORandom
import HPORun
import HPOSpace
import Testing

/// An optimizer defined outside the library, through its public API only: it suggests the
/// space's default configuration, or random ones with `explore=true`.
private struct DefaultFirst: OptimizerKind {
    struct Settings: Hashable, Sendable, Codable {
        var explore = false
    }

    var name: String { "default-first" }
    var summary: String { "the default configuration, again and again" }
    var defaults: Settings { Settings() }
    var settings: [OptimizerSetting<Settings>] { [.bool("explore", \.explore, "Suggest random configurations instead.")] }

    struct Optimizer: HPOOptimizers.Optimizer {
        let space: SearchSpace
        let explore: Bool
        mutating func suggest(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
            explore ? space.sample(using: &generator) : space.defaultConfiguration
        }
    }

    func makeOptimizer(space: SearchSpace, settings: Settings) throws -> any HPOOptimizers.Optimizer {
        Optimizer(space: space, explore: settings.explore)
    }

    func summary(of settings: Settings) -> String { settings.explore ? "random" : "the default configuration" }
}

@Suite struct OptimizerRegistryTests {
    private let registry = OptimizerRegistry.standard

    @Test func everyPresetIsDefinedOnceWithASummaryAndRoundTripsThroughJSON() throws {
        let names = registry.presets.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names == ["auto", "auto-noisy", "random", "random-without-replacement", "bo-rf", "bo-rf-ei", "bo-rf-noisy", "bo-dngo", "bo-dngo-noisy", "bo-gp", "tpe", "evolution"])
        for preset in registry.presets {
            #expect(!preset.summary.isEmpty)
            let decoded = try JSONDecoder().decode(OptimizerSpec.self, from: try JSONEncoder().encode(preset.spec))
            #expect(decoded == preset.spec, "\(preset.name)")
            #expect(registry.label(of: preset.spec) == preset.name)
            if let noisy = preset.noisy { #expect(try registry.preset(named: noisy).spec.usesBudget) }
        }
    }

    @Test func everyKeyAcceptsItsOwnValueAndChangesNothing() throws {
        for preset in registry.presets {
            for (key, value) in preset.spec.values {
                #expect(try preset.spec.setting(key, to: value) == preset.spec, "\(preset.name) \(key)=\(value)")
            }
        }
    }

    @Test func theNoisyPresetsAreTheirBaseWithTheNoiseHandlingSettings() throws {
        let rf = try registry.optimizer(named: "bo-rf", changes: [
            ("acquisition", "lcb"), ("kappa", 0.5), ("intensify", true), ("leaf_variance", true), ("targets", "copula"),
        ])
        #expect(rf.label == "bo-rf-noisy")
        let dngo = try registry.optimizer(named: "bo-dngo", changes: [
            ("acquisition", "lcb"), ("random_probability", 0.05), ("intensify", true), ("networks", 3),
            ("one_hot", ["choices", "categorical"]), ("noise_variance", false),
        ])
        #expect(dngo.label == "bo-dngo-noisy")
        #expect(try registry.optimizer(named: "bo-rf-noisy", changes: [("kappa", 2)]).label == "bo-rf-noisy[kappa=2]")
        #expect(try registry.optimizer(named: "bo-rf", changes: [("trees", 20), ("kappa", 2)]).label == "bo-rf[kappa=2,trees=20]")
    }

    @Test func aLabelNamesItsOptimizerBack() throws {
        let list = "random, bo-rf[kappa=2,trees=20],bo-dngo[hidden_layers=20,30,networks=2],bo-rf-noisy[kappa=0.5]"
        let labels = OptimizerRegistry.labels(in: list)
        #expect(labels == ["random", "bo-rf[kappa=2,trees=20]", "bo-dngo[hidden_layers=20,30,networks=2]", "bo-rf-noisy[kappa=0.5]"])
        let optimizers = try labels.map { try registry.optimizer(label: $0) }
        // Every label but the last is the optimizer's own; kappa=0.5 is bo-rf-noisy's anyway.
        #expect(optimizers.map(\.label) == ["random", "bo-rf[kappa=2,trees=20]", "bo-dngo[hidden_layers=20,30,networks=2]", "bo-rf-noisy"])
        for optimizer in optimizers { #expect(try registry.optimizer(label: optimizer.label) == optimizer) }
        #expect(throws: SettingError.unknownKey(key: "kapa", optimizer: "bo-rf", valid: optimizers[1].spec.keys.map(\.key))) {
            try registry.optimizer(label: "bo-rf[kapa=2]")
        }
    }

    @Test func studyFilesOfEarlierVersionsStillDecode() throws {
        let stored = [
            "random-without-replacement": #"{"random":{"_0":{"withoutReplacement":true}}}"#,
            "bo-rf-noisy": #"{"bayesianOptimization":{"settings":{"acquisition":{"lowerConfidenceBound":{"kappa":0.5}},"allowRepeats":false,"incumbent":"bestPredictedMean","initialDesignSize":10,"intensification":{"finalShare":0.1,"interval":30,"maximumEvaluations":4},"maximizer":{"variableNeighbourhoodAscent":{"_0":{"maximumDistance":2,"observedStarts":5,"randomSamples":200,"randomStarts":5,"realPerturbations":4,"realStepSize":0.1}}},"randomInterleaveProbability":0},"surrogate":{"randomForest":{"_0":{"bootstrap":true,"featuresPerSplit":{"fraction":{"_0":0.8333333333333334}},"includeLeafVariance":true,"maxDepth":64,"minSamplesPerLeaf":2,"minSamplesToSplit":3,"targets":{"copula":{}},"trees":10,"varianceFloor":1e-10}}}}}"#,
            "bo-dngo-noisy": #"{"bayesianOptimization":{"settings":{"acquisition":{"lowerConfidenceBound":{"kappa":1}},"allowRepeats":false,"incumbent":"bestPredictedMean","initialDesignSize":10,"intensification":{"finalShare":0.1,"interval":30,"maximumEvaluations":4},"maximizer":{"variableNeighbourhoodAscent":{"_0":{"maximumDistance":2,"observedStarts":5,"randomSamples":200,"randomStarts":5,"realPerturbations":4,"realStepSize":0.1}}},"randomInterleaveProbability":0.05},"surrogate":{"dngo":{"_0":{"activation":"tanh","freshStartInterval":10,"hiddenWidths":[50,50,50],"hyperparameters":{"alphaPrior":{"logUniform":{}},"noisePrior":{"logUniform":{}},"treatment":{"maximize":{}}},"includesNoiseVariance":false,"networks":3,"oneHotScopes":["choices","categorical"],"targets":{"copula":{}},"training":{"batchSize":10,"epochs":100,"learningRate":0.01},"warmStart":true,"warmStartEpochs":5}}}}}"#,
        ]
        for (name, json) in stored {
            let spec = try JSONDecoder().decode(OptimizerSpec.self, from: Data(json.utf8))
            #expect(spec == (try registry.preset(named: name)).spec, "\(name)")
        }
    }

    @Test func storedSettingsOfRemovedExperimentsAreRefusedNotReadAsTheDefaults() throws {
        let loop = #""acquisition":{"lowerConfidenceBound":{"kappa":1}},"allowRepeats":false,"initialDesignSize":10,"maximizer":{"exhaustive":{}},"randomInterleaveProbability":0"#
        let forest = #""surrogate":{"randomForest":{"_0":{"bootstrap":true,"featuresPerSplit":{"fraction":{"_0":0.8333333333333334}},"includeLeafVariance":false,"maxDepth":64,"minSamplesPerLeaf":2,"minSamplesToSplit":3,"targets":{"logarithm":{}},"trees":10,"varianceFloor":1e-10}}}"#
        let plain = #"{"bayesianOptimization":{"settings":{"# + loop + #","incumbent":"bestPredictedMean"},"# + forest + "}}"
        #expect(try JSONDecoder().decode(OptimizerSpec.self, from: Data(plain.utf8)).label == "bo-rf[maximizer=exhaustive]")
        for (removed, message) in [
            (#","trustRegion":{"initialRadius":3,"failureTolerance":5,"successTolerance":2,"shrink":"decrement"}"#, "a trust region"),
            (#","incumbent":"bestObserved""#, "the incumbent rule bestObserved"),
        ] {
            let json = #"{"bayesianOptimization":{"settings":{"# + loop + removed + "}," + forest + "}}"
            #expect {
                try JSONDecoder().decode(OptimizerSpec.self, from: Data(json.utf8))
            } throws: { error in
                "\(error)".contains("the optimizer uses \(message), which this version no longer has")
            }
        }
    }

    @Test func anOptimizerFromOutsideTheLibraryRegistersRunsAndDecodes() throws {
        let mine = registry.registering(DefaultFirst())
        let optimizer = try mine.optimizer(named: "default-first", changes: [("explore", true)])
        #expect(optimizer.label == "default-first[explore=true]")
        #expect(throws: UnknownOptimizerError.self) { try registry.optimizer(named: "default-first") }
        // Its runs go through the same driver as the built-in optimizers.
        let benchmark = try BenchmarkRegistry.standard.benchmark(named: "fcnet-protein", objective: "mean")
        let plain = try RunLoop(optimizer: try mine.preset(named: "default-first").spec, objective: benchmark, evaluations: 3).run(0, experimentSeed: 1)
        #expect(plain.trials.allSatisfy { $0.configuration == benchmark.space.defaultConfiguration })
        // Stored specs decode with the registry that knows the kind, and name it otherwise.
        let data = try JSONEncoder().encode(optimizer.spec)
        let decoder = JSONDecoder()
        decoder.userInfo[.optimizerRegistry] = mine
        #expect(try decoder.decode(OptimizerSpec.self, from: data) == optimizer.spec)
        #expect {
            try JSONDecoder().decode(OptimizerSpec.self, from: data)
        } throws: { error in
            "\(error)".contains("unknown optimizer kind 'default-first'")
        }
    }
}
