/// Why parameter importance cannot be computed from the trials given. Each message names the
/// input, says what is wrong and what would be valid.
public enum ImportanceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer complete trials than the analysis needs.
    case notEnoughTrials(count: Int, needed: Int)
    /// Every complete trial has the same loss (or the forest predicts a constant): there is no
    /// variance to share out.
    case constantLoss(value: Double)
    /// A setting is out of its valid range.
    case invalidSetting(name: String, value: String, valid: String)

    public var description: String {
        switch self {
        case .notEnoughTrials(let count, let needed):
            "parameter importance needs at least \(needed) complete trials with a finite loss; the study has \(count)"
        case .constantLoss(let value):
            "every complete trial has the loss \(value): with no variance there is nothing to share out among the parameters"
        case .invalidSetting(let name, let value, let valid):
            "invalid \(name) \(value): it must be \(valid)"
        }
    }
}
