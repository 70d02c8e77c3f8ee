import HPOSpace
import HPOSurrogate

extension OptimizerRegistry {
    /// The project's optimizers: every preset is defined here, once, with its name, what it is
    /// for and its full settings. How each was chosen is in docs/research-log.md; what each
    /// achieves is in BENCHMARKS.md.
    public static let standard = OptimizerRegistry()
        .registering(AutomaticOptimizer.Kind(), noisy: "auto-noisy")
        .registering(OptimizerPreset(
            name: "auto-noisy",
            summary: "auto for noisy objectives: picks among the presets that handle noise",
            spec: AutomaticOptimizer.Kind().spec { $0.noisy = true },
            noisy: "auto-noisy"))
        .registering(RandomSearch.Kind())
        .registering(OptimizerPreset(
            name: "random-without-replacement",
            summary: "random search that never draws a configuration of a finite space twice",
            spec: RandomSearch.Kind().spec { $0.withoutReplacement = true }))
        .registering(BayesianOptimization.RandomForestKind(), noisy: "bo-rf-noisy")
        .registering(OptimizerPreset(
            name: "bo-rf-ei",
            summary: "bo-rf with expected improvement, the acquisition of the original report",
            spec: BayesianOptimization.RandomForestKind().spec { $0.loop.acquisition = .expectedImprovement },
            noisy: "bo-rf-noisy"))
        .registering(OptimizerPreset(
            name: "bo-rf-noisy",
            // The incumbent is evaluated again (up to 4 times as the run goes on) and the last
            // tenth of a known budget confirms the best; the forest adds the within-leaf variance,
            // since repeats put the noise itself into the leaves, and fits the Gaussian copula of
            // the losses; kappa 0.5 suits the forest's larger variance.
            summary: "bo-rf for noisy objectives: re-evaluates its incumbent and confirms the best at the end of the budget",
            spec: BayesianOptimization.RandomForestKind().spec { settings in
                settings.loop.acquisition = .lowerConfidenceBound(kappa: 0.5)
                settings.loop.intensification = Intensification()
                settings.forest.includeLeafVariance = true
                settings.forest.targets = .copula
            },
            noisy: "bo-rf-noisy"))
        .registering(BayesianOptimization.DNGOKind(), noisy: "bo-dngo-noisy")
        .registering(OptimizerPreset(
            name: "bo-dngo-noisy",
            // Intensification as bo-rf-noisy; an ensemble of three networks that take ordinal
            // parameters one-hot and by position in turn, whose disagreement does most of the
            // exploring; LCB (kappa 1) on the latent variance, since repeats measure the noise;
            // 5% random suggestions keep a run from staying stuck where one lucky draw made a
            // configuration look good.
            summary: "bo-dngo for noisy objectives: an ensemble of three networks, intensification and LCB on the latent variance",
            spec: BayesianOptimization.DNGOKind().spec { settings in
                settings.loop = BayesianOptimization.Settings(
                    acquisition: .lowerConfidenceBound(kappa: 1), randomInterleaveProbability: 0.05, intensification: Intensification())
                settings.dngo.networks = 3
                settings.dngo.oneHotScopes = [.choices, .categorical]
                settings.dngo.includesNoiseVariance = false
            },
            noisy: "bo-dngo-noisy"))
        .registering(BayesianOptimization.GaussianProcessKind())
        .registering(TPE.Kind())
        .registering(RegularizedEvolution.Kind())
}

extension OptimizerRegistry {
    /// The preset of a study or command that names none: auto, which picks a preset by the
    /// space and the declared noise (``AutomaticRules``).
    public static let defaultPresetName = AutomaticOptimizer.Kind().name
}

extension OptimizerSpec {
    /// The optimizer of a study that names none: the ``OptimizerRegistry/defaultPresetName`` preset.
    public static var defaultOptimizer: OptimizerSpec { AutomaticOptimizer.Kind().spec() }
}
