import Dispatch
import Synchronization

/// Many seeded runs of one optimizer on one objective.
///
/// Run `i` depends only on (seed, optimizer, objective, i), so the results are the same whatever
/// the number of jobs that compute them.
public struct Experiment: Sendable {
    /// The run loop each run uses.
    public let loop: RunLoop
    /// The number of runs.
    public let runs: Int
    /// The experiment's seed.
    public let seed: UInt64

    /// Creates an experiment; `runs` must be positive.
    public init(loop: RunLoop, runs: Int, seed: UInt64) throws {
        guard runs > 0 else {
            throw ExperimentError.invalidCount(name: "number of runs", value: runs)
        }
        self.loop = loop
        self.runs = runs
        self.seed = seed
    }

    /// Performs the runs whose indices are given (all by default) on up to `jobs` threads,
    /// calling `progress` after each finished run (from any thread). Results are in index order.
    public func perform(
        indices: [Int]? = nil, jobs: Int = 1, progress: @Sendable (RunResult) -> Void = { _ in }
    ) throws -> [RunResult] {
        let indices = indices ?? Array(0..<runs)
        let results = try parallelMap(indices, jobs: jobs) { index in
            let result = try loop.run(index, experimentSeed: seed)
            progress(result)
            return result
        }
        return results
    }
}

/// A count that must be positive.
public enum ExperimentError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidCount(name: String, value: Int)

    public var description: String {
        switch self {
        case .invalidCount(let name, let value): "invalid \(name) \(value): it must be a positive integer"
        }
    }
}

/// Maps `body` over `items` on up to `jobs` threads; results keep the items' order, and the
/// first error (by item order) is rethrown.
public func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], jobs: Int, _ body: @Sendable (T) throws -> R
) throws -> [R] {
    let workers = max(1, min(jobs, items.count))
    if workers == 1 { return try items.map(body) }
    let slots = Mutex([Result<R, any Error>?](repeating: nil, count: items.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard i < items.count else { return }
            let outcome = Result { try body(items[i]) }
            slots.withLock { $0[i] = outcome }
        }
    }
    return try slots.withLock { slots in try slots.map { try $0!.get() } }
}
