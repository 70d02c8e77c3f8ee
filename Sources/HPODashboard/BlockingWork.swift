import Dispatch

/// Runs work that blocks (reading a study's storage, rendering a page of many trials) on a
/// dispatch queue instead of the concurrency pool, whose few threads serve every request.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "hpo.dashboard.blocking", qos: .userInitiated, attributes: .concurrent)

    /// The result of `work`, run on the blocking queue.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
