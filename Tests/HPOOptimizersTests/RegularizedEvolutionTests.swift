import HPORandom
import HPOSpace
import Testing
@testable import HPOOptimizers

@Suite("Regularized evolution")
struct RegularizedEvolutionTests {
    static func mixedSpace() throws -> SearchSpace {
        try SearchSpace([
            .ordinal("a", [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]), .categorical("b", ["x", "y", "z"]),
            .real("c", 0, 1), .integer("d", 1, 100, log: true),
        ])
    }

    /// 30 seeds, tournaments over the whole population: the oldest member (the best value of all)
    /// has died, so every child is the best living member with exactly one parameter changed.
    @Test func oldestDiesAndTheChildIsTheWinnerWithOneParameterMutated() throws {
        let space = try Self.mixedSpace()
        var history = History(space: space)
        history.append(Observation(configuration: Configuration([0, 0, 0.05, 1]), value: 0))
        let living: [[Double]] = [[9, 2, 0.9, 100], [5, 1, 0.5, 50], [7, 2, 0.7, 70], [3, 1, 0.3, 30], [8, 2, 0.8, 80]]
        for (i, values) in living.enumerated() {
            history.append(Observation(configuration: Configuration(values), value: Double(i + 1)))
        }
        #expect(RegularizedEvolution.population(of: history, size: 5).map(\.configuration.values) == living)
        var evolution = try RegularizedEvolution(space: space, settings: .init(population: 5, sampleSize: 5))
        for seed in 0..<30 {
            var generator = SeededGenerator(seed: UInt64(seed))
            let child = try evolution.suggest(given: history, using: &generator)
            try space.validate(child)
            let changed = zip(child.values, living[0]).filter { $0 != $1 }.count
            #expect(changed == 1, "seed \(seed): child \(child.values) differs from the winner in \(changed) parameters")
        }
    }

    /// 6,000 tournaments of 3 among 10 members of distinct values: the member of rank k (0 best)
    /// wins with probability C(9 - k, 2) / C(10, 3); each frequency within 4 binomial standard errors.
    @Test func tournamentWinsAreTheBestOfTheSample() throws {
        let ranks = [4, 0, 7, 2, 9, 5, 1, 8, 3, 6]  // member i has value ranks[i]
        let population = ranks.map { Observation(configuration: Configuration([0, 0, 0.5, 1]), value: Double($0)) }[...]
        var wins = [Int](repeating: 0, count: 10)
        var generator = SeededGenerator(seed: 9)
        let tournaments = 6000
        for _ in 0..<tournaments {
            let winner = try #require(RegularizedEvolution.tournamentWinner(among: population, sampleSize: 3, using: &generator))
            wins[Int(winner.value!)] += 1
        }
        for k in 0..<10 {
            let p = Double((9 - k) * (8 - k) / 2) / 120
            let frequency = Double(wins[k]) / Double(tournaments)
            #expect(abs(frequency - p) <= 4 * (max(p * (1 - p), 1e-12) / Double(tournaments)).squareRoot() + 1e-12, "rank \(k)")
        }
    }

    @Test func failedAndRunningMembersNeverWin() {
        let population = [
            Observation(configuration: Configuration([0]), value: nil), Observation(configuration: Configuration([1]), value: 5),
            Observation(configuration: Configuration([2]), value: nil),
        ][...]
        var generator = SeededGenerator(seed: 1)
        #expect(RegularizedEvolution.tournamentWinner(among: population, sampleSize: 3, using: &generator)?.value == 5)
        #expect(RegularizedEvolution.tournamentWinner(among: population.prefix(1), sampleSize: 1, using: &generator) == nil)
    }

    @Test func neverRepeatsAndThrowsWhenTheSpaceIsExhausted() throws {
        let space = try SearchSpace([.ordinal("a", [1, 2, 3]), .categorical("b", ["x", "y"]), .integer("c", 0, 1)])
        let evolution = try RegularizedEvolution(space: space, settings: .init(population: 4, sampleSize: 2))
        let history = try suggestionLoop(evolution, steps: 12, seed: 3) { $0[0] + $0[1] + $0[2] }
        #expect(history.evaluated.count == 12)
        var optimizer = evolution
        var generator = SeededGenerator(seed: 3)
        #expect(throws: OptimizerError.spaceExhausted(size: 12)) { try optimizer.suggest(given: history, using: &generator) }
    }

    @Test func sameSeedSameSuggestions() throws {
        let evolution = try RegularizedEvolution(space: try Self.mixedSpace(), settings: .init(population: 5, sampleSize: 2))
        let objective: ([Double]) -> Double? = { $0[0] + $0[1] + $0[2] + $0[3] / 100 }
        let first = try suggestionLoop(evolution, steps: 40, seed: 7, objective: objective).observations
        #expect(first == (try suggestionLoop(evolution, steps: 40, seed: 7, objective: objective).observations))
        #expect(first != (try suggestionLoop(evolution, steps: 40, seed: 8, objective: objective).observations))
    }

    @Test func sampleSizeAbovePopulationIsRefused() throws {
        #expect(throws: OptimizerError.invalidSetting(name: "sample size", value: "30", valid: "an integer in 1...20 (at most the population)")) {
            try RegularizedEvolution(space: try Self.mixedSpace(), settings: .init(population: 20, sampleSize: 30))
        }
    }
}
