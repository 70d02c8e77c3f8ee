import HPOObjective
import HPOOptimizers
import HPORun
import Testing

// A release-mode guard per preset: a refactor must not quietly make one worse. Each preset's mean
// final regret over its protocol's seeded runs must stay at most twice the value recorded below,
// and every other preset's must stay below random search's recorded value at the same protocol.
//
// Protocol: fcnet-slice, noisy objective, 50 evaluations per run, experiment seed 11 (seeds 0 to 3
// were used for tuning); the runs per preset keep the standard error (SE) near or below 14% of the
// mean, so an unchanged optimizer whose random streams changed stays far below 2x (2x is at least
// 7 SE above the recorded mean). Measured on 2026-12-04 with the release binary of the commit that
// made every benchmark run a study (streams: trial n draws stream n, the noise stream 0):
//
//   hpo run --optimizer P --benchmark fcnet-slice --runs R --evaluations 50 --seed 11 --quiet --jobs 2
//
// The test computes the same runs, so on unchanged code it reproduces these means exactly. auto
// and auto-noisy choose bo-rf and bo-rf-noisy on this space, and reproduce their runs exactly.
// Time: wall-clock seconds of that command with 2 jobs on a shared 2-core machine.
//
// | preset                     | runs | mean final regret | SE          | SE / mean | time   |
// |----------------------------|------|-------------------|-------------|-----------|--------|
// | auto                       | 100  | 6.11089e-05       | 6.34286e-06 | 10.4%     | 2.4 s  |
// | auto-noisy                 | 200  | 3.08772e-05       | 2.76942e-06 | 9.0%      | 3.7 s  |
// | random                     | 200  | 0.000492668       | 2.90321e-05 | 5.9%      | 0.1 s  |
// | random-without-replacement | 200  | 0.000509947       | 4.27228e-05 | 8.4%      | 0.2 s  |
// | bo-rf                      | 100  | 6.11089e-05       | 6.34286e-06 | 10.4%     | 2.4 s  |
// | bo-rf-ei                   | 100  | 5.0581e-05        | 4.87641e-06 | 9.6%      | 2.9 s  |
// | bo-rf-noisy                | 200  | 3.08772e-05       | 2.76942e-06 | 9.0%      | 3.7 s  |
// | bo-dngo                    | 100  | 5.32784e-05       | 4.89281e-06 | 9.2%      | 29 s   |
// | bo-dngo-noisy              | 100  | 7.27715e-05       | 7.54869e-06 | 10.4%     | 110 s  |
// | bo-gp                      | 100  | 0.000150833       | 2.12768e-05 | 14.1%     | 9.4 s  |
// | tpe                        | 200  | 9.00573e-05       | 8.58494e-06 | 9.5%      | 1.9 s  |
// | evolution                  | 200  | 0.000142139       | 1.07572e-05 | 7.6%      | 0.1 s  |
//
// (bo-dngo and bo-dngo-noisy were timed while five builds shared the two cores.) Every mean is
// clearly positive: at most 14% of a preset's runs end at the optimum. With the streams of the
// earlier driver (one stream per run) the means of the first nine presets were 0.83 to 1.23 times
// these; bo-gp is weaker than the forest on this all-discrete noisy space, which is not its domain.

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
        Record(preset: "auto", runs: 100, meanFinalRegret: 6.11089e-05, standardError: 6.34286e-06),
        Record(preset: "auto-noisy", runs: 200, meanFinalRegret: 3.08772e-05, standardError: 2.76942e-06),
        Record(preset: "random", runs: 200, meanFinalRegret: 0.000492668, standardError: 2.90321e-05),
        Record(preset: "random-without-replacement", runs: 200, meanFinalRegret: 0.000509947, standardError: 4.27228e-05),
        Record(preset: "bo-rf", runs: 100, meanFinalRegret: 6.11089e-05, standardError: 6.34286e-06),
        Record(preset: "bo-rf-ei", runs: 100, meanFinalRegret: 5.0581e-05, standardError: 4.87641e-06),
        Record(preset: "bo-rf-noisy", runs: 200, meanFinalRegret: 3.08772e-05, standardError: 2.76942e-06),
        Record(preset: "bo-dngo", runs: 100, meanFinalRegret: 5.32784e-05, standardError: 4.89281e-06),
        Record(preset: "bo-dngo-noisy", runs: 100, meanFinalRegret: 7.27715e-05, standardError: 7.54869e-06),
        Record(preset: "bo-gp", runs: 100, meanFinalRegret: 0.000150833, standardError: 2.12768e-05),
        Record(preset: "tpe", runs: 200, meanFinalRegret: 9.00573e-05, standardError: 8.58494e-06),
        Record(preset: "evolution", runs: 200, meanFinalRegret: 0.000142139, standardError: 1.07572e-05),
    ]

    @Test func everyPresetIsGuarded() {
        #expect(OptimizerRegistry.standard.presets.map(\.name) == Self.records.map(\.preset))
    }

    /// 100 to 200 seeded runs per preset (table above); tolerance 2x the recorded mean, and below random's unless it is random search.
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

        if spec.kind != "random" {  // every preset but random search must beat it
            let random = try #require(Self.records.first {
                $0.preset == "random" && $0.benchmark == record.benchmark && $0.evaluations == record.evaluations
            })
            #expect(
                summary.mean < random.meanFinalRegret,
                "\(measured), not below random search's recorded \(random.meanFinalRegret)")
        }
    }
}
