import HPO

/// What `hpo run`, `hpo compare` and `hpo reproduce` say about `--benchmark` and `--objective`,
/// and how they resolve an objective that was not given.
enum BenchmarkOptionsHelp {
    /// The help of `--benchmark`.
    static let benchmark = "The benchmark (see hpo benchmarks): \(BenchmarkRegistry.standard.names.joined(separator: ", "))."

    /// The help of `--objective`.
    static let objective = "The benchmark's objective (see hpo benchmarks): the FCNet tables offer noisy (one of the 4 recorded seeds at random, as the original benchmark; their default), mean and seed:K; the synthetic functions deterministic (their default) and noisy (additive Gaussian noise)."

    /// `given`, or the default objective of the benchmark called `benchmark`; throws for an
    /// unknown benchmark.
    static func objective(_ given: String?, benchmark: String) throws -> String {
        if let given { return given }
        return try BenchmarkRegistry.standard.provider(named: benchmark).defaultObjective
    }
}
