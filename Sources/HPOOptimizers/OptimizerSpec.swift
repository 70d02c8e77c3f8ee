import HPOSpace

/// A named optimizer with its settings: what a run, an experiment file or the command line
/// asks for, and what makes a fresh optimizer for each run.
public enum OptimizerSpec: Hashable, Sendable, Codable {
    /// Random search.
    case random(RandomSearch.Settings)
    /// Bayesian optimization with a surrogate model.
    case bayesianOptimization(surrogate: SurrogateKind, settings: BayesianOptimization.Settings)

    /// The name the command line uses, e.g. `random` or `bo-rf`.
    public var name: String {
        switch self {
        case .random: "random"
        case .bayesianOptimization(let surrogate, _): "bo-" + surrogate.name
        }
    }

    /// Every optimizer name.
    public static let names = ["random", "bo-rf"]

    /// A fresh optimizer over `space`.
    public func makeOptimizer(space: SearchSpace) throws -> any Optimizer {
        switch self {
        case .random(let settings):
            RandomSearch(space: space, settings: settings)
        case .bayesianOptimization(let surrogate, let settings):
            try BayesianOptimization(space: space, surrogate: surrogate.make(space: space), settings: settings)
        }
    }
}
