import Foundation
import HPO

/// The human-readable summary `hpo run` prints.
struct RunSummary {
    let benchmark: any Benchmark
    let optimizer: String
    let mode: ObjectiveMode
    let seed: UInt64
    let results: [RunResult]

    var text: String {
        guard let first = results.first else { return "no runs" }
        let evaluations = first.trials.count
        var lines = ["\(optimizer) on \(benchmark.name) (\(mode) objective): \(results.count) runs x \(evaluations) evaluations, seed \(seed)"]
        let finals = results.compactMap(\.finalRegret)
        if !finals.isEmpty {
            let summary = SampleSummary(finals)
            let atOptimum = finals.filter { $0 == 0 }.count
            lines.append("final regret: mean \(format(summary.mean)), median \(format(summary.median)), standard error \(format(summary.standardError))")
            lines.append("runs that ended at the global optimum: \(atOptimum) of \(finals.count) (\(Int((100 * Double(atOptimum) / Double(finals.count)).rounded()))%)")
        }
        let best = results.compactMap { result in result.incumbent.map { (result, $0) } }
            .min { benchmark.trueValue(of: $0.1.configuration) < benchmark.trueValue(of: $1.1.configuration) }
        if let (run, trial) = best {
            let truth = benchmark.trueValue(of: trial.configuration)
            lines.append("best configuration found (run \(run.run)): " + benchmark.space.values(of: trial.configuration).map { "\($0.name)=\($0.value)" }.joined(separator: " "))
            lines.append("  observed \(format(trial.value)), mean validation MSE \(format(truth)), regret \(format(truth - benchmark.optimum)) (optimum \(format(benchmark.optimum)))")
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double) -> String {
        x.significant(6)
    }
}
