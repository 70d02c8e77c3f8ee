import HPOSpace
import Testing
@testable import HPOOptimizers

@Suite("History and its incumbent")
struct HistoryTests {
    let space: SearchSpace
    init() throws { space = try SearchSpace([.ordinal("x", [0, 1, 2, 3])]) }

    func history(_ observations: [(Double, Double?)]) -> History {
        var history = History(space: space)
        for (x, value) in observations { history.append(Observation(configuration: Configuration([x]), value: value)) }
        return history
    }

    @Test("without repeats the incumbent is the lowest observation, the first on ties; failures never lead")
    func singleObservations() {
        #expect(history([]).incumbent == nil)
        #expect(history([(0, nil)]).incumbent == nil)
        let h = history([(0, nil), (1, 0.5), (2, 0.25), (3, 0.25)])
        #expect(h.incumbent == Configuration([2]))
        #expect(h.incumbentTally == History.Tally(firstIndex: 2, sum: 0.25, count: 1, evaluations: 1))
        #expect(h.tallies[Configuration([0])]?.mean == nil)
        #expect(h.tallies[Configuration([0])]?.evaluations == 1)
    }

    @Test("the settled count is the results before the first running evaluation")
    func settledCount() {
        var h = history([(0, 0.5), (1, nil)])
        #expect(h.settledCount == 2)
        h.appendRunning(Configuration([2]))
        h.appendRunning(Configuration([3]))
        #expect(h.count == 4 && h.settledCount == 2)
    }

    @Test("a repeated configuration is judged by the mean of its observations")
    func meanOfRepeats() throws {
        // x = 1 draws 0.25 (leads), then 0.75: mean 0.5, behind x = 2's 0.375, which takes the lead.
        var h = history([(1, 0.25), (2, 0.375)])
        #expect(h.incumbent == Configuration([1]))
        h.append(Observation(configuration: Configuration([1]), value: 0.75))
        #expect(h.incumbent == Configuration([2]))
        // Squared deviations: (0.25 - 0.5)² + (0.75 - 0.5)² = 0.125.
        #expect(h.tallies[Configuration([1])] == History.Tally(firstIndex: 0, sum: 1, count: 2, evaluations: 2, squaredDeviations: 0.125))
        #expect(h.tallies[Configuration([1])]?.mean == 0.5)
        // A failed repeat changes nothing but the count of evaluations.
        h.append(Observation(configuration: Configuration([2]), value: nil))
        #expect(h.incumbent == Configuration([2]))
        #expect(h.incumbentTally == History.Tally(firstIndex: 1, sum: 0.375, count: 1, evaluations: 2))
        // A lower repeat keeps the lead; equal means go to the configuration evaluated first.
        h.append(Observation(configuration: Configuration([2]), value: 0.125))
        #expect(h.incumbent == Configuration([2]) && h.incumbentTally?.mean == 0.25)
        h.append(Observation(configuration: Configuration([3]), value: 0.25))
        #expect(h.incumbent == Configuration([2]))
        h.append(Observation(configuration: Configuration([1]), value: -0.25))  // x = 1: mean 0.25, evaluated first
        #expect(h.incumbent == Configuration([1]))
    }

    @Test("the incumbent equals a brute-force argmin of the means after every observation")
    func matchesBruteForce() {
        var h = History(space: space)
        var state: UInt64 = 7
        for step in 0..<300 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let x = Double((state >> 33) % 4)
            let value: Double? = (state >> 20) % 10 == 0 ? nil : Double((state >> 40) % 7)
            h.append(Observation(configuration: Configuration([x]), value: value))
            var sums: [Double: (sum: Double, count: Int, first: Int)] = [:]
            for (i, o) in h.observations.enumerated() {
                var entry = sums[o.configuration.values[0]] ?? (0, 0, i)
                if let v = o.value { entry.sum += v; entry.count += 1 }
                sums[o.configuration.values[0]] = entry
            }
            let expected = sums.filter { $0.value.count > 0 }.min {
                let a = $0.value.sum / Double($0.value.count), b = $1.value.sum / Double($1.value.count)
                return a < b || (a == b && $0.value.first < $1.value.first)
            }?.key
            #expect(h.incumbent?.values[0] == expected, "after step \(step)")
            // The pooled standard deviation of the repeats, by its two-pass definition.
            var squares = 0.0
            var degrees = 0
            for x in 0..<4 {
                let values = h.observations.filter { $0.configuration.values[0] == Double(x) }.compactMap(\.value)
                guard values.count > 1 else { continue }
                let mean = values.reduce(0, +) / Double(values.count)
                squares += values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
                degrees += values.count - 1
            }
            let pooled = degrees >= 2 ? (squares / Double(degrees)).squareRoot() : nil
            #expect(h.repeatedStandardDeviation.map { abs($0 - pooled!) <= 1e-12 * max(pooled!, 1) } ?? (pooled == nil), "after step \(step)")
        }
    }
}
