import HPO

extension OptimizerName {
    /// The optimizer with the settings the command line's options give: `withoutReplacement`
    /// for random search, the Bayesian-optimization options for `bo-*` (applied to the preset's
    /// settings), the DNGO options for `bo-dngo` and `bo-dngo-noisy`.
    func spec(
        withoutReplacement: Bool, bayesianOptimization: BayesianOptimizationOptions, dngo: DNGOOptions
    ) -> OptimizerSpec {
        switch self {
        case .random: .random(RandomSearch.Settings(withoutReplacement: withoutReplacement))
        case .boRF: bayesianOptimization.randomForestSpec()
        case .boRFNoisy: bayesianOptimization.randomForestSpec(base: (.noisyDefaults, .noisyDefaults))
        case .boDNGO: dngo.spec(loop: bayesianOptimization)
        case .boDNGONoisy: dngo.spec(loop: bayesianOptimization, base: (.noisyDefaults, .dngoNoisyDefaults))
        }
    }
}
