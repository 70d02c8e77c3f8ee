import Foundation
import HPOOptimizers
import HPORandom
import HPOSpace

/// An optimization study in ask/tell form: ask for a trial, evaluate its configuration however
/// you like, tell the result. Any optimizer (``OptimizerSpec``) can stand behind it, and any
/// storage: in memory, or an SQLite file that survives the process and is shared by processes.
///
/// Every ask rebuilds the optimizer from the stored trials: a fresh optimizer is told the finished
/// trials in id order (failures as `nil` values), then suggests with a generator drawn from
/// stream `n` of the study's seed, where `n` is the new trial's id. So the configurations depend
/// only on the seed and the results, whether one process runs the study or many, with or without
/// restarts, from Swift or from the command line.
public struct Study: Sendable {
    /// Where the settings and trials live.
    public let storage: any StudyStorage

    /// A study in `storage` (which holds its settings).
    public init(storage: any StudyStorage) {
        self.storage = storage
    }

    /// A new study kept in memory.
    public init(space: SearchSpace, optimizer: OptimizerSpec = .random(RandomSearch.Settings()), seed: UInt64 = 0) {
        self.init(storage: InMemoryStudyStorage(settings: StudySettings(space: space, optimizer: optimizer, seed: seed)))
    }

    /// The study's settings.
    public var settings: StudySettings { storage.settings }

    /// The space searched.
    public var space: SearchSpace { settings.space }

    /// Every trial, by id.
    public func trials() throws -> [Trial] {
        try storage.trials()
    }

    // MARK: - Ask and tell

    /// The next trial to evaluate, stored as running before it is returned.
    ///
    /// `owner` is the process that will evaluate it (so that a later run can mark the trial
    /// failed if that process dies); `nil`, the default, for an evaluator that is not known.
    public func ask(owner: TrialOwner? = nil) throws -> Trial {
        try storage.insertTrial(owner: owner) { try nextConfiguration(after: $0) }
    }

    /// Like ``ask(owner:)``, but `nil` once the study has `limit` trials (in any state); the
    /// optimizer may plan its last suggestions by that budget (``Intensification/finalShare``).
    public func ask(owner: TrialOwner? = nil, limit: Int) throws -> Trial? {
        do {
            return try storage.insertTrial(owner: owner) { trials in
                guard trials.count < limit else { throw LimitReached() }
                return try nextConfiguration(after: trials, budget: limit)
            }
        } catch is LimitReached {
            return nil
        }
    }

    private struct LimitReached: Error {}

    /// Records the loss of a running trial; a non-finite loss makes it a failed trial.
    @discardableResult
    public func tell(_ trial: Trial, value: Double) throws -> Trial {
        try tell(trialID: trial.id, outcome: TrialOutcome(value: value))
    }

    /// Records that a running trial failed, and why.
    @discardableResult
    public func tell(_ trial: Trial, failure reason: String, stderrTail: String? = nil) throws -> Trial {
        try tell(trialID: trial.id, outcome: .failed(reason: reason, stderrTail: stderrTail))
    }

    /// Records the outcome of the running trial `trialID`; refuses unknown and finished trials.
    @discardableResult
    public func tell(trialID: Int, outcome: TrialOutcome) throws -> Trial {
        try storage.finishTrial(id: trialID, outcome: outcome)
    }

    /// Marks failed every running trial whose owner process has died, and returns them.
    @discardableResult
    public func failAbandonedTrials() throws -> [Trial] {
        var failed: [Trial] = []
        for trial in try trials() where trial.state == .running {
            guard let owner = trial.owner, !owner.mayBeAlive else { continue }
            let reason = "abandoned: process \(owner) ended before the trial finished"
            do {
                failed.append(try tell(trialID: trial.id, outcome: .failed(reason: reason, stderrTail: nil)))
            } catch StudyError.alreadyFinished {
                continue // another process got there first
            }
        }
        return failed
    }

    // MARK: - The optimizer behind the study

    /// The number of suggestions tried before giving up on avoiding a running configuration.
    private static let attemptsToAvoidRunning = 16

    /// The configuration of trial `trials.count + 1` of a study that will have `budget` trials,
    /// if known.
    ///
    /// The optimizer is told the finished trials; it suggests from them followed by the running
    /// trials as failures (value `nil`, ``History/appendRunning(_:)``), so that, like the
    /// "constant liar" of parallel Bayesian optimization, it steers away from configurations
    /// being evaluated, and intensification confirms a configuration that is not running. In a
    /// finite space a suggestion that is running anyway is drawn again, and after a few tries
    /// replaced by a uniform draw among the other configurations.
    private func nextConfiguration(after trials: [Trial], budget: Int? = nil) throws -> Configuration {
        var optimizer = try settings.optimizer.makeOptimizer(space: space)
        var finished = History(space: space, budget: budget)
        var running = History(space: space)
        for trial in trials {
            guard trial.state != .running else {
                running.append(Observation(configuration: trial.configuration, value: nil))
                continue
            }
            let observation = Observation(configuration: trial.configuration, value: trial.state == .complete ? trial.value : nil)
            finished.append(observation)
            optimizer.tell(observation, history: finished)
        }
        var proposals = finished
        for observation in running.observations { proposals.appendRunning(observation.configuration) }

        var generator = SeededGenerator(seed: settings.seed, stream: UInt64(trials.count + 1))
        guard let size = space.size, running.count > 0 else {
            return try optimizer.suggest(given: proposals, using: &generator)
        }
        for _ in 0..<Self.attemptsToAvoidRunning {
            let candidate = try optimizer.suggest(given: proposals, using: &generator)
            if !running.contains(candidate) { return candidate }
        }
        guard running.evaluated.count < size else { throw StudyError.everyConfigurationRunning(size: size) }
        let taken = proposals.evaluated.count < size ? proposals : running
        return try space.sampleUnevaluated(given: taken, size: size, using: &generator)
    }
}
