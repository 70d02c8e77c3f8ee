import HPORandom
import HPOSpace
import Testing
@testable import HPOAcquisition

@Suite struct TrustRegionMaximizerTests {
    /// 4 ordinal parameters with 6 values each (1,296 configurations).
    let space = try! SearchSpace((0..<4).map { try Parameter.ordinal("x\($0)", [0, 1, 2, 3, 4, 5]) })
    let target: [Double] = [4, 1, 5, 2]

    /// A unimodal acquisition with its maximum 0 at `target`.
    func bowl(_ c: Configuration) -> Double {
        -zip(c.values, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    @Test func membershipByIDAgreesWithMembershipByConfiguration() throws {
        let all = try space.allConfigurations()
        for radius in 0...4 {
            let ball = HammingBall(center: Configuration([0, 3, 5, 1]), radius: radius, in: space)
            var inside: [Bool] = []
            ball.forEachID(in: space) { id, isInside in
                #expect(id == inside.count)
                inside.append(isInside)
            }
            #expect(inside == all.map(ball.contains), "radius \(radius)")
            // The ball of radius r holds sum over k <= r of C(4, k) 5^k configurations.
            let expected = [1, 21, 171, 671, 1296][radius]
            #expect(inside.filter { $0 }.count == expected, "radius \(radius)")
        }
    }

    @Test func samplesStayInsideAndReachEveryMember() throws {
        let small = try SearchSpace((0..<3).map { try Parameter.categorical("c\($0)", ["a", "b", "c"]) })
        let ball = HammingBall(center: Configuration([1, 1, 1]), radius: 1, in: small)
        var generator = SeededGenerator(seed: 12)
        var seen = Set<Configuration>()
        for _ in 0..<2_000 {
            let sample = ball.sample(in: small, using: &generator)
            #expect(ball.distance(to: sample) <= 1, "\(sample.values) is outside")
            seen.insert(sample)
        }
        // The centre and its 6 neighbours; each neighbour has probability 1/9 a draw.
        #expect(seen.count == 7)
        let point = HammingBall(center: Configuration([2, 0, 1]), radius: -1, in: small)
        #expect(point.radius == 0)
        #expect(point.sample(in: small, using: &generator) == Configuration([2, 0, 1]))
    }

    /// The exact best of `score` inside `ball` and outside `excluded`.
    func bestInside(_ ball: HammingBall, excluding excluded: Set<Configuration>, _ score: (Configuration) -> Double) throws -> Double {
        try space.allConfigurations().filter { ball.contains($0) && !excluded.contains($0) }.map(score).max() ?? -.infinity
    }

    @Test func maximizersReturnTheBestConfigurationInsideTheRegion() throws {
        // The bowl's optimum is 3 changes away from the centre; radii 1 and 2 hide it.
        let center = Configuration([4, 3, 2, 0])
        let maximizers: [any AcquisitionMaximizer] = [
            VariableNeighbourhoodAscent(), ExhaustiveEnumeration(), RandomSampling(samples: 5_000),
        ]
        for radius in 1...3 {
            let ball = HammingBall(center: center, radius: radius, in: space)
            let excluded: Set = [center]
            let best = try bestInside(ball, excluding: excluded, bowl)
            for maximizer in maximizers {
                var generator = SeededGenerator(seed: 7)
                let found = try #require(maximizer.maximize(
                    over: space, within: ball, starts: [center, Configuration(target)], excluding: excluded,
                    using: &generator, score: bowl))
                #expect(ball.contains(found.configuration), "\(type(of: maximizer)) left radius \(radius): \(found.configuration.values)")
                #expect(found.score == best, "\(type(of: maximizer)) radius \(radius) found \(found.score), best \(best)")
            }
        }
    }

    @Test func vnaAndExhaustiveNeverLeaveTheRegionOnRandomScores() throws {
        var draws = SeededGenerator(seed: 21)
        for trial in 0..<20 {
            let table = (0..<1_296).map { _ in draws.nextUniform() }
            let score = { (c: Configuration) -> Double in table[self.space.fastID(of: c) ?? 0] }
            let center = space.sample(using: &draws)
            let ball = HammingBall(center: center, radius: 1 + trial % 3, in: space)
            let excluded: Set = [center]
            var generator = SeededGenerator(seed: UInt64(trial))
            let vna = try #require(VariableNeighbourhoodAscent().maximize(
                over: space, within: ball, starts: [center, space.sample(using: &draws)], excluding: excluded, using: &generator, score: score))
            #expect(ball.contains(vna.configuration) && vna.configuration != center)
            let exhaustive = try #require(ExhaustiveEnumeration().maximize(
                over: space, within: ball, scores: table, excluding: excluded, using: &generator))
            #expect(ball.contains(exhaustive.configuration))
            #expect(exhaustive.score == (try bestInside(ball, excluding: excluded, score)))
        }
    }

    @Test func aRegionWhoseMembersAreAllExcludedGivesNothing() throws {
        let center = Configuration([0, 0, 0, 0])
        let ball = HammingBall(center: center, radius: 1, in: space)
        let members = Set(try space.allConfigurations().filter(ball.contains))
        #expect(members.count == 21)
        var generator = SeededGenerator(seed: 3)
        for maximizer in [VariableNeighbourhoodAscent(), ExhaustiveEnumeration()] as [any AcquisitionMaximizer] {
            let found = maximizer.maximize(over: space, within: ball, starts: [center], excluding: members, using: &generator, score: bowl)
            #expect(found == nil, "\(type(of: maximizer)) returned \(found?.configuration.values ?? [])")
        }
    }

    @Test func aRegionCoveringTheSpaceChangesNothing() throws {
        let ball = HammingBall(center: Configuration([0, 0, 0, 0]), radius: 4, in: space)
        #expect(ball.coversSpace)
        var withBall = SeededGenerator(seed: 8)
        var without = SeededGenerator(seed: 8)
        let a = VariableNeighbourhoodAscent().maximize(over: space, within: ball, starts: [], excluding: [], using: &withBall, score: bowl)
        let b = VariableNeighbourhoodAscent().maximize(over: space, starts: [], excluding: [], using: &without, score: bowl)
        #expect(a == b)
        #expect(withBall == without)
    }
}
