import ArgumentParser
import HPO

/// `--targets`: `identity`, `log`, `capped-log` (cap at the median + 1.5 IQR of the log values),
/// `capped-log:C` (median + C IQR), `box-cox` or `copula`.
extension TargetScale: ExpressibleByArgument {
    /// The cap of `capped-log` without a number, in interquartile ranges.
    static let standardCap = 1.5

    public init?(argument: String) {
        switch argument {
        case "identity": self = .identity
        case "log": self = .logarithm
        case "capped-log": self = .cappedLogarithm(interquartileRanges: Self.standardCap)
        case "box-cox": self = .boxCox
        case "copula": self = .copula
        default:
            let parts = argument.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0] == "capped-log", let multiple = Double(parts[1]), multiple >= 0, multiple.isFinite else { return nil }
            self = .cappedLogarithm(interquartileRanges: multiple)
        }
    }

    /// The argument that selects this scale.
    var argument: String {
        switch self {
        case .identity: "identity"
        case .logarithm: "log"
        case .cappedLogarithm(let multiple): "capped-log:\(multiple.significant(6))"
        case .boxCox: "box-cox"
        case .copula: "copula"
        }
    }

    public static var allValueStrings: [String] { ["identity", "log", "capped-log", "capped-log:C", "box-cox", "copula"] }
}
