import HPOSurrogate

/// An optimizer with its settings under a label: what an experiment compares, and the name its
/// files, tables and legends use.
public struct NamedOptimizer: Hashable, Sendable, Codable {
    /// The label, e.g. `bo-rf`: letters, digits, `-`, `_` and `.` only, so it can name files.
    public var label: String
    /// The optimizer and its settings.
    public var spec: OptimizerSpec

    /// Labels `spec`; throws unless `label` is a non-empty run of letters, digits, `-`, `_`, `.`.
    public init(label: String, spec: OptimizerSpec) throws {
        let allowed = label.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        guard !label.isEmpty, allowed, label.first != "." else {
            throw OptimizerError.invalidSetting(
                name: "optimizer label", value: "'\(label)'",
                valid: "a non-empty name of letters, digits, '-', '_' and '.' that does not start with '.'")
        }
        self.label = label
        self.spec = spec
    }
}

// MARK: - Presets

extension NamedOptimizer {
    /// The optimizers known by name, each with its default settings: what `--optimizers` accepts.
    /// `bo-rf-ei` is bo-rf with expected improvement, the acquisition of the original report;
    /// `bo-rf-noisy` is bo-rf for noisy objectives, which re-evaluates its incumbent
    /// (``BayesianOptimization/Settings/noisyDefaults``); `bo-dngo-noisy` is bo-dngo for noisy
    /// objectives (``BayesianOptimization/Settings/dngoNoisyDefaults``,
    /// ``DNGO/Settings/noisyDefaults``).
    public static var presets: [NamedOptimizer] {
        [
            NamedOptimizer(uncheckedLabel: "random", spec: .random(RandomSearch.Settings())),
            NamedOptimizer(
                uncheckedLabel: "random-without-replacement",
                spec: .random(RandomSearch.Settings(withoutReplacement: true))),
            NamedOptimizer(
                uncheckedLabel: "bo-rf",
                spec: .bayesianOptimization(surrogate: .randomForest(RandomForest.Settings()), settings: BayesianOptimization.Settings())),
            NamedOptimizer(
                uncheckedLabel: "bo-rf-ei",
                spec: .bayesianOptimization(
                    surrogate: .randomForest(RandomForest.Settings()),
                    settings: BayesianOptimization.Settings(acquisition: .expectedImprovement))),
            NamedOptimizer(
                uncheckedLabel: "bo-rf-noisy",
                spec: .bayesianOptimization(surrogate: .randomForest(.noisyDefaults), settings: .noisyDefaults)),
            NamedOptimizer(
                uncheckedLabel: "bo-dngo",
                spec: .bayesianOptimization(surrogate: .dngo(DNGO.Settings()), settings: BayesianOptimization.Settings.dngoDefaults)),
            NamedOptimizer(
                uncheckedLabel: "bo-dngo-noisy",
                spec: .bayesianOptimization(surrogate: .dngo(.noisyDefaults), settings: .dngoNoisyDefaults)),
        ]
    }

    /// The preset called `name`; throws naming the valid presets otherwise.
    public static func preset(named name: String) throws -> NamedOptimizer {
        guard let preset = presets.first(where: { $0.label == name }) else {
            throw UnknownOptimizerError(name: name, valid: presets.map(\.label))
        }
        return preset
    }

    /// A preset with a label known to be valid.
    init(uncheckedLabel label: String, spec: OptimizerSpec) {
        self.label = label
        self.spec = spec
    }
}

extension OptimizerSpec {
    /// The label of the preset with exactly these settings (e.g. `bo-rf-noisy`), or the
    /// optimizer's kind (``name``, e.g. `bo-rf`) for settings no preset has.
    public var label: String {
        NamedOptimizer.presets.first { $0.spec == self }?.label ?? name
    }
}

extension BayesianOptimization.Settings {
    /// The loop's settings for bo-dngo: the defaults, but expected improvement (as issue 4 asks;
    /// the lower confidence bound is compared in BENCHMARKS.md) and a random suggestion with
    /// probability 0.2, because a network extrapolates to unexplored categories with more
    /// confidence than a forest (tuning record in BENCHMARKS.md).
    public static var dngoDefaults: Self {
        var settings = Self()
        settings.acquisition = .expectedImprovement
        settings.randomInterleaveProbability = 0.2
        return settings
    }
}

extension BayesianOptimization.Settings {
    /// The loop's settings for bo-dngo-noisy, bo-dngo for noisy objectives: intensification
    /// (``Intensification``, as bo-rf-noisy) and the lower confidence bound with kappa 1 on the
    /// latent variance of ``DNGO/Settings/noisyDefaults``, and few random suggestions (5%): the
    /// ensemble's disagreement does most of the exploring, and the random ones keep a run from
    /// staying stuck near a configuration that one lucky seed made look good. Measured on the
    /// noisy FCNet benchmarks in BENCHMARKS.md.
    public static var dngoNoisyDefaults: Self {
        var settings = Self()
        settings.acquisition = .lowerConfidenceBound(kappa: 1)
        settings.intensification = Intensification()
        settings.randomInterleaveProbability = 0.05
        return settings
    }
}

extension BayesianOptimization.Settings {
    /// The loop's settings for bo-rf-noisy, bo-rf for noisy objectives: the defaults with
    /// intensification (``Intensification``: the incumbent is evaluated again, up to 4 times as
    /// the run goes on, and the last tenth of a known budget confirms the best) and the lower
    /// confidence bound with kappa 0.5, which suits the forest's larger variance with the
    /// within-leaf term (``RandomForest/Settings/noisyDefaults``). Measured on the noisy FCNet
    /// benchmarks in BENCHMARKS.md.
    public static var noisyDefaults: Self {
        var settings = Self()
        settings.acquisition = .lowerConfidenceBound(kappa: 0.5)
        settings.intensification = Intensification()
        return settings
    }
}

extension RandomForest.Settings {
    /// The forest of bo-rf-noisy: the defaults with the within-leaf variance added to the
    /// variance across trees, since repeated evaluations put the noise itself into the leaves,
    /// and fitted to the Gaussian copula of the losses (their normal scores by rank) rather than
    /// their logarithm, which measured better on all four noisy FCNet tables (BENCHMARKS.md).
    public static var noisyDefaults: Self {
        var settings = Self()
        settings.includeLeafVariance = true
        settings.targets = .copula
        return settings
    }
}

extension DNGO.Settings {
    /// The surrogate of bo-dngo-noisy: an ensemble of three networks that take ordinal
    /// parameters one-hot and by position in turn (``oneHotScopes`` `[.choices, .categorical]`),
    /// so that one kind of network can give a value in the middle of an order its own effect and
    /// the other can extrapolate a trend to the ends, with the latent variance only
    /// (``includesNoiseVariance`` false), since repeats already measure the noise. Measured on
    /// the noisy FCNet benchmarks in BENCHMARKS.md.
    public static var noisyDefaults: Self {
        var settings = Self()
        settings.networks = 3
        settings.oneHotScopes = [.choices, .categorical]
        settings.includesNoiseVariance = false
        return settings
    }
}

/// An optimizer name that is not one of the presets.
public struct UnknownOptimizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name that was given.
    public let name: String
    /// The valid names.
    public let valid: [String]

    /// The error for `name`, listing the `valid` names.
    public init(name: String, valid: [String]) {
        self.name = name
        self.valid = valid
    }

    public var description: String {
        "unknown optimizer '\(name)': valid optimizers are " + valid.joined(separator: ", ")
    }
}
