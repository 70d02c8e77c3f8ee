import Foundation
import ArgumentParser

/// A comma-separated list of positive evaluation counts, e.g. `10,20,50,100`.
struct Checkpoints: ExpressibleByArgument {
    /// The counts, in the order given.
    var counts: [Int]

    init(counts: [Int]) {
        self.counts = counts
    }

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        let counts = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, counts.count == parts.count, counts.allSatisfy({ $0 > 0 }) else { return nil }
        self.counts = counts
    }

    var defaultValueDescription: String { counts.map(String.init).joined(separator: ",") }
}
