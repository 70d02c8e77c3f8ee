import HPOSurrogate

extension RandomForest.Settings {
    /// The forest's settings by key, for settings that hold them at `path`.
    static func keys<Root>(at path: WritableKeyPath<Root, Self> & Sendable) -> [OptimizerSetting<Root>] {
        keys.map { $0.lifted(path) }
    }

    private static var keys: [OptimizerSetting<Self>] {
        [
            .integer("trees", \.trees, minimum: 1, "The number of regression trees."),
            .integer("leaf_size", \.minSamplesPerLeaf, minimum: 1, "The fewest observations a leaf holds."),
            .integer("split_size", \.minSamplesToSplit, minimum: 2, "The fewest observations a node needs to be split."),
            .integer("max_depth", \.maxDepth, minimum: 0, "The depth at which a node becomes a leaf (the root has depth 0)."),
            OptimizerSetting(
                "features_per_split", .number(0.000001...1), "The share of the features each split tries.",
                read: { settings in
                    switch settings.featuresPerSplit {
                    case .all: .number(1)
                    case .fraction(let share): .number(share)
                    case .count: nil
                    }
                },
                write: { settings, value in
                    if case .number(let share) = value { settings.featuresPerSplit = .fraction(share) }
                }),
            .bool("bootstrap", \.bootstrap, "Fit each tree to a bootstrap sample of the observations."),
            .bool("leaf_variance", \.includeLeafVariance, "Add the within-leaf variance to the variance across trees."),
            TargetScale.setting(\.targets),
        ]
    }
}

extension TargetScale {
    /// The names of the scales in settings.
    static let names: [(name: String, scale: TargetScale)] = [("identity", .identity), ("log", .logarithm), ("copula", .copula)]

    /// The `targets` setting of a surrogate whose scale is at `path`.
    static func setting<Root>(_ path: WritableKeyPath<Root, TargetScale> & Sendable) -> OptimizerSetting<Root> {
        OptimizerSetting(
            "targets", .choice(names.map(\.name)),
            "The scale the surrogate models the losses on: identity, log (their logarithm) or copula (Gaussian copula of their ranks).",
            read: { settings in names.first { $0.scale == settings[keyPath: path] }.map { .string($0.name) } },
            write: { settings, value in
                if case .string(let name) = value, let scale = names.first(where: { $0.name == name })?.scale {
                    settings[keyPath: path] = scale
                }
            })
    }
}
