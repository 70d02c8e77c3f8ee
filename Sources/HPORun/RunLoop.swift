import HPOObjective
import HPOOptimizers
import HPORandom
import HPOSpace

/// Runs an optimizer on an objective for a fixed number of evaluations: a ``Study`` kept in
/// memory whose trials the objective evaluates, so a benchmark run and a user's study share one
/// driver (its budget, its optimizer kept between asks, its seeded suggestions).
///
/// Randomness: run `index` of an experiment seeded `seed` gets its own seed
/// (``runSeed(experimentSeed:run:)``), which is the seed of the run's study: the suggestion for
/// trial `n` draws from stream `n` (as in every study), and the objective's noise from stream 0,
/// which no trial uses. So two optimizers in the same run see the same noise draws, and a run
/// suggests what `hpo optimize` with the same seed and results would.
public struct RunLoop: Sendable {
    /// The optimizer to make afresh for each run.
    public let optimizer: OptimizerSpec
    /// What to minimize.
    public let objective: any Objective
    /// Evaluations per run.
    public let evaluations: Int

    /// Creates a run loop; `evaluations` must be positive.
    public init(optimizer: OptimizerSpec, objective: any Objective, evaluations: Int) throws {
        guard evaluations > 0 else {
            throw OptimizerError.invalidSetting(name: "number of evaluations", value: "\(evaluations)", valid: "a positive integer")
        }
        self.optimizer = optimizer
        self.objective = objective
        self.evaluations = evaluations
    }

    /// The seed of run `run` of an experiment seeded `experimentSeed`.
    public static func runSeed(experimentSeed: UInt64, run: Int) -> UInt64 {
        var generator = SeededGenerator(seed: experimentSeed, stream: UInt64(run))
        return generator.next()
    }

    /// Performs run `run` of the experiment seeded `experimentSeed`.
    public func run(_ run: Int, experimentSeed: UInt64) throws -> RunResult {
        try perform(run: run, seed: Self.runSeed(experimentSeed: experimentSeed, run: run))
    }

    /// Performs one run from its own seed: a study of `evaluations` trials in memory.
    ///
    /// An objective that throws ends the run with its error (a benchmark's evaluation does not
    /// fail); so does an optimizer that runs out of configurations of a finite space.
    public func perform(run: Int, seed: UInt64) throws -> RunResult {
        let space = objective.space
        let study = Study(space: space, optimizer: optimizer, seed: seed, budget: evaluations)
        var objectiveRandom = SeededGenerator(seed: seed, stream: 0)
        let benchmark = objective as? any Benchmark
        let clock = ContinuousClock()

        var history = History(space: space, budget: evaluations)
        var result = RunResult(
            run: run, seed: seed, trials: [], observed: [], incumbents: [],
            regret: benchmark == nil ? nil : [], trueValue: benchmark == nil ? nil : [])
        while true {
            var next: Study.Trial?
            let elapsed = try clock.measure { next = try study.ask(limit: evaluations) }
            guard let trial = next else { break }
            let evaluation = try objective.evaluate(trial.configuration, using: &objectiveRandom)
            try study.tell(trial, value: evaluation.value)

            history.append(Observation(configuration: trial.configuration, value: evaluation.value))
            result.trials.append(RunResult.Record(
                configuration: trial.configuration, value: evaluation.value, cost: evaluation.cost,
                suggestSeconds: elapsed.seconds))
            let tally = history.incumbentTally
            let incumbent = tally?.firstIndex ?? 0
            result.incumbents.append(incumbent)
            result.observed.append(tally?.mean ?? result.trials[incumbent].value)
            if let benchmark {
                let truth = benchmark.trueValue(of: result.trials[incumbent].configuration)
                result.trueValue?.append(truth)
                result.regret?.append(truth - benchmark.optimum)
            }
        }
        return result
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
