/// An objective that a benchmark does not offer.
public struct UnknownObjectiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The benchmark's name.
    public let benchmark: String
    /// The objective that was given.
    public let objective: String
    /// The objectives the benchmark offers.
    public let valid: [String]

    /// The error for `objective` of `benchmark`, listing the `valid` objectives.
    public init(benchmark: String, objective: String, valid: [String]) {
        self.benchmark = benchmark
        self.objective = objective
        self.valid = valid
    }

    public var description: String {
        "unknown objective '\(objective)' for benchmark \(benchmark): valid objectives are " + valid.joined(separator: ", ")
    }
}
