import HPOAcquisition
import HPOSurrogate

extension BayesianOptimization.Settings {
    /// The loop's settings by key, for settings that hold them at `path`.
    static func keys<Root>(at path: WritableKeyPath<Root, Self> & Sendable) -> [OptimizerSetting<Root>] {
        keys.map { $0.lifted(path) }
    }

    private static var keys: [OptimizerSetting<Self>] {
        [
            OptimizerSetting(
                "acquisition", .choice(["ei", "pi", "lcb"]),
                "The acquisition function: ei (expected improvement), pi (probability of improvement) or lcb (lower confidence bound).",
                read: { settings in
                    switch settings.acquisition {
                    case .expectedImprovement: "ei"
                    case .probabilityOfImprovement: "pi"
                    case .lowerConfidenceBound: "lcb"
                    }
                },
                write: { settings, value in
                    switch value {
                    case "ei": settings.acquisition = .expectedImprovement
                    case "pi": settings.acquisition = .probabilityOfImprovement
                    default:
                        if case .lowerConfidenceBound = settings.acquisition { return }
                        settings.acquisition = .lowerConfidenceBound(kappa: 1)
                    }
                }),
            OptimizerSetting(
                "kappa", .number(0...Double.infinity), "The weight of the standard deviation in lcb (with acquisition=lcb).",
                read: { settings in
                    if case .lowerConfidenceBound(let kappa) = settings.acquisition { return .number(kappa) }
                    return nil
                },
                write: { settings, value in
                    guard case .lowerConfidenceBound = settings.acquisition, case .number(let kappa) = value else {
                        throw SettingError.notApplicable(key: "kappa", reason: "it weighs lcb, and this optimizer's acquisition is not lcb: add acquisition=lcb")
                    }
                    settings.acquisition = .lowerConfidenceBound(kappa: kappa)
                }),
            .integer("initial_design", \.initialDesignSize, minimum: 0, "Random configurations evaluated before the first model."),
            .number(
                "random_probability", \.randomInterleaveProbability, in: 0...1,
                "The probability that a suggestion after the initial design is random."),
            OptimizerSetting(
                "maximizer", .choice(["vna", "random", "exhaustive", "gradient"]),
                "How the acquisition is maximized: vna (Variable Neighbourhood Ascent), random (best of random_samples), exhaustive (every configuration of a finite space) or gradient (L-BFGS over real parameters, coordinate search over the others).",
                read: { settings in
                    switch settings.maximizer {
                    case .variableNeighbourhoodAscent: "vna"
                    case .randomSampling: "random"
                    case .exhaustive: "exhaustive"
                    case .gradientAscent: "gradient"
                    }
                },
                write: { settings, value in
                    switch (value, settings.maximizer) {
                    case ("vna", .variableNeighbourhoodAscent), ("random", .randomSampling), ("gradient", .gradientAscent): break
                    case ("vna", _): settings.maximizer = .variableNeighbourhoodAscent(.init())
                    case ("random", _): settings.maximizer = .randomSampling(samples: 1000)
                    case ("gradient", _): settings.maximizer = .gradientAscent(.init())
                    default: settings.maximizer = .exhaustive
                    }
                }),
            OptimizerSetting(
                "random_samples", .integer(minimum: 1), "The configurations the random maximizer scores (with maximizer=random).",
                read: { settings in
                    if case .randomSampling(let samples) = settings.maximizer { return .integer(samples) }
                    return nil
                },
                write: { settings, value in
                    guard case .randomSampling = settings.maximizer, case .integer(let samples) = value else {
                        throw SettingError.notApplicable(key: "random_samples", reason: "it sizes the random maximizer: add maximizer=random")
                    }
                    settings.maximizer = .randomSampling(samples: samples)
                }),
            .bool("allow_repeats", \.allowRepeats, "Allow suggesting configurations that were already evaluated."),
            OptimizerSetting(
                "intensify", .bool,
                "Re-evaluate the incumbent against noise (as SMAC's intensification) and spend the end of a known budget confirming the best.",
                read: { .bool($0.intensification != nil) },
                write: { settings, value in
                    guard case .bool(let on) = value else { return }
                    settings.intensification = on ? settings.intensification ?? Intensification() : nil
                }),
            OptimizerSetting<Intensification>.integer(
                "intensify_max", \.maximumEvaluations, minimum: 1, "The most evaluations intensification gives the incumbent.")
                .lifted(\.intensification, absent: "intensification is off: add intensify=true"),
            OptimizerSetting<Intensification>.integer(
                "intensify_every", \.interval, minimum: 1, "The observations after which the incumbent needs one evaluation more.")
                .lifted(\.intensification, absent: "intensification is off: add intensify=true"),
            OptimizerSetting<Intensification>.number(
                "intensify_final", \.finalShare, in: 0...1,
                "The share of a known budget spent at its end on confirming the most plausible best configurations.")
                .lifted(\.intensification, absent: "intensification is off: add intensify=true"),
        ]
    }
}
