import ArgumentParser
import HPO

/// `--targets`: `identity`, `log` or `copula`.
extension TargetScale: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "identity": self = .identity
        case "log": self = .logarithm
        case "copula": self = .copula
        default: return nil
        }
    }

    /// The argument that selects this scale.
    var argument: String {
        switch self {
        case .identity: "identity"
        case .logarithm: "log"
        case .copula: "copula"
        }
    }

    public static var allValueStrings: [String] { ["identity", "log", "copula"] }
}
