import Foundation
import HPOOptimizers
import HPOSpace

/// The settings that fix the bytes of every run stored in an output folder, kept there as
/// `settings.json` so a later invocation can tell whether the stored runs are its own.
///
/// The number of runs is not part of it (run `i` is the same whatever the count, so more runs
/// extend a folder), and optimizers may be added; everything else must match.
public struct ComparisonManifest: Hashable, Sendable, Codable {
    /// The benchmark, objective mode, evaluations per run and seed of every stored run.
    public var benchmark: String
    public var objective: String
    public var evaluations: Int
    public var seed: UInt64
    /// Each stored optimizer's settings by label.
    public var optimizers: [String: OptimizerSpec]

    /// The manifest of `settings`.
    public init(_ settings: ComparisonSettings) {
        benchmark = settings.benchmark
        objective = settings.objective
        evaluations = settings.evaluations
        seed = settings.seed
        optimizers = Dictionary(uniqueKeysWithValues: settings.optimizers.map { ($0.label, $0.spec) })
    }

    /// The differences that forbid runs of `other` to share a folder with runs of `self`, as
    /// phrases like `evaluations 50 there, 100 now`; empty when they may.
    public func conflicts(with other: ComparisonManifest) -> [String] {
        var conflicts: [String] = []
        if benchmark != other.benchmark { conflicts.append("benchmark \(benchmark) there, \(other.benchmark) now") }
        if objective != other.objective { conflicts.append("objective \(objective) there, \(other.objective) now") }
        if evaluations != other.evaluations { conflicts.append("evaluations \(evaluations) there, \(other.evaluations) now") }
        if seed != other.seed { conflicts.append("seed \(seed) there, \(other.seed) now") }
        for label in optimizers.keys.sorted() {
            if let mine = optimizers[label], let theirs = other.optimizers[label], mine != theirs {
                conflicts.append("optimizer '\(label)' with settings \(Self.text(mine)) there, \(Self.text(theirs)) now")
            }
        }
        return conflicts
    }

    /// This manifest with the optimizers of `other` added.
    public func merging(_ other: ComparisonManifest) -> ComparisonManifest {
        var merged = self
        merged.optimizers.merge(other.optimizers) { mine, _ in mine }
        return merged
    }

    /// The manifest as indented JSON with sorted keys.
    public func json() throws -> Data {
        try SortedJSON.encode(self, pretty: true)
    }

    private static func text(_ spec: OptimizerSpec) -> String {
        (try? SortedJSON.encode(spec)).map { String(decoding: $0.dropLast(), as: UTF8.self) } ?? spec.kind
    }
}
