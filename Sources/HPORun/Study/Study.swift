import Foundation
import HPOOptimizers
import HPORandom
import HPOSpace

/// An optimization study in ask/tell form: ask for a trial, evaluate its configuration however
/// you like, tell the result. Any optimizer (``OptimizerSpec``) can stand behind it, and any
/// storage: in memory, or an SQLite file that survives the process and is shared by processes.
///
/// The optimizer's history holds the finished trials in id order (failures as `nil` values), with
/// the study's budget (``budget()``, the evaluations it is to make, which an intensifying
/// optimizer plans its last suggestions by). The suggestion for trial `n` draws from stream `n`
/// of the study's seed. Within a process the study keeps its optimizer from one ask to the next
/// and tells it only the trials finished since; a study opened anew rebuilds it from the stored
/// trials, replaying the past suggestions of an optimizer that keeps state between them (see
/// ``HPOOptimizers/Optimizer/keepsStateBetweenSuggestions``). So the configurations depend only
/// on the settings, the budget and the results: a sequential study suggests the same whether one
/// process runs it or many, with or without restarts, from Swift or from the command line.
///
/// A trial whose evaluation was interrupted (its process died, or ``optimize(evaluations:owner:progress:_:)``
/// was cancelled) is not told to the optimizer and does not count as an evaluation: the next ask
/// evaluates its configuration again in a new trial (``Trial/retryOf``) before asking the
/// optimizer for a new one.
public struct Study: Sendable {
    /// Where the settings, budget and trials live.
    public let storage: any StudyStorage
    /// The optimizer kept between asks.
    private let optimizerCache = StudyOptimizerCache()

    /// A study in `storage` (which holds its settings).
    public init(storage: any StudyStorage) {
        self.storage = storage
    }

    /// A new study kept in memory, to make `budget` evaluations if given; by default with bo-rf.
    public init(
        space: SearchSpace, optimizer: OptimizerSpec = .defaultOptimizer, seed: UInt64 = 0, budget: Int? = nil
    ) {
        self.init(storage: InMemoryStudyStorage(
            settings: StudySettings(space: space, optimizer: optimizer, seed: seed), budget: budget))
    }

    /// The study's settings.
    public var settings: StudySettings { storage.settings }

    /// The space searched.
    public var space: SearchSpace { settings.space }

    /// Every trial, by id.
    public func trials() throws -> [Trial] {
        try storage.trials()
    }

    /// The number of evaluations (complete or failed trials) the study is to make, as stored by
    /// ``setBudget(_:)`` or ``optimize(evaluations:owner:progress:_:)``; `nil` when unknown.
    public func budget() throws -> Int? {
        try storage.budget()
    }

    /// Stores the number of evaluations the study is to make, which every later ask passes to
    /// the optimizer; `nil` for unknown. Throws ``StudyError/invalidCount(name:value:)`` for a
    /// budget that is not positive.
    public func setBudget(_ budget: Int?) throws {
        if let budget, budget < 1 { throw StudyError.invalidCount(name: "budget", value: budget) }
        try storage.setBudget(budget)
    }

    // MARK: - Ask and tell

    /// The next trial to evaluate, stored as running before it is returned: a re-run of the
    /// oldest interrupted trial not yet re-run, else the optimizer's suggestion given the
    /// stored budget.
    ///
    /// `owner` is the process that will evaluate it (so that a later run can mark the trial
    /// interrupted if that process dies); `nil`, the default, for an evaluator that is not known.
    public func ask(owner: TrialOwner? = nil) throws -> Trial {
        try storage.insertTrial(owner: owner) { trials, budget in try nextTrial(after: trials, budget: budget, limit: nil) }
    }

    /// Like ``ask(owner:)``, but `nil` once the study has `limit` trials that are running or
    /// finished (interrupted ones do not count). Without a stored budget the optimizer plans by
    /// `limit` (``Intensification/finalShare``).
    public func ask(owner: TrialOwner? = nil, limit: Int) throws -> Trial? {
        do {
            return try storage.insertTrial(owner: owner) { trials, budget in
                try nextTrial(after: trials, budget: budget ?? limit, limit: limit)
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

    /// Marks interrupted every running trial whose owner process has died, and returns them.
    @discardableResult
    public func interruptAbandonedTrials() throws -> [Trial] {
        var interrupted: [Trial] = []
        for trial in try trials() where trial.state == .running {
            guard let owner = trial.owner, !owner.mayBeAlive else { continue }
            let reason = "abandoned: process \(owner) ended before the trial finished"
            do {
                interrupted.append(try tell(trialID: trial.id, outcome: .interrupted(reason: reason)))
            } catch StudyError.alreadyFinished {
                continue // another process got there first
            }
        }
        return interrupted
    }

    // MARK: - The optimizer behind the study

    /// The number of suggestions tried before giving up on avoiding a running configuration.
    private static let attemptsToAvoidRunning = 16

    /// The trial after `trials`: a re-run of the oldest interrupted trial that has none and
    /// whose configuration is not running, else the optimizer's next configuration; throws
    /// `LimitReached` once `limit` trials run or finished.
    private func nextTrial(after trials: [Trial], budget: Int?, limit: Int?) throws -> NewTrial {
        try optimizerCache.withOptimizer(settings: settings, budget: budget, trials: trials) { ledger, optimizer in
            if let limit, ledger.counted(trials) >= limit { throw LimitReached() }
            if let interrupted = ledger.interruptedAwaitingRerun(trials) {
                return NewTrial(configuration: interrupted.configuration, retryOf: interrupted.id)
            }
            let id = (trials.last?.id ?? 0) + 1
            return NewTrial(configuration: try nextConfiguration(
                ofTrial: id, running: ledger.runningConfigurations(trials), optimizer: &optimizer))
        }
    }

    /// The optimizer's configuration for trial `id` while the configurations `running` are
    /// being evaluated; `optimizer` is the study's, up to date with the finished trials
    /// (``StudyOptimizer``).
    ///
    /// With running trials it suggests, on a copy, from the finished trials followed by the
    /// running ones as failures (value `nil`, ``History/appendRunning(_:)``), so that, like the
    /// "constant liar" of parallel Bayesian optimization, it steers away from configurations
    /// being evaluated, and intensification confirms a configuration that is not running. In a
    /// finite space a suggestion that is running anyway is drawn again, and after a few tries
    /// replaced by a uniform draw among the other configurations.
    private func nextConfiguration(
        ofTrial id: Int, running runningConfigurations: [Configuration], optimizer study: inout StudyOptimizer
    ) throws -> Configuration {
        guard !runningConfigurations.isEmpty else { return try study.suggest(forTrial: id) }
        var running = History(space: space)
        for configuration in runningConfigurations { running.append(Observation(configuration: configuration, value: nil)) }
        var optimizer = study.optimizer  // a copy: a suggestion among running trials is no step
        var proposals = study.history
        for configuration in runningConfigurations { proposals.appendRunning(configuration) }
        var generator = study.generator(ofTrial: id)
        guard let size = space.size else { return try optimizer.suggest(given: proposals, using: &generator) }
        for _ in 0..<Self.attemptsToAvoidRunning {
            let candidate = try optimizer.suggest(given: proposals, using: &generator)
            if !running.contains(candidate) { return candidate }
        }
        guard running.evaluated.count < size else { throw StudyError.everyConfigurationRunning(size: size) }
        let taken = proposals.evaluated.count < size ? proposals : running
        return try space.sampleUnevaluated(given: taken, size: size, using: &generator)
    }
}
