import HPOObjective
import HPORandom
import HPORun
import HPOSpace
import Testing
@testable import HPOOptimizers

@Suite("Random search")
struct RandomSearchTests {
    /// The exact expected regret of the best of `n` uniform draws with replacement from a table:
    /// with the true values sorted, v(1) <= ... <= v(N), P(min >= v(i)) = ((N - i + 1) / N)^n, so
    /// E[min] = sum_i v(i) [((N - i + 1) / N)^n - ((N - i) / N)^n].
    static func expectedRegret(sortedValues v: [Double], draws n: Int) -> Double {
        let count = Double(v.count)
        var expectation = 0.0
        for (i, value) in v.enumerated() {
            let above = Double(v.count - i)
            expectation += value * (pow(above / count, n) - pow((above - 1) / count, n))
        }
        return expectation - v[0]
    }

    static func pow(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= x }
        return result
    }

    @Test("mean final regret over 1,000 runs is within 4 standard errors of the closed form", arguments: [10, 50])
    func regretMatchesClosedForm(draws: Int) throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .mean)
        let expected = Self.expectedRegret(sortedValues: benchmark.table.meanValidationMSE.sorted(), draws: draws)
        let loop = try RunLoop(optimizer: .random(.init()), objective: benchmark, evaluations: draws)
        let results = try Experiment(loop: loop, runs: 1000, seed: 2019).perform(jobs: 2)
        let summary = SampleSummary(results.compactMap(\.finalRegret))
        #expect(summary.count == 1000)
        #expect(abs(summary.mean - expected) <= 4 * summary.standardError,
                "mean \(summary.mean) vs exact \(expected), standard error \(summary.standardError)")
        // The closed form is not trivially small: the test can fail.
        #expect(expected > 10 * summary.standardError)
    }

    @Test("without replacement never repeats a configuration and exhausts a finite space exactly")
    func withoutReplacement() throws {
        let space = try SearchSpace([.categorical("a", ["x", "y", "z"]), .integer("n", 1, 4)])
        var optimizer = RandomSearch(space: space, settings: .init(withoutReplacement: true))
        var history = History(space: space)
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<12 {
            let configuration = try optimizer.suggest(given: history, using: &generator)
            #expect(!history.contains(configuration))
            history.append(Observation(configuration: configuration, value: 1))
        }
        #expect(history.evaluated.count == 12)
        #expect(throws: OptimizerError.spaceExhausted(size: 12)) { try optimizer.suggest(given: history, using: &generator) }
        #expect(OptimizerError.spaceExhausted(size: 12).description == "all 12 configurations of the space have been evaluated: evaluate fewer, or allow repeats (allow_repeats=true, or random search)")
    }

    @Test("with replacement, draws are uniform over a finite space (each cell within 4 standard errors)")
    func uniformOverConfigurations() throws {
        let space = try SearchSpace([.categorical("a", ["x", "y"]), .ordinal("b", [1, 2, 3])])
        var optimizer = RandomSearch(space: space)
        var generator = SeededGenerator(seed: 4)
        let history = History(space: space)
        var counts = [Int](repeating: 0, count: 6)
        let n = 60_000
        for _ in 0..<n { counts[try space.id(of: optimizer.suggest(given: history, using: &generator))] += 1 }
        let sd = (Double(n) / 6 * 5 / 6).squareRoot()
        for count in counts { #expect(abs(Double(count) - Double(n) / 6) < 4 * sd) }
    }
}
