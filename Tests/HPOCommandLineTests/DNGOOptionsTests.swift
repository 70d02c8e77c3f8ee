import HPO
import Testing
@testable import HPOCommandLine

@Suite struct DNGOOptionsTests {
    @Test func defaultsAreThePresetsWithExpectedImprovement() throws {
        let command = try RunCommand.parse(["--optimizer", "bo-dngo"])
        #expect(command.optimizerSpec == .bayesianOptimization(surrogate: .dngo(DNGO.Settings()), settings: .dngoDefaults))
        #expect(command.optimizerSpec == (try NamedOptimizer.preset(named: "bo-dngo")).spec, "hpo run and hpo reproduce must agree")
        #expect(BayesianOptimization.Settings.dngoDefaults.acquisition == .expectedImprovement)
        #expect(command.optimizerSpec.name == "bo-dngo")
    }

    @Test func theNoisyPresetIsAnEnsembleOnLatentVarianceWithRepeatsAndOptionsOverrideIt() throws {
        let command = try RunCommand.parse(["--optimizer", "bo-dngo-noisy"])
        #expect(command.optimizerSpec == .bayesianOptimization(surrogate: .dngo(.noisyDefaults), settings: .dngoNoisyDefaults))
        #expect(DNGO.Settings.noisyDefaults.networks == 3 && DNGO.Settings.noisyDefaults.oneHotScopes == [.choices, .categorical])
        #expect(!DNGO.Settings.noisyDefaults.includesNoiseVariance)
        let loop = BayesianOptimization.Settings.dngoNoisyDefaults
        #expect(loop.acquisition == .lowerConfidenceBound(kappa: 1) && loop.randomInterleaveProbability == 0.05)
        #expect(loop.intensification == Intensification())
        let overridden = try RunCommand.parse([
            "--optimizer", "bo-dngo-noisy", "--networks", "1", "--noise-variance", "--one-hot", "categorical", "--no-intensify",
            "--interleave", "0.2", "--acquisition", "ei", "--no-warm-start",
        ])
        var surrogate = DNGO.Settings()
        surrogate.warmStart = false
        #expect(overridden.optimizerSpec == .bayesianOptimization(surrogate: .dngo(surrogate), settings: .dngoDefaults))
    }

    @Test func everyOptionReachesTheSettings() throws {
        let command = try RunCommand.parse([
            "--optimizer", "bo-dngo", "--hidden-layers", "20,30", "--networks", "3", "--one-hot", "choices", "--no-noise-variance", "--epochs", "40", "--warm-start-epochs", "3",
            "--fresh-start-interval", "4", "--no-warm-start", "--batch-size", "8", "--learning-rate", "0.005",
            "--targets", "identity",
            "--acquisition", "lcb", "--interleave", "0.1",
        ])
        var surrogate = DNGO.Settings()
        surrogate.hiddenWidths = [20, 30]
        surrogate.networks = 3
        surrogate.oneHotScopes = [.choices]
        surrogate.includesNoiseVariance = false
        surrogate.training = NetworkTraining(epochs: 40, batchSize: 8, learningRate: 0.005)
        surrogate.warmStartEpochs = 3
        surrogate.freshStartInterval = 4
        surrogate.warmStart = false
        surrogate.targets = .identity
        var settings = BayesianOptimization.Settings(acquisition: .lowerConfidenceBound(kappa: 1))
        settings.randomInterleaveProbability = 0.1
        #expect(command.optimizerSpec == .bayesianOptimization(surrogate: .dngo(surrogate), settings: settings))
        let alternating = try RunCommand.parse(["--optimizer", "bo-dngo", "--networks", "3", "--one-hot", "choices,categorical"])
        guard case .bayesianOptimization(.dngo(let parsed), _) = alternating.optimizerSpec else {
            Issue.record("bo-dngo without DNGO settings")
            return
        }
        #expect(parsed.oneHotScopes == [.choices, .categorical] && parsed.networks == 3)
    }

    @Test func invalidOptionsNameTheOptionAndTheValidValues() {
        for (arguments, message) in [
            (["--hidden-layers", "50,,50"], "--hidden-layers must be positive integers separated by commas, e.g. 50,50,50, not '50,,50'"),
            (["--epochs", "0"], "--epochs must be an integer of at least 1, not 0"),
            (["--networks", "0"], "--networks must be an integer of at least 1, not 0"),
            (["--one-hot", "ordinal"], "The value 'ordinal' is invalid for '--one-hot <one-hot>'"),
            (["--one-hot", "choices,,categorical"], "The value 'choices,,categorical' is invalid for '--one-hot <one-hot>'"),
            (["--learning-rate=-1"], "--learning-rate must be a positive number, not -1.0"),
        ] {
            expectRunRefuses(["--optimizer", "bo-dngo"] + arguments, saying: message)
        }
    }
}
