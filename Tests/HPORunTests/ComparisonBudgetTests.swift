import Foundation
import HPOObjective
import HPOSpace
import HPOOptimizers
@testable import HPORun
import Testing

/// Runs shared between comparisons of different lengths: only optimizers that ignore their budget
/// may take a shorter run from the beginning of a longer one.
@Suite struct ComparisonBudgetTests {
    private func comparisons(_ preset: String, in directory: URL) throws -> [Comparison] {
        let optimizer = try OptimizerRegistry.standard.optimizer(named: preset)
        // Long enough for repeats of the incumbent (after 30 observations), whose spread the
        // final confirmation needs.
        return try [(60, "long"), (45, "short")].map { evaluations, name in
            let settings = try ComparisonSettings(
                benchmark: "fcnet-protein", evaluations: evaluations, runs: 2, seed: 5, optimizers: [optimizer])
            return try Comparison(settings: settings, directory: directory.appendingPathComponent(name))
        }
    }

    /// The configurations of run `run` of `comparison` as stored.
    private func stored(_ comparison: Comparison, run: Int) throws -> [[String: ParameterValue]] {
        try comparison.store.record(label: comparison.settings.optimizers[0].label, run: run).trials.map(\.config)
    }

    @Test func anIntensifyingPresetsShortRunsHaveTheirOwnFinalConfirmation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hpo-budget-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pair = try comparisons("bo-rf-noisy", in: directory)
        #expect(pair[0].settings.optimizers[0].spec.usesBudget)
        try Comparison.performPending(pair, jobs: 1)
        let benchmark = try pair[1].settings.makeBenchmark()
        for run in 0..<2 {
            let own = try RunLoop(optimizer: pair[1].settings.optimizers[0].spec, objective: benchmark, evaluations: 45)
                .run(run, experimentSeed: 5)
            let expected = own.trials.map { benchmark.space.dictionary(of: $0.configuration) }
            #expect(try stored(pair[1], run: run) == expected)
            // The last tenth differs from the longer run's: each confirms at its own end.
            #expect(try stored(pair[1], run: run) != Array(try stored(pair[0], run: run).prefix(45)))
        }
    }

    @Test func aPresetWithoutABudgetSharesTheBeginningOfLongerRuns() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hpo-budget-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pair = try comparisons("bo-rf", in: directory)
        #expect(!pair[0].settings.optimizers[0].spec.usesBudget)
        try Comparison.performPending(pair, jobs: 1)
        for run in 0..<2 {
            #expect(try stored(pair[1], run: run) == Array(try stored(pair[0], run: run).prefix(45)))
        }
    }
}
