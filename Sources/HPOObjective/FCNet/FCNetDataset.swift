/// The four UCI regression datasets of the FCNet tabular benchmark (Klein and Hutter 2019).
public enum FCNetDataset: String, CaseIterable, Sendable, Codable {
    case protein
    case slice
    case naval
    case parkinsons

    /// The benchmark's name on the command line, e.g. `fcnet-protein`.
    public var benchmarkName: String { "fcnet-\(rawValue)" }

    /// The dataset's name in the original benchmark, e.g. `protein_structure`.
    public var fullName: String {
        switch self {
        case .protein: "protein_structure"
        case .slice: "slice_localization"
        case .naval: "naval_propulsion"
        case .parkinsons: "parkinsons_telemonitoring"
        }
    }

    /// The index of the embedded table in the C data target.
    var tableIndex: Int32 {
        switch self {
        case .protein: 0
        case .slice: 1
        case .naval: 2
        case .parkinsons: 3
        }
    }
}

extension FCNetDataset: BenchmarkProvider {
    public var name: String { benchmarkName }

    public var summary: String {
        "FCNet \(fullName): 62,208 configurations of a 2-layer MLP, validation MSE of 4 recorded seeds"
    }

    public var objectives: [String] { ["noisy", "mean", "seed:K"] }

    public var kind: BenchmarkKind { .tabular }

    /// The dataset's benchmark in the objective mode `objective` (``ObjectiveMode``).
    public func benchmark(objective: String) throws -> any Benchmark {
        try FCNetBenchmark(self, mode: ObjectiveMode(parsing: objective))
    }
}
