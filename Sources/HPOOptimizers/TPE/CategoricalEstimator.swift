import Foundation
import HPORandom

/// The kernels of a Parzen estimator on one categorical parameter, as Optuna forms them: every
/// kernel spreads `priorWeight / kernels` over each choice and adds 1 at its observation's choice,
/// then is normalized; the prior's kernel (the last) is uniform. Kernels counts the observations
/// and the prior.
public struct CategoricalEstimator: Hashable, Sendable {
    /// The log probability of each choice under each kernel: a row per observation, then the prior's.
    public let logProbabilities: [[Double]]
    /// The probability of each choice under each kernel, cumulated (for sampling).
    private let cumulative: [[Double]]

    /// The kernels of `observations` (choice indices in `0 ..< count`) and the prior.
    public init(observations: [Int], count: Int, priorWeight: Double) {
        let kernels = observations.count + 1
        let spread = observations.isEmpty ? 1 : priorWeight / Double(kernels)
        var rows = [[Double]](repeating: [Double](repeating: spread, count: count), count: kernels)
        for (row, choice) in observations.enumerated() { rows[row][choice] += 1 }
        rows = rows.map { row in
            let total = row.reduce(0, +)
            return row.map { $0 / total }
        }
        logProbabilities = rows.map { $0.map { Foundation.log($0) } }
        cumulative = rows.map { row in
            var sum = 0.0
            return row.map { p in sum += p; return sum }
        }
    }

    /// A choice drawn from `kernel`'s probabilities.
    public func sample(kernel: Int, using generator: inout SeededGenerator) -> Int {
        let u = generator.nextUniform()
        let row = cumulative[kernel]
        return row.firstIndex { u < $0 } ?? row.count - 1
    }
}
