import Testing
@testable import HPORandom

@Suite("Seeded generator")
struct SeededGeneratorTests {
    @Test("xoshiro256** matches the reference sequence from state {1, 2, 3, 4}")
    func knownAnswer() {
        // Computed independently with the reference algorithm (Blackman and Vigna) in Python.
        var generator = SeededGenerator(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600]
        #expect((0..<6).map { _ in generator.next() } == expected)
    }

    @Test("SplitMix64 matches the reference sequence from seed 0")
    func splitMixKnownAnswer() {
        var mixer = SplitMix64(seed: 0)
        #expect([mixer.next(), mixer.next(), mixer.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test("the same seed and stream give the same sequence; other streams and seeds differ")
    func streams() {
        func draw(_ seed: UInt64, _ stream: UInt64) -> [UInt64] {
            var generator = SeededGenerator(seed: seed, stream: stream)
            return (0..<8).map { _ in generator.next() }
        }
        #expect(draw(42, 3) == draw(42, 3))
        #expect(draw(42, 3) != draw(42, 4))
        #expect(draw(42, 3) != draw(43, 3))
        let firsts = Set((0..<1000).map { draw(7, UInt64($0))[0] })
        #expect(firsts.count == 1000)
    }

    @Test("uniform variates have mean 1/2 and variance 1/12 (within 4 standard errors)")
    func uniform() {
        var generator = SeededGenerator(seed: 1)
        let n = 200_000
        let values = (0..<n).map { _ in generator.nextUniform() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / Double(n)
        #expect(abs(mean - 0.5) < 4 * (1.0 / 12).squareRoot() / Double(n).squareRoot())
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        // Var of (U - 1/2)^2 is 1/80 - 1/144.
        #expect(abs(variance - 1.0 / 12) < 4 * (1.0 / 80 - 1.0 / 144).squareRoot() / Double(n).squareRoot())
    }

    @Test("normal variates have mean 0, variance 1 and the right tail mass")
    func normal() {
        var generator = SeededGenerator(seed: 2)
        let n = 200_000
        let values = (0..<n).map { _ in generator.nextNormal() }
        let mean = values.reduce(0, +) / Double(n)
        #expect(abs(mean) < 4 / Double(n).squareRoot())
        let variance = values.reduce(0) { $0 + $1 * $1 } / Double(n) - mean * mean
        #expect(abs(variance - 1) < 4 * 2.0.squareRoot() / Double(n).squareRoot())
        // P(Z > 1.96) = 0.0249979
        let tail = Double(values.filter { $0 > 1.96 }.count) / Double(n)
        #expect(abs(tail - 0.0249979) < 4 * (0.025 * 0.975 / Double(n)).squareRoot())
    }

    @Test("integers below a bound are uniform (each bucket within 4 standard errors)")
    func integers() {
        var generator = SeededGenerator(seed: 3)
        let bound = 7, n = 140_000
        var counts = [Int](repeating: 0, count: bound)
        for _ in 0..<n { counts[generator.nextInt(below: bound)] += 1 }
        let p = 1.0 / Double(bound)
        let sd = (Double(n) * p * (1 - p)).squareRoot()
        for count in counts { #expect(abs(Double(count) - Double(n) * p) < 4 * sd) }
        #expect((0..<1000).allSatisfy { _ in (-3...3).contains(generator.nextInt(in: -3...3)) })
    }

    @Test("shuffle permutes, sample draws distinct values, each position uniform")
    func shuffleAndSample() {
        var generator = SeededGenerator(seed: 4)
        var items = Array(0..<50)
        generator.shuffle(&items)
        #expect(items.sorted() == Array(0..<50))
        #expect(items != Array(0..<50))
        let drawn = generator.sample(20, from: 30)
        #expect(Set(drawn).count == 20 && drawn.allSatisfy { (0..<30).contains($0) })
        // The first element of a shuffle of 4 is uniform over 4 values.
        var firsts = [Int](repeating: 0, count: 4)
        let n = 40_000
        for _ in 0..<n {
            var small = [0, 1, 2, 3]
            generator.shuffle(&small)
            firsts[small[0]] += 1
        }
        let sd = (Double(n) * 0.25 * 0.75).squareRoot()
        for count in firsts { #expect(abs(Double(count) - Double(n) / 4) < 4 * sd) }
    }
}
