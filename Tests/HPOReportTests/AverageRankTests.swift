import HPORandom
import Testing
@testable import HPOReport

@Suite("Average rank over problems")
struct AverageRankTests {
    @Test("ranks: lowest first, ties share the average of the ranks they span")
    func ranks() {
        #expect(AverageRank.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(AverageRank.ranks([0, 0, 0]) == [2, 2, 2])
        #expect(AverageRank.ranks([5, 4, 3, 2, 1]) == [5, 4, 3, 2, 1])
        #expect(AverageRank.ranks([1e-3, 0, 0, 7]) == [3, 1.5, 1.5, 4])
    }

    /// Three optimizers A, B, C on three problems, by hand:
    /// problem 1 means (A 1, B 2, C 3) → ranks (1, 2, 3);
    /// problem 2 means (A 0, B 0, C 5) → ranks (1.5, 1.5, 3);
    /// problem 3 means (A 4, B 1, C 2.5) → ranks (3, 1, 2) (A's runs 2 and 6 average 4);
    /// averages: A (1 + 1.5 + 3)/3 = 11/6, B (2 + 1.5 + 1)/3 = 1.5, C (3 + 3 + 2)/3 = 8/3.
    @Test("the average over problems of the ranks of the mean scores, as computed by hand")
    func handExample() {
        let scores: [[[Double]]] = [
            [[1, 1], [2], [3, 3, 3]],
            [[0, 0], [0], [5]],
            [[2, 6], [1, 1], [2, 3]],
        ]
        var generator = SeededGenerator(seed: 1)
        let rank = AverageRank(optimizers: ["A", "B", "C"], scores: scores, resamples: 200, generator: &generator)
        #expect(abs(rank.mean[0] - 11.0 / 6) < 1e-12)
        #expect(rank.mean[1] == 1.5)
        #expect(abs(rank.mean[2] - 8.0 / 3) < 1e-12)
        #expect(rank.problems == 3)
        for o in 0..<3 {
            // A bootstrap average rank lies in 1 ... 3; the interval is ordered.
            #expect(rank.low[o] >= 1 && rank.high[o] <= 3 && rank.low[o] <= rank.high[o])
        }
        // Every resample ranks C last or tied last on problem 1 and 2: its interval cannot reach 1.
        #expect(rank.low[2] > 1)
    }

    @Test("a problem where every run is the same gives a degenerate interval: no spread to resample")
    func noSpread() {
        var generator = SeededGenerator(seed: 2)
        let rank = AverageRank(optimizers: ["A", "B"], scores: [[[1, 1], [2, 2]]], resamples: 100, generator: &generator)
        #expect(rank.mean == [1, 2])
        #expect(rank.low == [1, 2])
        #expect(rank.high == [1, 2])
    }

    @Test("the same seed gives the same interval")
    func reproducible() {
        let scores: [[[Double]]] = [[[1, 4, 2], [2, 3, 1]], [[0.5, 0.1], [0.2, 0.3]]]
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        #expect(AverageRank(optimizers: ["x", "y"], scores: scores, generator: &a)
            == AverageRank(optimizers: ["x", "y"], scores: scores, generator: &b))
    }
}
