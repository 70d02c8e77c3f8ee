import HPOSpace
import HPOSurrogate

/// Which surrogate Bayesian optimization fits, with its settings: one case per model.
public enum SurrogateKind: Hashable, Sendable, Codable {
    /// SMAC's random forest.
    case randomForest(RandomForest.Settings)
    /// A neural network's last hidden layer under Bayesian linear regression (DNGO).
    case dngo(DNGO.Settings)
    /// An exact Gaussian process (Matern-5/2 ARD, overlap kernel on categorical parameters).
    case gaussianProcess(GaussianProcess.Settings)

    /// The short name of the model in optimizer names (`bo-rf`).
    public var name: String {
        switch self {
        case .randomForest: "rf"
        case .dngo: "dngo"
        case .gaussianProcess: "gp"
        }
    }

    /// An unfitted surrogate over `space`.
    public func make(space: SearchSpace) throws -> any Surrogate {
        switch self {
        case .randomForest(let settings): try RandomForest(space: space, settings: settings)
        case .dngo(let settings): try DNGO(space: space, settings: settings)
        case .gaussianProcess(let settings): try GaussianProcess(space: space, settings: settings)
        }
    }
}
