import HPOSpace

/// One evaluated configuration as an optimizer sees it.
public struct Observation: Hashable, Sendable {
    /// The configuration that was evaluated.
    public var configuration: Configuration
    /// The observed loss, or `nil` when the evaluation failed.
    public var value: Double?

    /// Creates an observation.
    public init(configuration: Configuration, value: Double?) {
        self.configuration = configuration
        self.value = value
    }
}

/// Everything evaluated so far, in order: what an optimizer suggests from.
///
/// A configuration evaluated more than once (with `allowRepeats` or by intensification) is judged
/// by the mean of its successful observations, as SMAC judges its incumbent; without repeats that
/// mean is the single observation.
public struct History: Sendable {
    /// The observations of one configuration so far.
    public struct Tally: Hashable, Sendable {
        /// The index in ``History/observations`` of the configuration's first evaluation.
        public let firstIndex: Int
        /// The sum of its successful values.
        public private(set) var sum: Double
        /// The number of its successful evaluations.
        public private(set) var count: Int
        /// The number of its evaluations, failed ones included.
        public private(set) var evaluations: Int
        /// The sum of the squared deviations of its successful values from their mean.
        public private(set) var squaredDeviations: Double

        /// The mean of its successful values, or `nil` when none succeeded.
        public var mean: Double? { count > 0 ? sum / Double(count) : nil }

        init(firstIndex: Int, sum: Double = 0, count: Int = 0, evaluations: Int = 0, squaredDeviations: Double = 0) {
            self.firstIndex = firstIndex
            self.sum = sum
            self.count = count
            self.evaluations = evaluations
            self.squaredDeviations = squaredDeviations
        }

        mutating func add(_ value: Double?) {
            evaluations += 1
            guard let value, value.isFinite else { return }
            let before = mean ?? value
            sum += value
            count += 1
            squaredDeviations += (value - before) * (value - (mean ?? value))  // Welford's update
        }
    }

    /// The space the configurations belong to.
    public let space: SearchSpace
    /// The observations in the order they were made.
    public private(set) var observations: [Observation] = []
    /// The configurations evaluated so far (including failed ones): the keys of ``tallies``, kept
    /// as a set so that every suggestion can pass them on as the excluded configurations uncopied.
    public private(set) var evaluated: Set<Configuration> = []
    /// The observations of each evaluated configuration (including failed ones).
    public private(set) var tallies: [Configuration: Tally] = [:]
    /// The configuration with the lowest mean successful value (the first evaluated on ties).
    public private(set) var incumbent: Configuration?
    /// The configurations whose evaluation is still running (``appendRunning(_:)``).
    public private(set) var running: Set<Configuration> = []
    /// The number of leading observations that are results, before the first one appended as
    /// running: all of them when none is running.
    public var settledCount: Int { firstRunningIndex ?? observations.count }
    private var firstRunningIndex: Int?
    /// The number of evaluations the run will make in all, when it is known (`hpo run`, a study
    /// optimized to a limit); an optimizer may plan its last evaluations by it.
    public let budget: Int?
    /// The sum of every tally's squared deviations and of their degrees of freedom, kept as
    /// observations arrive so that the result does not depend on the dictionary's order.
    private var repeatedSquares = 0.0
    private var repeatedDegrees = 0

    /// An empty history over `space`, of a run that will make `budget` evaluations if given.
    public init(space: SearchSpace, budget: Int? = nil) {
        self.space = space
        self.budget = budget
    }

    /// Records an observation.
    public mutating func append(_ observation: Observation) {
        let configuration = observation.configuration
        observations.append(observation)
        evaluated.insert(configuration)
        var tally = tallies[configuration] ?? Tally(firstIndex: observations.count - 1)
        let before = tally.mean
        let (squares, degrees) = (tally.squaredDeviations, max(tally.count - 1, 0))
        tally.add(observation.value)
        tallies[configuration] = tally
        repeatedSquares += tally.squaredDeviations - squares
        repeatedDegrees += max(tally.count - 1, 0) - degrees
        guard tally.mean != before else { return }
        if configuration == incumbent, let before, let after = tally.mean, after > before {
            incumbent = tallies.keys.min { precedes($0, $1) }  // its mean rose: another may lead now
        } else if incumbent.map({ precedes(configuration, $0) }) ?? true {
            incumbent = configuration
        }
    }

    /// Records an evaluation of `configuration` that is still running, as a failed observation
    /// (the "constant liar" of parallel Bayesian optimization: the model steers away from it),
    /// and remembers it in ``running`` so that intensification does not confirm it twice at once.
    public mutating func appendRunning(_ configuration: Configuration) {
        if firstRunningIndex == nil { firstRunningIndex = observations.count }
        append(Observation(configuration: configuration, value: nil))
        running.insert(configuration)
    }

    /// Whether `a` ranks before `b`: a lower mean, or the same mean and evaluated first;
    /// configurations without a successful evaluation rank last.
    private func precedes(_ a: Configuration, _ b: Configuration) -> Bool {
        guard let x = tallies[a], let xMean = x.mean else { return false }
        guard let y = tallies[b], let yMean = y.mean else { return true }
        return xMean < yMean || (xMean == yMean && x.firstIndex < y.firstIndex)
    }

    /// The number of observations.
    public var count: Int { observations.count }

    /// The incumbent's tally: its mean, its number of successful evaluations and its first index.
    public var incumbentTally: Tally? { incumbent.flatMap { tallies[$0] } }

    /// The pooled standard deviation of the successful values of configurations evaluated more
    /// than once (the noise of the objective, as far as repeats show it), or `nil` with fewer
    /// than 2 degrees of freedom.
    public var repeatedStandardDeviation: Double? {
        repeatedDegrees >= 2 ? (repeatedSquares / Double(repeatedDegrees)).squareRoot() : nil
    }

    /// Whether `configuration` was evaluated already.
    public func contains(_ configuration: Configuration) -> Bool {
        evaluated.contains(configuration)
    }
}
