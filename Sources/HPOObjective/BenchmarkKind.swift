import HPOSpace

/// What kind of problem a benchmark is, as `hpo benchmarks` lists it.
public enum BenchmarkKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A table of recorded results (e.g. FCNet).
    case tabular
    /// A function of real parameters only.
    case continuous
    /// A function of integer parameters only.
    case integer
    /// A function of categorical or ordinal parameters only.
    case categorical
    /// A function of parameters of more than one of those types.
    case mixed

    /// The kind of a function over `space`, read from its parameters' types.
    public init(space: SearchSpace) {
        let kinds = Set(space.parameters.map { parameter -> BenchmarkKind in
            switch parameter.domain {
            case .real: .continuous
            case .integer: .integer
            case .categorical, .ordinal: .categorical
            }
        })
        self = kinds.count == 1 ? kinds.first ?? .mixed : .mixed
    }
}
