import HPOSpace
import HPOSurrogate

/// Which surrogate Bayesian optimization fits, with its settings: one case per model.
public enum SurrogateKind: Hashable, Sendable, Codable {
    /// SMAC's random forest.
    case randomForest(RandomForest.Settings)

    /// The short name of the model in optimizer names (`bo-rf`).
    public var name: String {
        switch self {
        case .randomForest: "rf"
        }
    }

    /// An unfitted surrogate over `space`.
    public func make(space: SearchSpace) throws -> any Surrogate {
        switch self {
        case .randomForest(let settings): try RandomForest(space: space, settings: settings)
        }
    }
}
