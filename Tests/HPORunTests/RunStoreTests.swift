import Foundation
import HPOOptimizers
@testable import HPORun
import Testing

@Suite struct RunStoreTests {
    @Test func runFilesAreNamedByRunIndexOnly() {
        #expect(RunStore.run(fromFileName: "run-0007.json") == 7)
        #expect(RunStore.run(fromFileName: "run-12345.json") == 12345)
        #expect(RunStore.run(fromFileName: "run-7.json") == nil)
        #expect(RunStore.run(fromFileName: ".run-0007.json.tmp") == nil)
        #expect(RunStore.run(fromFileName: "run-00x7.json") == nil)
        #expect(RunStore.fileName(run: 42) == "run-0042.json")
        #expect(RunStore.fileName(run: 12345) == "run-12345.json")
    }

    @Test func manifestsConflictOnEverythingButRunsAndNewOptimizers() throws {
        let random = try NamedOptimizer(label: "random", spec: .random(.init()))
        let other = try NamedOptimizer(label: "other", spec: .random(.init(withoutReplacement: true)))
        let base = ComparisonManifest(try ComparisonSettings(benchmark: "fcnet-protein", evaluations: 10, runs: 5, seed: 1, optimizers: [random]))
        let moreRuns = ComparisonManifest(try ComparisonSettings(benchmark: "fcnet-protein", evaluations: 10, runs: 50, seed: 1, optimizers: [random, other]))
        #expect(base.conflicts(with: moreRuns).isEmpty)
        #expect(base.merging(moreRuns).optimizers.keys.sorted() == ["other", "random"])
        let changed = ComparisonManifest(try ComparisonSettings(benchmark: "fcnet-naval", objective: "mean", evaluations: 10, runs: 5, seed: 2, optimizers: [random]))
        #expect(base.conflicts(with: changed) == [
            "benchmark fcnet-protein there, fcnet-naval now", "objective noisy there, mean now", "seed 1 there, 2 now",
        ])
    }

    @Test func settingsRejectRepeatedOptimizersAndEmptyCounts() throws {
        let random = try NamedOptimizer(label: "random", spec: .random(.init()))
        #expect(throws: OptimizerError.invalidSetting(name: "list of optimizers", value: "naming 'random' twice", valid: "a list of distinct optimizers")) {
            try ComparisonSettings(benchmark: "fcnet-protein", evaluations: 10, runs: 5, seed: 1, optimizers: [random, random])
        }
        #expect(throws: ExperimentError.invalidCount(name: "number of runs", value: 0)) {
            try ComparisonSettings(benchmark: "fcnet-protein", evaluations: 10, runs: 0, seed: 1, optimizers: [random])
        }
    }

    @Test func labelsMustBeUsableAsFileNames() {
        #expect(throws: OptimizerError.self) { try NamedOptimizer(label: "../x", spec: .random(.init())) }
        #expect(throws: OptimizerError.self) { try NamedOptimizer(label: "", spec: .random(.init())) }
        #expect((try? NamedOptimizer(label: "bo-rf_2.a", spec: .random(.init()))) != nil)
        #expect(throws: UnknownOptimizerError(name: "smac", valid: OptimizerRegistry.standard.presets.map(\.name))) {
            try OptimizerRegistry.standard.optimizer(named: "smac")
        }
    }
}
