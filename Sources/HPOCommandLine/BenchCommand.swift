import ArgumentParser
import Foundation
import HPO

/// `hpo bench`: the benchmarks behind BENCHMARKS.md — time per Bayesian-optimization suggestion
/// and how often Variable Neighbourhood Ascent finds the exact argmax of the acquisition.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark Bayesian optimization (bo-rf, bo-gp, bo-dngo, ...): time per suggestion, or how exact VNA is.",
        discussion: """
            --mode speed times one model-based suggestion (fit the surrogate, maximize the \
            acquisition) after --observations random evaluations, on one thread, with the \
            optimizer's own maximizer (gradient for bo-gp), with VNA and, in a finite space, \
            with exhaustive enumeration; build with -c release. Each timed suggestion follows an \
            untimed fit on all but the last observation, so a surrogate that keeps state between \
            fits (bo-dngo's warm start) is timed as in a run. "fit only" is the part of a \
            suggestion spent fitting the surrogate and finding the incumbent. --mode vna takes the \
            histories of --runs runs after --observations evaluations each, and for every fitted \
            model compares the acquisition optimum VNA finds with the exact one.
            """
    )

    enum Mode: String, CaseIterable, ExpressibleByArgument {
        case speed, vna
    }

    @Option(help: "What to measure: speed (time per suggestion) or vna (VNA against the exact argmax).")
    var mode: Mode = .speed

    @OptionGroup(title: "Optimizer (Bayesian optimization: bo-rf, bo-rf-noisy, bo-dngo, ...)")
    var optimizer: OptimizerOptions

    @Option(help: "The benchmark: \(BenchmarkRegistry.standard.names.joined(separator: ", ")).")
    var benchmark: String = "fcnet-protein"

    @Option(help: "Numbers of observations to measure at (comma-separated).")
    var observations: Checkpoints = Checkpoints(counts: [10, 100, 1000])

    @Option(help: "speed: timed suggestions per number of observations and maximizer (the median is reported).")
    var repetitions: Int = 21

    @Option(help: "vna: runs of --optimizer whose histories give the acquisition problems.")
    var runs: Int = 20

    @Option(help: "The seed.")
    var seed: UInt64 = 0

    func validate() throws {
        for (name, value) in [("--repetitions", repetitions), ("--runs", runs)] where value <= 0 {
            throw ValidationError("\(name) must be a positive integer, not \(value)")
        }
    }

    /// The chosen optimizer, which must be Bayesian optimization, with its surrogate and loop settings.
    private func bayesianOptimization() throws -> (label: String, surrogate: SurrogateKind, settings: BayesianOptimization.Settings) {
        let optimizer = try self.optimizer.resolve()
        guard let (surrogate, settings) = optimizer.spec.bayesianOptimization else {
            throw ValidationError("--optimizer must be Bayesian optimization (bo-rf, bo-rf-noisy, bo-dngo, ...), not \(optimizer.label)")
        }
        return (optimizer.label, surrogate, settings)
    }

    func run() throws {
        let objective = try BenchmarkRegistry.standard.benchmark(named: benchmark, objective: "noisy")
        switch mode {
        case .speed: try measureSpeed(objective)
        case .vna: try measureVNA(objective)
        }
    }

    // MARK: - Speed

    private func measureSpeed(_ objective: any Benchmark) throws {
        let space = objective.space
        let (label, surrogate, loop) = try bayesianOptimization()
        print("\(label) time per suggestion on \(objective.name), \(repetitions) repetitions, one thread (milliseconds;")
        print("CPU time of the thread, less inflated than wall-clock time on a busy machine; last column: wall-clock median)")
        print("observations  maximizer   median      lower quartile  upper quartile  wall median")
        for count in observations.counts {
            if let size = space.size, count >= size {
                throw ValidationError("--observations \(count) leaves nothing to suggest in a space of \(size) configurations")
            }
            for (name, maximizer) in Self.timedMaximizers(of: loop, space: space) {
                var settings = loop
                settings.maximizer = maximizer ?? loop.maximizer
                settings.initialDesignSize = 0
                settings.randomInterleaveProbability = 0
                settings.intensification = nil  // a repeat of the incumbent fits nothing: time the model-based suggestions
                var times: [Double] = []
                var cpuTimes: [Double] = []
                for repetition in 0..<repetitions {
                    var generator = SeededGenerator(seed: seed, stream: UInt64(repetition))
                    let history = try randomHistory(objective, count: count, using: &generator)
                    var optimizer = try BayesianOptimization(space: space, surrogate: surrogate.make(space: space), settings: settings)
                    var warmUp = History(space: space)
                    for observation in history.observations.dropLast() { warmUp.append(observation) }
                    _ = try optimizer.fitAcquisition(given: warmUp, using: &generator)
                    let cpuStart = Self.threadCPUSeconds()
                    let elapsed = try ContinuousClock().measure {
                        if maximizer == nil {
                            _ = try optimizer.fitAcquisition(given: history, using: &generator)
                        } else {
                            _ = try optimizer.suggest(given: history, using: &generator)
                        }
                    }
                    cpuTimes.append((Self.threadCPUSeconds() - cpuStart) * 1000)
                    times.append(elapsed.seconds * 1000)
                }
                let wall = SampleSummary(times)
                let cpu = SampleSummary(cpuTimes)
                print("\(count)".padding(14) + name.padding(12) + format(cpu.median).padding(12)
                    + format(cpu.lowerQuartile).padding(16) + format(cpu.upperQuartile).padding(16) + format(wall.median))
            }
        }
    }

    /// What a speed measurement times: the fit alone (`nil`), the optimizer's own maximizer when it
    /// is neither VNA nor enumeration (e.g. bo-gp's gradient ascent), VNA when it is the
    /// optimizer's own or the space is finite, and exhaustive enumeration when the space is finite.
    static func timedMaximizers(of settings: BayesianOptimization.Settings, space: SearchSpace) -> [(String, MaximizerKind?)] {
        var out: [(String, MaximizerKind?)] = [("fit only", nil)]
        switch settings.maximizer {
        case .gradientAscent: out.append(("gradient", settings.maximizer))
        case .randomSampling: out.append(("random", settings.maximizer))
        case .variableNeighbourhoodAscent, .exhaustive: break
        }
        let ownIsVNA = if case .variableNeighbourhoodAscent = settings.maximizer { true } else { false }
        if ownIsVNA || space.isFinite { out.append(("vna", .variableNeighbourhoodAscent(vnaSettings(settings)))) }
        if space.isFinite { out.append(("exhaustive", .exhaustive)) }
        return out
    }

    /// The VNA settings of `settings`, or VNA's defaults for another maximizer.
    private static func vnaSettings(_ settings: BayesianOptimization.Settings) -> VariableNeighbourhoodAscent.Settings {
        if case .variableNeighbourhoodAscent(let vna) = settings.maximizer { return vna }
        return VariableNeighbourhoodAscent.Settings()
    }

    /// `count` distinct random configurations with noisy evaluations.
    private func randomHistory(_ objective: any Benchmark, count: Int, using generator: inout SeededGenerator) throws -> History {
        var history = History(space: objective.space)
        var noise = generator.split(stream: 1)
        for _ in 0..<count {
            let configuration = if let size = objective.space.size {
                try objective.space.sampleUnevaluated(given: history, size: size, using: &generator)
            } else {
                objective.space.sample(using: &generator)
            }
            let value = try objective.evaluate(configuration, using: &noise).value
            history.append(Observation(configuration: configuration, value: value))
        }
        return history
    }

    // MARK: - VNA against the exact argmax

    private func measureVNA(_ objective: any Benchmark) throws {
        let space = objective.space
        guard space.isFinite else { throw ValidationError("--mode vna needs a finite space") }
        var (label, surrogate, settings) = try bayesianOptimization()
        let vnaSettings = Self.vnaSettings(settings)
        settings.maximizer = .variableNeighbourhoodAscent(vnaSettings)
        let longest = observations.counts.max() ?? 0
        let loop = try RunLoop(optimizer: .bayesianOptimization(surrogate: surrogate, settings: settings), objective: objective, evaluations: longest)
        let results = try Experiment(loop: loop, runs: runs, seed: seed).perform(jobs: 1)
        let vna = VariableNeighbourhoodAscent(settings: vnaSettings)
        print("VNA (maximum distance \(vnaSettings.maximumDistance)) against exhaustive enumeration on \(objective.name): acquisition problems of \(runs) \(label) runs")
        print("score gap: exact maximum minus VNA's (for ei and pi a difference of logarithms, log of the ratio)")
        print("observations  exact argmax value   mean gap       median gap       largest gap     VNA scores (mean)")
        for count in observations.counts where count <= longest {
            var exact = 0
            var gaps: [Double] = []
            var scoredCounts: [Double] = []
            for result in results {
                var history = History(space: space)
                for trial in result.trials.prefix(count) {
                    history.append(Observation(configuration: trial.configuration, value: trial.value))
                }
                var generator = SeededGenerator(seed: result.seed, stream: 2)
                var optimizer = try BayesianOptimization(space: space, surrogate: surrogate.make(space: space), settings: settings)
                guard let problem = try optimizer.fitAcquisition(given: history, using: &generator) else { continue }
                var vnaGenerator = generator.split(stream: 3)
                let best = problem.maximize(with: ExhaustiveEnumeration(), using: &generator)
                var scored = 0
                let found = vna.maximize(
                    over: space, starts: problem.starts, excluding: problem.excluded, using: &vnaGenerator
                ) { configuration in
                    scored += 1
                    return problem.score(configuration)
                }
                scoredCounts.append(Double(scored))
                guard let best, let found else { continue }
                if found.score >= best.score { exact += 1 }
                gaps.append(best.score - found.score)
            }
            guard !gaps.isEmpty else { continue }
            let summary = SampleSummary(gaps)
            let share = "\(exact)/\(gaps.count) (\(Int((100 * Double(exact) / Double(gaps.count)).rounded()))%)"
            print("\(count)".padding(14) + share.padding(21) + format(summary.mean).padding(15)
                + format(summary.median).padding(17) + format(summary.maximum).padding(16)
                + format(SampleSummary(scoredCounts).mean))
        }
    }

    /// The CPU time the calling thread has used, in seconds.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    private func format(_ x: Double) -> String {
        x.significant(4)
    }
}
