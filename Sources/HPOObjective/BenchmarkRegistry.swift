/// The benchmarks known by name: what `--benchmark` offers and what experiments and comparisons
/// look their benchmark up in.
///
/// A registry is a value: ``standard`` holds the benchmarks embedded in the project, and code that
/// imports `HPO` adds its own with ``registering(_:)`` and passes the registry on.
public struct BenchmarkRegistry: Sendable {
    /// The benchmarks, in the order registered.
    public private(set) var providers: [any BenchmarkProvider] = []

    /// An empty registry.
    public init() {}

    /// The registry with `provider` added; one of the same name is replaced.
    public func registering(_ provider: any BenchmarkProvider) -> BenchmarkRegistry {
        var registry = self
        if let index = registry.providers.firstIndex(where: { $0.name == provider.name }) {
            registry.providers[index] = provider
        } else {
            registry.providers.append(provider)
        }
        return registry
    }

    /// Every benchmark name.
    public var names: [String] { providers.map(\.name) }

    /// The benchmark called `name`; throws ``UnknownBenchmarkError`` naming the valid ones.
    public func provider(named name: String) throws -> any BenchmarkProvider {
        guard let provider = providers.first(where: { $0.name == name }) else {
            throw UnknownBenchmarkError(name: name, valid: names)
        }
        return provider
    }

    /// The benchmark called `name`, evaluated as `objective` says (its default if `nil`).
    public func benchmark(named name: String, objective: String? = nil) throws -> any Benchmark {
        let provider = try provider(named: name)
        return try provider.benchmark(objective: objective ?? provider.defaultObjective)
    }

    /// The benchmarks embedded in the project: the four FCNet tables, then the synthetic
    /// functions (``SyntheticFunction/standard``).
    public static let standard = SyntheticFunction.standard.reduce(
        FCNetDataset.allCases.reduce(BenchmarkRegistry()) { $0.registering($1) }
    ) { $0.registering($1) }
}

/// A benchmark name that the registry does not know.
public struct UnknownBenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name that was given.
    public let name: String
    /// The valid names.
    public let valid: [String]

    /// The error for `name`, listing the `valid` names.
    public init(name: String, valid: [String]) {
        self.name = name
        self.valid = valid
    }

    public var description: String {
        "unknown benchmark '\(name)': valid benchmarks are " + valid.joined(separator: ", ")
    }
}
