import HPORandom
import HPOSpace

/// A sequential optimizer in ask/tell shape: it suggests the next configuration from the history
/// so far, then is told the result.
///
/// Optimizers are values: each run owns its own copy, and every random choice comes from the
/// generator passed in, so a run is reproducible from its seed.
public protocol Optimizer: Sendable {
    /// The space the optimizer searches.
    var space: SearchSpace { get }

    /// The next configuration to evaluate, given everything evaluated so far.
    mutating func suggest(given history: History, using generator: inout SeededGenerator) throws -> Configuration

    /// Tells the optimizer the result of a suggestion; `history` already contains it.
    mutating func tell(_ observation: Observation, history: History)

    /// Whether a suggestion leaves state behind that later suggestions depend on (e.g. a
    /// warm-started network's weights), so that an optimizer rebuilt from the history alone
    /// suggests otherwise than the one that made the earlier suggestions. Rebuilding such an
    /// optimizer faithfully means replaying its suggestions; `false` by default.
    var keepsStateBetweenSuggestions: Bool { get }

    /// Leaves the state that ``suggest(given:using:)`` with the same history and generator would
    /// leave, without necessarily working out the configuration: how an optimizer that keeps
    /// state between suggestions is rebuilt from past ones. By default, the suggestion itself.
    mutating func replaySuggestion(given history: History, using generator: inout SeededGenerator) throws
}

extension Optimizer {
    /// Optimizers that read everything from the history need not be told.
    public mutating func tell(_ observation: Observation, history: History) {}

    /// Optimizers that read everything from the history keep no state between suggestions.
    public var keepsStateBetweenSuggestions: Bool { false }

    /// Makes the suggestion and discards it.
    public mutating func replaySuggestion(given history: History, using generator: inout SeededGenerator) throws {
        _ = try suggest(given: history, using: &generator)
    }
}

/// Something an optimizer cannot do.
public enum OptimizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every configuration of a finite space was evaluated and repeats are not allowed.
    case spaceExhausted(size: Int)
    /// A setting is out of its valid range.
    case invalidSetting(name: String, value: String, valid: String)

    public var description: String {
        switch self {
        case .spaceExhausted(let size):
            "all \(size) configurations of the space have been evaluated: evaluate fewer, or allow repeats (allow_repeats=true, or random search)"
        case .invalidSetting(let name, let value, let valid):
            "invalid \(name) \(value): it must be \(valid)"
        }
    }
}
