import HPOObjective
import HPOOptimizers
import HPORun
import Testing

// A release-mode guard per preset: a refactor must not quietly make one worse. Each preset's mean
// final regret over its protocol's seeded runs must stay at most twice the value recorded below,
// and a model-based preset's must stay below random search's recorded value at the same protocol.
//
// Protocol: fcnet-slice, noisy objective, 50 evaluations per run, experiment seed 11 (seeds 0 to 3
// were used for tuning); the runs per preset keep the standard error (SE) near or below 11% of the
// mean, so an unchanged optimizer whose random streams changed stays far below 2x (2x is at least
// 9 SE above the recorded mean). Measured at commit 8ef0830 with the release binary of the
// unmodified code:
//
//   hpo run --optimizer P --benchmark fcnet-slice --runs R --evaluations 50 --seed 11 --quiet --jobs 2
//
// (At 8ef0830 random-without-replacement and bo-rf-ei were spelled `--optimizer random
// --without-replacement` and `--optimizer bo-rf --acquisition ei`; today every preset is
// `--optimizer P`, and the runs are byte-identical.) The test computes the same runs, so on
// unchanged code it reproduces these means exactly. Time: wall-clock seconds of that command
// with 2 jobs on a shared 2-core machine. The whole guard in the test binary: 95 s of CPU, so
// about 50 s on 2 free cores (130 to 190 s while other builds shared the cores).
//
// | preset                     | runs | mean final regret | SE          | SE / mean | time   |
// |----------------------------|------|-------------------|-------------|-----------|--------|
// | random                     | 200  | 0.000480951       | 2.77692e-05 | 5.8%      | 0.1 s  |
// | random-without-replacement | 200  | 0.00051965        | 3.61333e-05 | 7.0%      | 0.1 s  |
// | bo-rf                      | 100  | 5.80781e-05       | 4.81963e-06 | 8.3%      | 1.3 s  |
// | bo-rf-ei                   | 100  | 5.87938e-05       | 4.2104e-06  | 7.2%      | 1.6 s  |
// | bo-rf-noisy                | 200  | 3.67308e-05       | 3.70265e-06 | 10.1%     | 2.0 s  |
// | bo-dngo                    | 100  | 4.87464e-05       | 5.25379e-06 | 10.8%     | 13.7 s |
// | bo-dngo-noisy              | 100  | 5.92352e-05       | 6.28862e-06 | 10.6%     | 33.8 s |
// | bo-gp                      | 100  | 0.000154155       | 1.524e-05   | 9.9%      | 29.3 s |
//
// bo-gp was measured later (branch gp) with the same protocol through
// Benchmarks/GaussianProcessBench (`swift run -c release GaussianProcessBench guard 100`, which
// runs this test's Experiment); only seed 11 was checked. It is weaker than the forest on this
// all-discrete noisy space, which is not the space it is meant for.
// | tpe                        | 200  | 9.01927e-05       | 5.40117e-06 | 6.0%      | 7.2 s  |
// | evolution                  | 200  | 0.000150266       | 1.4146e-05  | 9.4%      | 0.2 s  |
//
// tpe and evolution were measured later, at the commit that added them (same command); at seeds
// 12 and 13 their means were 0.82 to 1.0 times the recorded ones.
//
// Every mean is clearly positive: at most 14% of a preset's runs end at the optimum. With the
// random streams changed (the same protocol at seeds 12, 13 and 14; bo-dngo and bo-dngo-noisy
// at seed 12 with 80 and 60 runs) the means stayed between 0.81 and 1.19 times the recorded ones.

@Suite struct PresetQualityTests {
    /// A preset's protocol and its recorded mean final regret (table above).
    struct Record: Sendable, CustomTestStringConvertible {
        var preset: String
        var benchmark = "fcnet-slice"
        var runs: Int
        var evaluations = 50
        var seed: UInt64 = 11
        var meanFinalRegret: Double
        var standardError: Double

        var testDescription: String { preset }
    }

    static let records: [Record] = [
        Record(preset: "random", runs: 200, meanFinalRegret: 0.000480951, standardError: 2.77692e-05),
        Record(preset: "random-without-replacement", runs: 200, meanFinalRegret: 0.00051965, standardError: 3.61333e-05),
        Record(preset: "bo-rf", runs: 100, meanFinalRegret: 5.80781e-05, standardError: 4.81963e-06),
        Record(preset: "bo-rf-ei", runs: 100, meanFinalRegret: 5.87938e-05, standardError: 4.2104e-06),
        Record(preset: "bo-rf-noisy", runs: 200, meanFinalRegret: 3.67308e-05, standardError: 3.70265e-06),
        Record(preset: "bo-dngo", runs: 100, meanFinalRegret: 4.87464e-05, standardError: 5.25379e-06),
        Record(preset: "bo-dngo-noisy", runs: 100, meanFinalRegret: 5.92352e-05, standardError: 6.28862e-06),
        Record(preset: "bo-gp", runs: 100, meanFinalRegret: 0.000154155, standardError: 1.524e-05),
        Record(preset: "tpe", runs: 200, meanFinalRegret: 9.01927e-05, standardError: 5.40117e-06),
        Record(preset: "evolution", runs: 200, meanFinalRegret: 0.000150266, standardError: 1.4146e-05),
    ]

    @Test func everyPresetIsGuarded() {
        #expect(OptimizerRegistry.standard.presets.map(\.name) == Self.records.map(\.preset))
    }

    /// 100 to 200 seeded runs per preset (table above); tolerance 2x the recorded mean, and below random's if model-based.
    @Test(arguments: records)
    func meanFinalRegretStaysWithinTwiceTheRecordedValue(_ record: Record) throws {
        let spec = try OptimizerRegistry.standard.preset(named: record.preset).spec
        let benchmark = try BenchmarkRegistry.standard.benchmark(named: record.benchmark, objective: "noisy")
        let loop = try RunLoop(optimizer: spec, objective: benchmark, evaluations: record.evaluations)
        let results = try Experiment(loop: loop, runs: record.runs, seed: record.seed).perform(jobs: 2)
        let regrets = results.compactMap(\.finalRegret)
        try #require(regrets.count == record.runs)
        let summary = SampleSummary(regrets)
        let measured = "\(record.preset): mean final regret \(summary.mean) ± \(summary.standardError) over \(record.runs) runs"

        #expect(summary.mean <= 2 * record.meanFinalRegret, "\(measured), more than 2x the recorded \(record.meanFinalRegret)")

        if spec.bayesianOptimization != nil {
            let random = try #require(Self.records.first {
                $0.preset == "random" && $0.benchmark == record.benchmark && $0.evaluations == record.evaluations
            })
            #expect(
                summary.mean < random.meanFinalRegret,
                "\(measured), not below random search's recorded \(random.meanFinalRegret)")
        }
    }
}
