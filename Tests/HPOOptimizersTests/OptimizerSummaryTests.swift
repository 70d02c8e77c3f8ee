import HPOAcquisition
import HPOSurrogate
import Testing
@testable import HPOOptimizers

@Suite("Optimizer summaries and presets")
struct OptimizerSummaryTests {
    @Test func summariesNameTheMainSettings() throws {
        #expect(OptimizerSpec.random(.init()).summary == "random search (with replacement)")
        #expect(OptimizerSpec.random(.init(withoutReplacement: true)).summary == "random search without replacement")
        let forest = OptimizerSpec.bayesianOptimization(
            surrogate: .randomForest(RandomForest.Settings(trees: 7, targets: .identity)),
            settings: BayesianOptimization.Settings(
                acquisition: .lowerConfidenceBound(kappa: 0.5), maximizer: .randomSampling(samples: 300),
                initialDesignSize: 4, randomInterleaveProbability: 0.25))
        #expect(forest.summary == "Bayesian optimization: random forest of 7 trees; lower confidence bound (kappa 0.5); "
            + "best of 300 random configurations; 4 random initial configurations; a random suggestion with probability 0.25")
        let dngo = OptimizerSpec.bayesianOptimization(
            surrogate: .dngo(DNGO.Settings(hiddenWidths: [20, 30])),
            settings: BayesianOptimization.Settings(acquisition: .expectedImprovement, maximizer: .exhaustive))
        #expect(dngo.summary.hasPrefix("Bayesian optimization: DNGO (network of 20-30 tanh units with Bayesian linear regression on its last layer, on Gaussian-copula ranks of the losses); expected improvement; exhaustive enumeration;"))
        let ensemble = SurrogateKind.dngo(DNGO.Settings(hiddenWidths: [20, 30], networks: 3))
        #expect(ensemble.summary == "DNGO (ensemble of 3 networks of 20-30 tanh units with Bayesian linear regression on each last layer, on Gaussian-copula ranks of the losses)")
        let latent = SurrogateKind.dngo(DNGO.Settings(includesNoiseVariance: false, oneHotScopes: [.choices]))
        #expect(latent.summary == "DNGO (network of 50-50-50 tanh units with Bayesian linear regression on its last layer, ordinal parameters one-hot, latent variance, on Gaussian-copula ranks of the losses)")
        let alternating = SurrogateKind.dngo(DNGO.Settings(oneHotScopes: [.choices, .categorical], networks: 3))
        #expect(alternating.summary == "DNGO (ensemble of 3 networks of 50-50-50 tanh units with Bayesian linear regression on each last layer, ordinal parameters one-hot, by position in turn, on Gaussian-copula ranks of the losses)")
        // A scope no network takes is not described.
        let single = SurrogateKind.dngo(DNGO.Settings(oneHotScopes: [.choices, .categorical], networks: 1))
        #expect(single.summary == "DNGO (network of 50-50-50 tanh units with Bayesian linear regression on its last layer, ordinal parameters one-hot, on Gaussian-copula ranks of the losses)")
    }

    @Test func boRfNoisySaysItFitsCopulaRanksAndReEvaluatesItsIncumbent() throws {
        let noisy = try OptimizerRegistry.standard.optimizer(named: "bo-rf-noisy").spec
        #expect(noisy.summary.hasPrefix("Bayesian optimization: random forest of 10 trees on Gaussian-copula ranks of the losses, with within-leaf variance; lower confidence bound (kappa 0.5);"))
        #expect(noisy.summary.hasSuffix(
            "; the incumbent re-evaluated up to 4 times (one more every 30 observations); the last 10% of a known budget spent on confirmation"))
    }

    @Test func aSpecIsLabelledByItsPresetOrTheNearestPresetWithTheDifferences() throws {
        for preset in OptimizerRegistry.standard.presets { #expect(preset.spec.label == preset.name) }
        let custom = try OptimizerRegistry.standard.preset(named: "bo-rf-noisy").spec.setting("initial_design", to: 3)
        #expect(custom.label == "bo-rf-noisy[initial_design=3]")
    }

    @Test func boRfEIDiffersFromBoRfInTheAcquisitionOnly() throws {
        let ei = try OptimizerRegistry.standard.optimizer(named: "bo-rf-ei").spec
        let rf = try OptimizerRegistry.standard.optimizer(named: "bo-rf").spec
        guard let (eiSurrogate, eiSettings) = ei.bayesianOptimization, var (rfSurrogate, rfSettings) = rf.bayesianOptimization else {
            Issue.record("both presets must be Bayesian optimization")
            return
        }
        #expect(eiSurrogate == rfSurrogate)
        #expect(eiSettings.acquisition == .expectedImprovement)
        rfSettings.acquisition = .expectedImprovement
        rfSurrogate = eiSurrogate
        #expect(eiSettings == rfSettings)
        #expect(ei.kind == "bo-rf")
    }
}
