import HPORandom
import HPOSpace
import RealModule
import Testing

@testable import HPOSurrogate

/// `count` configurations of `space` drawn at random from `seed`, and `objective` at each.
private func randomTrials(
    _ space: SearchSpace, count: Int, seed: UInt64, _ objective: (Configuration) -> Double
) -> (configurations: [Configuration], values: [Double]) {
    var generator = SeededGenerator(seed: seed)
    let configurations = (0..<count).map { _ in space.sample(using: &generator) }
    return (configurations, configurations.map(objective))
}

@Suite("Parameter importance (fANOVA)")
struct ParameterImportanceTests {
    @Test("on 8 parameters of which 2 matter (one categorical), those 2 rank first and every other gets < 5%")
    func twoOfEight() throws {
        let space = try SearchSpace([
            .real("noise1", 1e-4, 1, log: true), .categorical("optimizer", ["sgd", "adam", "rmsprop", "adagrad"]),
            .integer("noise2", 1, 100), .real("x", 0, 1), .ordinal("noise3", [16, 32, 64]),
            .categorical("noise4", ["a", "b"]), .integer("noise5", 1, 2000, log: true), .real("noise6", -5, 5),
        ])
        let offsets = [0.0, 1.5, -1, 0.5]
        // One seeded set of 200 random trials; the objective ignores the 6 noise parameters.
        let trials = randomTrials(space, count: 200, seed: 7) { c in
            Double.sin(2 * Double.pi * c[3]) + offsets[c.index(1)]
        }
        let importance = try ParameterImportance.fanova(
            configurations: trials.configurations, values: trials.values, space: space, seed: 1)
        #expect(Set(importance.mainEffects.prefix(2).flatMap(\.parameters)) == ["x", "optimizer"])
        for effect in importance.mainEffects.dropFirst(2) {
            #expect(effect.share < 0.05, "\(effect.parameters[0]) has \(effect.share)")
        }
        #expect(importance.mainEffects.count == 8)
        #expect(importance.pairEffects.count == 10)
    }

    @Test("on a sum of one-dimensional functions every pair's interaction is below 2%")
    func additiveHasNoInteractions() throws {
        let space = try SearchSpace([
            .real("a", 0, 1), .real("b", 1, 100, log: true), .categorical("c", ["p", "q", "r"]), .integer("d", 0, 9),
        ])
        let trials = randomTrials(space, count: 1500, seed: 3) { c in
            (c[0] - 0.5) * (c[0] - 0.5) * 8 + Double.log(c[1]) / 2 + [0, 1, 0.3][c.index(2)] + (c[3] > 4 ? 0.6 : 0)
        }
        let importance = try ParameterImportance.fanova(
            configurations: trials.configurations, values: trials.values, space: space, seed: 2)
        #expect(importance.pairEffects.count == 6)
        for pair in importance.pairEffects {
            #expect(pair.share < 0.02, "\(pair.parameters) has \(pair.share)")
        }
        // The truth is 100% main effects; trees grown on finite data add small spurious
        // interactions (of pairs and of more parameters), a few percent together.
        let mainTotal = importance.mainEffects.reduce(0) { $0 + $1.share }
        #expect(mainTotal > 0.9)
    }

    @Test("f = a·x1 + b·x2 on uniform inputs gives the shares a²/(a²+b²) and b²/(a²+b²) within 4 points",
          arguments: [(2.0, 1.0), (1.0, 1.0), (3.0, 1.0)])
    func linearClosedForm(a: Double, b: Double) throws {
        let space = try SearchSpace([.real("x1", 0, 1), .real("x2", 0, 1), .real("x3", 0, 1)])
        let trials = randomTrials(space, count: 1000, seed: 11) { a * $0[0] + b * $0[1] }
        let importance = try ParameterImportance.fanova(
            configurations: trials.configurations, values: trials.values, space: space, seed: 5)
        let share = Dictionary(uniqueKeysWithValues: importance.mainEffects.map { ($0.parameters[0], $0.share) })
        #expect(abs(share["x1"]! - a * a / (a * a + b * b)) < 0.04)
        #expect(abs(share["x2"]! - b * b / (a * a + b * b)) < 0.04)
        #expect(share["x3"]! < 0.02)
    }

    @Test("the marginal of a linear parameter follows the line, and the same seed gives the same analysis")
    func marginalAndDeterminism() throws {
        let space = try SearchSpace([.real("x1", 0, 1), .categorical("c", ["p", "q"])])
        let trials = randomTrials(space, count: 500, seed: 13) { 4 * $0[0] + ($0.index(1) == 1 ? 2 : 0) }
        let analysis = try FunctionalANOVA(
            configurations: trials.configurations, values: trials.values, space: space, seed: 9)
        // E[f | x1] = 4 x1 + 1 (the categorical term averages to 1).
        let marginal = analysis.marginal(parameter: 0, at: [0.1, 0.5, 0.9])
        for (x, point) in zip([0.1, 0.5, 0.9], marginal) {
            #expect(abs(point.mean - (4 * x + 1)) < 0.15, "at \(x): \(point.mean)")
        }
        let byChoice = analysis.marginal(parameter: 1, at: [0, 1])
        #expect(abs(byChoice[0].mean - 2) < 0.15 && abs(byChoice[1].mean - 4) < 0.15)
        let again = try ParameterImportance.fanova(
            configurations: trials.configurations, values: trials.values, space: space, seed: 9)
        #expect(try analysis.importance(pairsAmong: 5) == again)
    }

    @Test("too few trials and a constant loss are refused with a message naming the count or the value")
    func refusals() throws {
        let space = try SearchSpace([.real("x", 0, 1)])
        #expect(throws: ImportanceError.notEnoughTrials(count: 1, needed: 2)) {
            try ParameterImportance.fanova(configurations: [Configuration([0.5])], values: [1], space: space)
        }
        #expect(throws: ImportanceError.constantLoss(value: 3)) {
            try ParameterImportance.fanova(configurations: [Configuration([0.1]), Configuration([0.9])], values: [3, 3], space: space)
        }
        #expect(ImportanceError.notEnoughTrials(count: 1, needed: 2).description.contains("has 1"))
    }
}
