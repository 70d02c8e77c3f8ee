import HPOSpace
import HPOSurrogate

extension DNGO.Settings {
    /// The surrogate's settings by key, for settings that hold them at `path`.
    static func keys<Root>(at path: WritableKeyPath<Root, Self> & Sendable) -> [OptimizerSetting<Root>] {
        keys.map { $0.lifted(path) }
    }

    private static var keys: [OptimizerSetting<Self>] {
        [
            OptimizerSetting(
                "hidden_layers", .integers(minimum: 1), "The widths of the network's hidden layers, e.g. 50,50,50.",
                read: { .list($0.hiddenWidths.map { .integer($0) }) },
                write: { settings, value in
                    if case .list(let widths) = value {
                        settings.hiddenWidths = widths.compactMap { if case .integer(let n) = $0 { n } else { nil } }
                    }
                }),
            .choice("activation", \.activation, "The hidden layers' activation."),
            .integer("networks", \.networks, minimum: 1, "The networks of the ensemble, each with its own weights and regression."),
            .integer("epochs", \.training.epochs, minimum: 1, "Training epochs of a network from fresh weights."),
            .bool("warm_start", \.warmStart, "Continue training from the previous fit's weights."),
            .integer("warm_start_epochs", \.warmStartEpochs, minimum: 0, "Training epochs of a warm-started fit."),
            .integer("fresh_start_interval", \.freshStartInterval, minimum: 0, "With warm start, train from fresh weights every this many fits (0: never)."),
            .integer("batch_size", \.training.batchSize, minimum: 1, "The mini-batch size."),
            .number("learning_rate", \.training.learningRate, in: 1e-9...10, "Adam's learning rate."),
            OptimizerSetting(
                "one_hot", .choices(OneHotScope.allCases.map(\.rawValue)),
                "Which parameters each network takes one-hot: categorical, or choices (ordinal ones too); a list is taken in turn by the networks.",
                read: { .list($0.oneHotScopes.map { .string($0.rawValue) }) },
                write: { settings, value in
                    if case .list(let names) = value {
                        settings.oneHotScopes = names.compactMap { if case .string(let name) = $0 { OneHotScope(rawValue: name) } else { nil } }
                    }
                }),
            .bool("noise_variance", \.includesNoiseVariance, "Include the noise variance in the predictive variance (false: the latent function's only)."),
            TargetScale.setting(\.targets),
        ]
    }
}
