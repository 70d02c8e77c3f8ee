import HPORandom
import HPOSpace
import Testing
@testable import HPOAcquisition

@Suite struct MaximizerTests {
    /// 4 ordinal parameters with 6 values each (1,296 configurations).
    let space = try! SearchSpace((0..<4).map { try Parameter.ordinal("x\($0)", [0, 1, 2, 3, 4, 5]) })
    let target: [Double] = [4, 1, 5, 2]

    /// A unimodal synthetic acquisition with its maximum 0 at `target`.
    func bowl(_ c: Configuration) -> Double {
        -zip(c.values, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    @Test func everyMaximizerFindsTheOptimumOfABowl() throws {
        let maximizers: [any AcquisitionMaximizer] = [
            VariableNeighbourhoodAscent(), ExhaustiveEnumeration(), RandomSampling(samples: 20_000),
        ]
        for maximizer in maximizers {
            var generator = SeededGenerator(seed: 3)
            let found = try #require(maximizer.maximize(
                over: space, starts: [space.defaultConfiguration], excluding: [], using: &generator, score: bowl))
            #expect(found.configuration.values == target, "\(type(of: maximizer)) found \(found.configuration.values)")
            #expect(found.score == 0)
        }
    }

    @Test func excludedConfigurationsAreNeverReturned() throws {
        let excluded: Set = [Configuration(target)]
        for maximizer in [VariableNeighbourhoodAscent(), ExhaustiveEnumeration()] as [any AcquisitionMaximizer] {
            var generator = SeededGenerator(seed: 4)
            let found = try #require(maximizer.maximize(
                over: space, starts: [Configuration(target)], excluding: excluded, using: &generator, score: bowl))
            #expect(found.configuration != Configuration(target))
            #expect(found.score == -1, "the runner-up of the bowl is one step away")
        }
    }

    @Test func aDistanceTwoOptimumNeedsRadiusTwo() throws {
        // From (0, 0) every single change is worse; only changing both parameters improves.
        let pair = try SearchSpace([Parameter.categorical("a", ["p", "q"]), Parameter.categorical("b", ["p", "q"]), Parameter.categorical("c", ["p", "q", "r"])])
        let score = { (c: Configuration) -> Double in
            let pairScore: Double = switch (c.values[0], c.values[1]) {
            case (0, 0): 1
            case (1, 1): 2
            default: 0
            }
            return pairScore - 0.1 * c.values[2]
        }
        let start = Configuration([0, 0, 0])
        for radius in 1...3 {
            let vna = VariableNeighbourhoodAscent(settings: .init(maximumDistance: radius, observedStarts: 1, randomStarts: 0))
            var generator = SeededGenerator(seed: 5)
            let found = try #require(vna.maximize(over: pair, starts: [start], excluding: [], using: &generator, score: score))
            let expected: [Double] = radius >= 2 ? [1, 1, 0] : [0, 0, 0]
            #expect(found.configuration.values == expected, "radius \(radius) ended at \(found.configuration.values)")
        }
    }

    @Test func exhaustiveTiesAreBrokenUniformly() throws {
        let cube = try SearchSpace((0..<3).map { try Parameter.categorical("b\($0)", ["0", "1"]) })
        var counts = [Int](repeating: 0, count: 8)
        var generator = SeededGenerator(seed: 6)
        let draws = 8_000
        for _ in 0..<draws {
            let found = try #require(ExhaustiveEnumeration().maximize(
                over: cube, starts: [], excluding: [], using: &generator) { _ in 1 })
            counts[try cube.id(of: found.configuration)] += 1
        }
        // Each count is Binomial(8000, 1/8): mean 1000, standard deviation 29.6; allow 4 sd.
        for (id, count) in counts.enumerated() {
            #expect(abs(count - 1000) < 119, "configuration \(id) was chosen \(count) times")
        }
    }

    @Test func exhaustiveGivesTheSameFromATableAsFromAScoreFunction() throws {
        // Coarse scores make many ties, so the two paths must also break them alike.
        let coarse = { (c: Configuration) -> Double in (self.bowl(c) / 8).rounded(.down) }
        let table = try space.allConfigurations().map(coarse)
        let excluded: Set = [Configuration(target), Configuration([4, 1, 5, 3])]
        for seed in 0..<20 as Range<UInt64> {
            var byFunction = SeededGenerator(seed: seed)
            var byTable = SeededGenerator(seed: seed)
            let a = ExhaustiveEnumeration().maximize(over: space, starts: [], excluding: excluded, using: &byFunction, score: coarse)
            let b = ExhaustiveEnumeration().maximize(over: space, scores: table, excluding: excluded, using: &byTable)
            #expect(a == b)
            #expect(a.map { !excluded.contains($0.configuration) && $0.score == -1 } == true)
        }
        var generator = SeededGenerator(seed: 1)
        #expect(ExhaustiveEnumeration().maximize(over: space, scores: [1, 2], excluding: [], using: &generator) == nil)
    }

    @Test func vnaByIDMatchesTheAscentOverConfigurations() throws {
        // Coarse scores make plateaus and ties; radius 3 exercises every level of the enumeration.
        let mixed = try SearchSpace([
            .categorical("a", ["p", "q", "r"]), .ordinal("b", [1, 2, 3, 4]), .integer("c", 3, 7), .categorical("d", ["x", "y"]),
        ])
        let coarse = { (c: Configuration) -> Double in
            (-(c[0] - 1) * (c[0] - 1) - abs(c[1] - 2) * c[3] - (c[2] - 6) * (c[2] - 6) / 4).rounded(.down)
        }
        let strides = try #require(mixed.idStrides)
        var draws = SeededGenerator(seed: 11)
        for radius in 1...3 {
            let vna = VariableNeighbourhoodAscent(settings: .init(maximumDistance: radius))
            for _ in 0..<40 {
                let start = mixed.sample(using: &draws)
                let seed = draws.next()
                var byConfiguration = SeededGenerator(seed: seed)
                var byID = SeededGenerator(seed: seed)
                let a = vna.ascend(from: start, space: mixed, using: &byConfiguration, score: coarse)
                var memo = ScoreMemo(space: mixed, excluding: [])
                let b = vna.ascendByID(from: start, space: mixed, strides: strides, memo: &memo, using: &byID, score: coarse)
                #expect(a == b, "radius \(radius) from \(start.values)")
                #expect(byConfiguration.next() == byID.next(), "both ascents must draw the same ties")
            }
        }
    }

    @Test func vnaMovesRealParametersByGaussianSteps() throws {
        let mixed = try SearchSpace([Parameter.real("r", 0, 10), Parameter.categorical("c", ["a", "b"])])
        var generator = SeededGenerator(seed: 7)
        let found = try #require(VariableNeighbourhoodAscent().maximize(
            over: mixed, starts: [Configuration([1, 0])], excluding: [], using: &generator
        ) { c in -abs(c.values[0] - 7.5) + c.values[1] })
        #expect(abs(found.configuration.values[0] - 7.5) < 0.2)
        #expect(found.configuration.values[1] == 1)
    }
}
