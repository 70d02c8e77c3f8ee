import Foundation
import HPOObjective
import HPOOptimizers
import HPOSpace
import Testing
@testable import HPORun

@Suite("Run loop and results")
struct RunLoopTests {
    func document(seed: UInt64, jobs: Int) throws -> Data {
        let benchmark = try FCNetBenchmark(.parkinsons, mode: .noisy)
        let loop = try RunLoop(optimizer: .random(.init()), objective: benchmark, evaluations: 20)
        let results = try Experiment(loop: loop, runs: 6, seed: seed).perform(jobs: jobs)
        return try ResultsDocument(
            optimizer: "random", benchmark: benchmark.name, objective: "noisy", seed: seed, evaluations: 20,
            optimum: benchmark.optimum, space: benchmark.space, results: results
        ).json()
    }

    @Test("the same seed gives identical JSON twice, with 1 job or 2; another seed differs")
    func reproducibleJSON() throws {
        let first = try document(seed: 11, jobs: 1)
        #expect(first == (try document(seed: 11, jobs: 1)))
        #expect(first == (try document(seed: 11, jobs: 2)))
        #expect(first != (try document(seed: 12, jobs: 1)))
        let object = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(Set(object.keys) == ["optimizer", "benchmark", "objective", "seed", "evaluations", "optimum", "runs"])
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 6)
        #expect(Set(runs[0].keys) == ["run", "seed", "trials", "observed", "regret"])
        let trial = try #require((runs[0]["trials"] as? [[String: Any]])?.first)
        #expect(Set(trial.keys) == ["config", "value", "cost"])
    }

    @Test("different run indices draw different streams")
    func runIndicesDiffer() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .mean)
        let loop = try RunLoop(optimizer: .random(.init()), objective: benchmark, evaluations: 10)
        let a = try loop.run(0, experimentSeed: 5), b = try loop.run(1, experimentSeed: 5)
        #expect(a.seed != b.seed)
        #expect(a.trials.map(\.configuration) != b.trials.map(\.configuration))
        let again = try loop.run(0, experimentSeed: 5)
        #expect(again.trials.map(\.configuration) == a.trials.map(\.configuration))
        #expect(again.observed == a.observed && again.regret == a.regret && again.seed == a.seed)
    }

    @Test("observed is the running minimum and regret the incumbent's true value minus the optimum")
    func incumbents() throws {
        let benchmark = try FCNetBenchmark(.naval, mode: .noisy)
        let loop = try RunLoop(optimizer: .random(.init()), objective: benchmark, evaluations: 40)
        let result = try loop.run(3, experimentSeed: 1)
        var best = Double.infinity
        for (i, trial) in result.trials.enumerated() {
            best = min(best, trial.value)
            #expect(result.observed[i] == best)
            let incumbent = result.trials[result.incumbents[i]]
            #expect(incumbent.value == best)
            #expect(result.regret?[i] == benchmark.trueValue(of: incumbent.configuration) - benchmark.optimum)
            #expect(trial.cost > 0)
        }
        #expect(result.regret?.allSatisfy { $0 >= 0 } == true)
    }

    @Test("CSV has a header and one row per trial")
    func csv() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .mean)
        let loop = try RunLoop(optimizer: .random(.init()), objective: benchmark, evaluations: 5)
        let results = try Experiment(loop: loop, runs: 2, seed: 0).perform()
        let text = ResultsDocument(
            optimizer: "random", benchmark: benchmark.name, objective: "mean", seed: 0, evaluations: 5,
            optimum: benchmark.optimum, space: benchmark.space, results: results
        ).csv(space: benchmark.space)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines[0] == "run,seed,trial,activation_fn_1,activation_fn_2,batch_size,dropout_1,dropout_2,init_lr,lr_schedule,n_units_1,n_units_2,value,cost,observed,regret")
        #expect(lines[1].split(separator: ",").count == 16)
    }

    @Test("non-positive counts are refused with a message")
    func badCounts() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .mean)
        #expect(throws: OptimizerError.invalidSetting(name: "number of evaluations", value: "0", valid: "a positive integer")) {
            try RunLoop(optimizer: .random(.init()), objective: benchmark, evaluations: 0)
        }
        let loop = try RunLoop(optimizer: .random(.init()), objective: benchmark, evaluations: 1)
        #expect(throws: ExperimentError.invalidCount(name: "number of runs", value: -1)) { try Experiment(loop: loop, runs: -1, seed: 0) }
        #expect(ExperimentError.invalidCount(name: "number of runs", value: -1).description == "invalid number of runs -1: it must be a positive integer")
    }

    @Test("sample summaries: mean, median, standard error and quartiles of known data")
    func summary() {
        let s = SampleSummary([1, 2, 3, 4])
        #expect(s.mean == 2.5 && s.median == 2.5 && s.minimum == 1 && s.maximum == 4)
        // sample sd = sqrt(5/3); se = sd / 2
        #expect(abs(s.standardError - (5.0 / 3).squareRoot() / 2) < 1e-15)
        #expect(s.lowerQuartile == 1.75 && s.upperQuartile == 3.25)
        #expect(SampleSummary([7]).standardError == 0)
    }
}
