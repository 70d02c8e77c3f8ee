import HPOObjective
import HPOOptimizers
import HPORun

/// The mean final regret of `spec` over `runs` seeded runs of `evaluations` on `benchmark`: the
/// loose "does it learn" check compares optimizers on the same runs.
func meanFinalRegret(
    _ spec: OptimizerSpec, on benchmark: any Benchmark, runs: Int = 20, evaluations: Int = 50, seed: UInt64 = 2
) throws -> Double {
    let loop = try RunLoop(optimizer: spec, objective: benchmark, evaluations: evaluations)
    let results = try Experiment(loop: loop, runs: runs, seed: seed).perform(jobs: 2)
    return results.compactMap(\.finalRegret).reduce(0, +) / Double(results.count)
}
