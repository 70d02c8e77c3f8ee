import HPOSpace

/// A named optimizer with its settings: what a run, an experiment file or the command line
/// asks for, and what makes a fresh optimizer for each run.
public enum OptimizerSpec: Hashable, Sendable, Codable {
    /// Random search.
    case random(RandomSearch.Settings)

    /// The name the command line uses, e.g. `random`.
    public var name: String {
        switch self {
        case .random: "random"
        }
    }

    /// Every optimizer name.
    public static let names = ["random"]

    /// A fresh optimizer over `space`.
    public func makeOptimizer(space: SearchSpace) throws -> any Optimizer {
        switch self {
        case .random(let settings): RandomSearch(space: space, settings: settings)
        }
    }
}
