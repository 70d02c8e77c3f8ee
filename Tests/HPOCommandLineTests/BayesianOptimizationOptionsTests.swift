import HPO
import Testing
@testable import HPOCommandLine

@Suite struct BayesianOptimizationOptionsTests {
    @Test func optionsBuildTheBoRFSpecWithLibraryDefaultsForUnsetOptions() throws {
        let command = try RunCommand.parse([
            "--optimizer", "bo-rf", "--trees", "7", "--initial-design", "4", "--maximizer", "exhaustive", "--acquisition", "lcb",
            "--kappa", "1.5",
        ])
        var forest = RandomForest.Settings()
        forest.trees = 7
        var settings = BayesianOptimization.Settings()
        settings.initialDesignSize = 4
        settings.maximizer = .exhaustive
        settings.acquisition = .lowerConfidenceBound(kappa: 1.5)
        #expect(command.optimizerSpec == .bayesianOptimization(surrogate: .randomForest(forest), settings: settings))
        #expect(command.optimizerSpec.name == "bo-rf")
        #expect(OptimizerSpec.names.contains("bo-rf"))
    }

    @Test func runAndThePresetAgree() throws {
        for name in ["random", "bo-rf", "bo-rf-noisy", "bo-dngo", "bo-dngo-noisy"] {
            let command = try RunCommand.parse(["--optimizer", name])
            #expect(command.optimizerSpec == (try NamedOptimizer.preset(named: name)).spec, "hpo run and hpo reproduce differ on \(name)")
            #expect(command.optimizerSpec.label == name)
        }
    }

    @Test func forestAndNoiseOptionsReachTheSpec() throws {
        let command = try RunCommand.parse([
            "--optimizer", "bo-rf", "--features-per-split", "0.5", "--split-size", "4", "--leaf-variance",
            "--max-depth", "6", "--no-bootstrap",
            "--targets", "identity",
        ])
        var forest = RandomForest.Settings()
        forest.featuresPerSplit = .fraction(0.5)
        forest.minSamplesToSplit = 4
        forest.maxDepth = 6
        forest.bootstrap = false
        forest.targets = .identity
        forest.includeLeafVariance = true
        let settings = BayesianOptimization.Settings()
        #expect(command.optimizerSpec == .bayesianOptimization(surrogate: .randomForest(forest), settings: settings))
    }

    @Test func intensificationOptionsAndTheNoisyPreset() throws {
        func loop(_ arguments: [String]) throws -> BayesianOptimization.Settings? {
            guard case .bayesianOptimization(_, let settings) = try RunCommand.parse(arguments).optimizerSpec else { return nil }
            return settings
        }
        #expect(try loop(["--optimizer", "bo-rf"])?.intensification == nil)
        #expect(try loop(["--optimizer", "bo-rf", "--intensify"])?.intensification == Intensification())
        #expect(try loop(["--optimizer", "bo-rf", "--intensify-max", "3"])?.intensification == Intensification(maximumEvaluations: 3))
        #expect(try loop(["--optimizer", "bo-dngo", "--intensify-every", "10"])?.intensification == Intensification(interval: 10))
        #expect(try loop(["--optimizer", "bo-rf", "--intensify-final", "0.2"])?.intensification == Intensification(finalShare: 0.2))
        #expect(try loop(["--optimizer", "bo-rf-noisy", "--intensify-final", "0"])?.intensification == Intensification(finalShare: 0))
        // bo-rf-noisy: the preset's settings, which options override.
        #expect(try loop(["--optimizer", "bo-rf-noisy"]) == .noisyDefaults)
        #expect(try loop(["--optimizer", "bo-rf-noisy", "--no-intensify"])?.intensification == nil)
        #expect(try loop(["--optimizer", "bo-rf-noisy", "--kappa", "2"])?.acquisition == .lowerConfidenceBound(kappa: 2))
        #expect(try loop(["--optimizer", "bo-rf-noisy", "--acquisition", "ei"])?.acquisition == .expectedImprovement)
        let forest = try RunCommand.parse(["--optimizer", "bo-rf-noisy", "--no-leaf-variance"]).optimizerSpec
        #expect(forest == .bayesianOptimization(surrogate: .randomForest(.init(targets: .copula)), settings: .noisyDefaults))
        #expect(forest.label == "bo-rf")  // no preset has these settings: results name the kind
        expectRunRefuses(["--optimizer", "bo-rf-noisy", "--no-intensify", "--intensify-every", "5"], saying: "--intensify-every sets intensification, which --no-intensify turns off")
        expectRunRefuses(["--optimizer", "bo-rf", "--intensify-max", "0"], saying: "--intensify-max must be an integer of at least 1, not 0")
        expectRunRefuses(["--optimizer", "bo-rf-noisy", "--intensify-final", "1.5"], saying: "--intensify-final must be a share in 0...1, not 1.5")
        expectRunRefuses(["--optimizer", "bo-rf-noisy", "--no-intensify", "--intensify-final", "0.1"], saying: "--intensify-final sets intensification, which --no-intensify turns off")
    }

    @Test func targetsSelectTheScaleOfBothSurrogates() throws {
        let scales: [(String, TargetScale)] = [
            ("identity", .identity), ("log", .logarithm), ("copula", .copula),
        ]
        for (argument, scale) in scales {
            #expect(TargetScale(argument: scale.argument) == scale)
            let forest = try RunCommand.parse(["--optimizer", "bo-rf", "--targets", argument]).optimizerSpec
            guard case .bayesianOptimization(.randomForest(let settings), _) = forest else { Issue.record("not bo-rf: \(forest)"); continue }
            #expect(settings.targets == scale, "bo-rf --targets \(argument)")
            let dngo = try RunCommand.parse(["--optimizer", "bo-dngo", "--targets", argument]).optimizerSpec
            guard case .bayesianOptimization(.dngo(let settings), _) = dngo else { Issue.record("not bo-dngo: \(dngo)"); continue }
            #expect(settings.targets == scale, "bo-dngo --targets \(argument)")
        }
        for invalid in ["capped-log", "box-cox", "cube"] {
            #expect {
                try RunCommand.parse(["--optimizer", "bo-rf", "--targets", invalid])
            } throws: { error in
                let message = RunCommand.message(for: error)
                return message.contains("The value '\(invalid)' is invalid for '--targets <targets>'") && message.contains("copula")
            }
        }
    }

    @Test func invalidOptionsNameTheOptionAndTheValidRange() {
        expectRunRefuses(["--optimizer", "bo-rf", "--features-per-split", "1.5"], saying: "--features-per-split must be a share in (0, 1], not 1.5")
        expectRunRefuses(["--optimizer", "bo-rf", "--max-depth=-1"], saying: "--max-depth must be an integer of at least 0, not -1")
        expectRunRefuses(["--optimizer", "bo-rf", "--split-size", "1"], saying: "--split-size must be an integer of at least 2, not 1")
        expectRunRefuses(["--optimizer", "bo-rf", "--interleave", "1.5"], saying: "--interleave must be a probability in 0...1, not 1.5")
        expectRunRefuses(["--optimizer", "bo-rf", "--trees", "0"], saying: "--trees must be an integer of at least 1, not 0")
    }

    @Test func checkpointsParseCommaSeparatedPositiveCounts() {
        #expect(Checkpoints(argument: "10,20, 50")?.counts == [10, 20, 50])
        #expect(Checkpoints(argument: "10,,20") == nil)
        #expect(Checkpoints(argument: "0") == nil)
        #expect(Checkpoints(argument: "ten") == nil)
    }
}
