import Foundation
import HPO

/// The human-readable summary `hpo run` prints.
struct RunSummary {
    let benchmark: any Benchmark
    let optimizer: String
    let objective: String
    let seed: UInt64
    let results: [RunResult]
    /// Evaluation counts at which to report the regret (those beyond the run length are skipped).
    var checkpoints: [Int] = []

    var text: String {
        guard let first = results.first else { return "no runs" }
        let evaluations = first.trials.count
        var lines = ["\(optimizer) on \(benchmark.name) (\(objective) objective): \(results.count) runs x \(evaluations) evaluations, seed \(seed)"]
        let finals = results.compactMap(\.finalRegret)
        if !finals.isEmpty {
            let summary = SampleSummary(finals)
            let atOptimum = finals.filter { $0 == 0 }.count
            lines.append("final regret: mean \(format(summary.mean)), median \(format(summary.median)), standard error \(format(summary.standardError))")
            lines.append("runs that ended at the global optimum: \(atOptimum) of \(finals.count) (\(Int((100 * Double(atOptimum) / Double(finals.count)).rounded()))%)")
        }
        lines += checkpointLines(evaluations: evaluations)
        let best = results.compactMap { result in result.incumbent.map { (result, $0) } }
            .min { benchmark.trueValue(of: $0.1.configuration) < benchmark.trueValue(of: $1.1.configuration) }
        if let (run, trial) = best {
            let truth = benchmark.trueValue(of: trial.configuration)
            lines.append("best configuration found (run \(run.run)): " + benchmark.space.values(of: trial.configuration).map { "\($0.name)=\($0.value)" }.joined(separator: " "))
            lines.append("  observed \(format(run.observed.last ?? trial.value)), \(benchmark.valueName == "validation MSE" ? "mean validation MSE" : "noise-free \(benchmark.valueName)") \(format(truth)), regret \(format(truth - benchmark.optimum)) (optimum \(format(benchmark.optimum)))")
        }
        return lines.joined(separator: "\n")
    }

    /// One line per checkpoint: the regret's mean, median and standard error over the runs and
    /// the share of runs at the global optimum after that many evaluations.
    private func checkpointLines(evaluations: Int) -> [String] {
        let counts = checkpoints.filter { $0 >= 1 && $0 <= evaluations }
        guard !counts.isEmpty else { return [] }
        var lines = ["regret after  mean          median        standard error  at optimum"]
        for count in counts {
            let regrets = results.compactMap { $0.regret.flatMap { $0.count >= count ? $0[count - 1] : nil } }
            guard !regrets.isEmpty else { continue }
            let summary = SampleSummary(regrets)
            let atOptimum = regrets.filter { $0 == 0 }.count
            let share = "\(atOptimum)/\(regrets.count) (\(Int((100 * Double(atOptimum) / Double(regrets.count)).rounded()))%)"
            lines.append(
                "\(count)".padding(14) + format(summary.mean).padding(14) + format(summary.median).padding(14)
                    + format(summary.standardError).padding(16) + share)
        }
        return lines
    }

    private func format(_ x: Double) -> String {
        x.significant(6)
    }
}
