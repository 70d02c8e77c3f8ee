import HPOObjective
import HPOOptimizers
import HPORandom
import HPOSpace
import Testing
@testable import HPORun

/// A benchmark run is a study in memory: the run and a study with the run's seed and budget,
/// driven through ask/tell by the same objective, evaluate the same configurations, also for an
/// optimizer that plans by its budget (the final confirmations of bo-rf-noisy) and one that keeps
/// state between suggestions (bo-dngo's warm-started networks).
@Suite("One driver")
struct OneDriverTests {
    func studyConfigurations(_ optimizer: OptimizerSpec, benchmark: any Benchmark, seed: UInt64, evaluations: Int) throws -> [Configuration] {
        let study = Study(space: benchmark.space, optimizer: optimizer, seed: seed, budget: evaluations)
        var noise = SeededGenerator(seed: seed, stream: 0)
        var configurations: [Configuration] = []
        while let trial = try study.ask(limit: evaluations) {
            configurations.append(trial.configuration)
            try study.tell(trial, value: try benchmark.evaluate(trial.configuration, using: &noise).value)
        }
        return configurations
    }

    @Test("a run suggests what a study of the same seed and budget suggests", arguments: ["random", "bo-rf-noisy", "bo-dngo"])
    func runIsAStudy(preset: String) throws {
        let optimizer = try OptimizerRegistry.standard.optimizer(named: preset).spec
        let benchmark = try FCNetBenchmark(.naval, mode: .noisy)
        let evaluations = preset == "bo-dngo" ? 14 : 40
        let loop = try RunLoop(optimizer: optimizer, objective: benchmark, evaluations: evaluations)
        let seed = RunLoop.runSeed(experimentSeed: 4, run: 1)
        let run = try loop.run(1, experimentSeed: 4)
        let study = try studyConfigurations(optimizer, benchmark: benchmark, seed: seed, evaluations: evaluations)
        #expect(run.trials.count == evaluations)
        #expect(run.trials.map(\.configuration) == study)
        if preset == "bo-rf-noisy" {  // after 30 observations the incumbent is evaluated again
            #expect(Set(study).count < study.count)
        }
    }
}
