import ArgumentParser
import HPO

/// The command-line options of the DNGO surrogate (`bo-dngo`, `bo-dngo-noisy`). Unset options
/// keep the chosen preset's settings (the library's defaults for `bo-dngo`), which the help text
/// shows.
struct DNGOOptions: ParsableArguments {
    static let defaults = DNGO.Settings()

    @Option(help: "bo-dngo: widths of the network's hidden layers, comma-separated. (default: \(defaults.hiddenWidths.map(String.init).joined(separator: ",")))")
    var hiddenLayers: String?

    @Flag(inversion: .prefixedNo, help: "bo-dngo: include the noise variance 1/beta in the predictive variance (the variance of a new observation), or predict the latent function's variance only. (default: \(Self.noiseVarianceFlag(defaults)); \(Self.noiseVarianceFlag(.noisyDefaults)) for bo-dngo-noisy)")
    var noiseVariance: Bool?

    @Option(help: "bo-dngo: which parameters the network's input encodes one-hot: categorical (ordered values as one column on the unit scale) or choices (categorical and ordinal parameters, a column per value; integer and real ones stay on the unit scale). A comma-separated list is taken in turn by the networks of an ensemble (--networks), e.g. choices,categorical; scopes beyond the number of networks are not used. (default: \(OneHotScopes(defaults.oneHotScopes).description); \(OneHotScopes(DNGO.Settings.noisyDefaults.oneHotScopes).description) for bo-dngo-noisy)")
    var oneHot: OneHotScopes?

    @Option(help: "bo-dngo: the number of networks, each with its own initial weights and regression; predictions are their mixture (a deep ensemble). Each suggestion trains every network, so it takes about this many times as long. (default: \(defaults.networks); \(DNGO.Settings.noisyDefaults.networks) for bo-dngo-noisy)")
    var networks: Int?

    @Option(help: "bo-dngo: training epochs of a network from fresh weights. (default: \(defaults.training.epochs))")
    var epochs: Int?

    @Option(help: "bo-dngo: training epochs of a network warm-started from the previous fit. (default: \(defaults.warmStartEpochs))")
    var warmStartEpochs: Int?

    @Option(help: "bo-dngo: with warm start, train from fresh weights every this many fits anyway (0: never). (default: \(defaults.freshStartInterval))")
    var freshStartInterval: Int?

    @Flag(inversion: .prefixedNo, help: "bo-dngo: continue training from the previous fit's weights instead of fresh ones at every suggestion. (default: \(defaults.warmStart ? "--warm-start" : "--no-warm-start"))")
    var warmStart: Bool?

    @Option(help: "bo-dngo: mini-batch size. (default: \(defaults.training.batchSize))")
    var batchSize: Int?

    @Option(help: "bo-dngo: Adam's learning rate. (default: \(defaults.training.learningRate))")
    var learningRate: Double?

    /// The flag that gives `settings`' treatment of the noise variance, for the help.
    private static func noiseVarianceFlag(_ settings: DNGO.Settings) -> String {
        settings.includesNoiseVariance ? "--noise-variance" : "--no-noise-variance"
    }

    func validate() throws {
        _ = try hiddenWidths()
        for (name, value, least) in [("--networks", networks, 1), ("--epochs", epochs, 1), ("--warm-start-epochs", warmStartEpochs, 0), ("--fresh-start-interval", freshStartInterval, 0), ("--batch-size", batchSize, 1)] {
            if let value, value < least {
                throw ValidationError("\(name) must be an integer of at least \(least), not \(value)")
            }
        }
        if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
            throw ValidationError("--learning-rate must be a positive number, not \(learningRate)")
        }
    }

    private func hiddenWidths() throws -> [Int]? {
        guard let hiddenLayers else { return nil }
        let widths = hiddenLayers.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !widths.isEmpty, widths.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--hidden-layers must be positive integers separated by commas, e.g. 50,50,50, not '\(hiddenLayers)'")
        }
        return widths.compactMap { $0 }
    }

    /// The probability of a random suggestion that bo-dngo uses unless `--interleave` is given
    /// (see ``BayesianOptimization/Settings/dngoDefaults``).
    static let interleaveProbability = BayesianOptimization.Settings.dngoDefaults.randomInterleaveProbability

    /// The acquisition function bo-dngo uses unless `--acquisition` is given (see
    /// ``BayesianOptimization/Settings/dngoDefaults``).
    static let acquisition = BayesianOptimizationOptions.Acquisition.named(BayesianOptimization.Settings.dngoDefaults.acquisition)

    /// The target scale bo-dngo uses unless `--targets` is given (see ``DNGO/Settings/targets``).
    static let targets = DNGO.Settings().targets

    /// `bo-dngo` (or another DNGO preset, `base`) with these options and the loop's options `loop`.
    func spec(
        loop: BayesianOptimizationOptions,
        base: (surrogate: DNGO.Settings, loop: BayesianOptimization.Settings) = (defaults, .dngoDefaults)
    ) -> OptimizerSpec {
        let settings = loop.settings(base: base.loop)
        var surrogate = self.settings(base: base.surrogate)
        if let targets = loop.targets { surrogate.targets = targets }
        return .bayesianOptimization(surrogate: .dngo(surrogate), settings: settings)
    }

    /// The surrogate's settings: `base` with the options given.
    func settings(base: DNGO.Settings = defaults) -> DNGO.Settings {
        var settings = base
        if let widths = try? hiddenWidths() { settings.hiddenWidths = widths }
        if let noiseVariance { settings.includesNoiseVariance = noiseVariance }
        if let oneHot { settings.oneHotScopes = oneHot.scopes }
        if let networks { settings.networks = networks }
        if let epochs { settings.training.epochs = epochs }
        if let warmStartEpochs { settings.warmStartEpochs = warmStartEpochs }
        if let warmStart { settings.warmStart = warmStart }
        if let freshStartInterval { settings.freshStartInterval = freshStartInterval }
        if let batchSize { settings.training.batchSize = batchSize }
        if let learningRate { settings.training.learningRate = learningRate }
        return settings
    }
}

/// `--one-hot`: one or more of `categorical` and `choices` (the scopes' names), comma-separated.
struct OneHotScopes: ExpressibleByArgument, CustomStringConvertible {
    let scopes: [OneHotScope]

    init(_ scopes: [OneHotScope]) {
        self.scopes = scopes
    }

    init?(argument: String) {
        let scopes = argument.split(separator: ",", omittingEmptySubsequences: false).map { OneHotScope(rawValue: String($0)) }
        guard !scopes.contains(nil) else { return nil }
        self.scopes = scopes.compactMap { $0 }
    }

    var description: String { scopes.map(\.rawValue).joined(separator: ",") }

    static var allValueStrings: [String] { OneHotScope.allCases.map(\.rawValue) }
}
