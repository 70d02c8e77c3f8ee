import Foundation
import HPO

// speed:   time of one bo-gp suggestion (fit + acquisition maximization) after 10, 100 and 1,000
//          random observations of a 6-d function (Hartmann-6), one thread, median of repetitions.
// guard:   bo-gp's mean final regret under PresetQualityTests' protocol (fcnet-slice, noisy).
// quality: final regret of bo-gp and bo-rf on Branin (30 evaluations) and Hartmann-6 (50) over
//          10 seeds, mean and standard error.

func branin(_ x: [Double]) -> Double {
    let (a, b, c) = (1.0, 5.1 / (4 * Double.pi * Double.pi), 5 / Double.pi)
    let (r, s, t) = (6.0, 10.0, 1 / (8 * Double.pi))
    let u = x[1] - b * x[0] * x[0] + c * x[0] - r
    return a * u * u + s * (1 - t) * cos(x[0]) + s
}

func hartmann6(_ x: [Double]) -> Double {
    let alpha = [1.0, 1.2, 3.0, 3.2]
    let a: [[Double]] = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
    let p: [[Double]] = [
        [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
        [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
    ]
    var sum = 0.0
    for i in 0..<4 {
        var inner = 0.0
        for j in 0..<6 { inner += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]) }
        sum += alpha[i] * exp(-inner)
    }
    return -sum
}

let braninSpace = try SearchSpace([.real("x1", -5, 10), .real("x2", 0, 15)])
let hartmannSpace = try SearchSpace((1...6).map { try Parameter.real("x\($0)", 0, 1) })

func run(_ label: String, space: SearchSpace, evaluations: Int, seed: UInt64, _ f: ([Double]) -> Double) throws -> Double {
    var optimizer = try OptimizerRegistry.standard.optimizer(label: label).spec.makeOptimizer(space: space)
    var history = History(space: space)
    var generator = SeededGenerator(seed: seed)
    var best = Double.infinity
    for _ in 0..<evaluations {
        let configuration = try optimizer.suggest(given: history, using: &generator)
        let value = f(configuration.values)
        best = min(best, value)
        history.append(Observation(configuration: configuration, value: value))
    }
    return best
}

func meanAndError(_ xs: [Double]) -> (Double, Double) {
    let mean = xs.reduce(0, +) / Double(xs.count)
    let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
    return (mean, (variance / Double(xs.count)).squareRoot())
}

let mode = CommandLine.arguments.dropFirst().first ?? "speed"
if mode == "guard" {
    // The protocol of PresetQualityTests: fcnet-slice, noisy, 50 evaluations, seed 11, R runs.
    let runs = Int(CommandLine.arguments.dropFirst(2).first ?? "100") ?? 100
    let spec = try OptimizerRegistry.standard.preset(named: "bo-gp").spec
    let benchmark = try BenchmarkRegistry.standard.benchmark(named: "fcnet-slice", objective: "noisy")
    let loop = try RunLoop(optimizer: spec, objective: benchmark, evaluations: 50)
    let start = ContinuousClock.now
    let results = try Experiment(loop: loop, runs: runs, seed: 11).perform(jobs: 2)
    let summary = SampleSummary(results.compactMap(\.finalRegret))
    print("bo-gp fcnet-slice \(runs) runs: mean final regret \(summary.mean) SE \(summary.standardError) (\(ContinuousClock.now - start))")
} else if mode == "quality" {
    let seeds = 10
    for (name, space, evaluations, optimum, f) in [
        ("branin", braninSpace, 30, 0.397887, branin), ("hartmann6", hartmannSpace, 50, -3.32237, hartmann6),
    ] as [(String, SearchSpace, Int, Double, ([Double]) -> Double)] {
        for label in ["bo-gp", "bo-rf", "random"] {
            let regrets = try (0..<seeds).map { try run(label, space: space, evaluations: evaluations, seed: UInt64($0), f) - optimum }
            let (mean, error) = meanAndError(regrets)
            print("\(name) \(evaluations) evaluations \(label): regret \(String(format: "%.4f", mean)) ± \(String(format: "%.4f", error))  (\(regrets.map { String(format: "%.3g", $0) }.joined(separator: " ")))")
        }
    }
} else {
    let repetitions = 7
    for count in [10, 100, 1000] {
        var times: [Double] = []
        for repetition in 0..<repetitions {
            var generator = SeededGenerator(seed: 7, stream: UInt64(repetition))
            var history = History(space: hartmannSpace)
            for _ in 0..<count {
                let configuration = hartmannSpace.sample(using: &generator)
                history.append(Observation(configuration: configuration, value: hartmann6(configuration.values)))
            }
            var settings = BayesianOptimization.GaussianProcessKind.loopDefaults
            settings.initialDesignSize = 0
            var optimizer = try BayesianOptimization(space: hartmannSpace, surrogate: GaussianProcess(space: hartmannSpace), settings: settings)
            var warmUp = History(space: hartmannSpace)
            for observation in history.observations.dropLast() { warmUp.append(observation) }
            _ = try optimizer.fitAcquisition(given: warmUp, using: &generator)  // the warm start of a run
            let elapsed = try ContinuousClock().measure { _ = try optimizer.suggest(given: history, using: &generator) }
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        times.sort()
        print("observations \(count): median \(String(format: "%.1f", times[repetitions / 2])) ms, min \(String(format: "%.1f", times[0])) ms")
    }
}
