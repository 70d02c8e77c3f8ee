/// How a tabular benchmark with several recorded seeds answers an evaluation.
public enum ObjectiveMode: Hashable, Sendable, CustomStringConvertible {
    /// One of the recorded seeds drawn at random by the run's generator (the original benchmark).
    case noisy
    /// The mean over the recorded seeds: deterministic.
    case mean
    /// Always the seed with this index.
    case seed(Int)

    /// Parses `noisy`, `mean` or `seed:K` with `0 <= K < seeds`.
    public init(parsing text: String, seeds: Int = 4) throws {
        switch text {
        case "noisy": self = .noisy
        case "mean": self = .mean
        default:
            if text.hasPrefix("seed:"), let k = Int(text.dropFirst(5)), k >= 0, k < seeds {
                self = .seed(k)
            } else {
                throw ObjectiveModeError(text: text, seeds: seeds)
            }
        }
    }

    public var description: String {
        switch self {
        case .noisy: "noisy"
        case .mean: "mean"
        case .seed(let k): "seed:\(k)"
        }
    }
}

/// An objective mode that is not one of the valid spellings.
public struct ObjectiveModeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text that was given.
    public let text: String
    /// The number of recorded seeds.
    public let seeds: Int

    public var description: String {
        "unknown objective mode '\(text)': valid modes are noisy, mean, seed:0 ... seed:\(seeds - 1)"
    }
}
