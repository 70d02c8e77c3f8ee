import HPOSurrogate

extension GaussianProcess.Settings {
    /// The Gaussian process's settings by key, for settings that hold them at `path`.
    static func keys<Root>(at path: WritableKeyPath<Root, Self> & Sendable) -> [OptimizerSetting<Root>] {
        keys.map { $0.lifted(path) }
    }

    private static var keys: [OptimizerSetting<Self>] {
        [
            .integer(
                "restarts", \.restarts, minimum: 0,
                "Random starts of the kernel hyperparameters' fit besides the prior's centre."),
            .integer(
                "max_observations", \.maximumObservations, minimum: 2,
                "The most observations the process conditions on (a random subset that keeps the best past it)."),
            .integer(
                "refit_until", \.refitUntil, minimum: 2,
                "Results up to which each suggestion fits the kernel hyperparameters from scratch; past it each fit starts from the fit made when the results last grew by a fifth, which keeps long runs and many workers fast."),
            TargetScale.setting(\.targets),
        ]
    }
}
