/// A benchmark known by name: what `--benchmark NAME` selects. The seam for new benchmarks: a
/// type conforming to it, registered in a ``BenchmarkRegistry``, runs in experiments and
/// comparisons like the built-in ones.
public protocol BenchmarkProvider: Sendable {
    /// The name, e.g. `fcnet-protein`.
    var name: String { get }
    /// What the benchmark is, in one line.
    var summary: String { get }
    /// The ways an evaluation can be answered, e.g. `noisy`, `mean` and `seed:K` for a tabular
    /// benchmark with recorded seeds; the first is the default. A benchmark with one way offers one.
    var objectives: [String] { get }
    /// The benchmark evaluated as `objective` says (see ``objectives``); throws for another.
    func benchmark(objective: String) throws -> any Benchmark
    /// What kind of problem it is; by default read from the default benchmark's space.
    var kind: BenchmarkKind { get }
    /// The evaluations a run gets unless told otherwise (100 by default).
    var defaultEvaluations: Int { get }
}

extension BenchmarkProvider {
    /// The default objective: the first of ``objectives``.
    public var defaultObjective: String { objectives.first ?? "" }

    public var kind: BenchmarkKind {
        (try? benchmark(objective: defaultObjective)).map { BenchmarkKind(space: $0.space) } ?? .mixed
    }

    public var defaultEvaluations: Int { 100 }
}
