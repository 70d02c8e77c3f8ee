import Foundation
import HPOOptimizers
import HPORandom
import HPOSpace

/// An optimization study in ask/tell form: ask for a trial, evaluate its configuration however
/// you like, tell the result. Any optimizer (``OptimizerSpec``) can stand behind it, and any
/// storage: in memory, an SQLite file shared by the processes of a host, or a database server
/// shared by hosts.
///
/// The optimizer's history holds the finished trials in id order (failures as `nil` values), with
/// the study's budget (``budget()``, the evaluations it is to make, which an intensifying
/// optimizer plans its last suggestions by). The suggestion for trial `n` draws from stream `n`
/// of the study's seed. Within a process the study keeps its optimizer from one ask to the next
/// and tells it only the trials finished since; a study opened anew rebuilds it from the stored
/// trials, replaying the past suggestions of an optimizer that keeps state between them (see
/// ``HPOOptimizers/Optimizer/keepsStateBetweenSuggestions``; of the presets, bo-dngo's networks)
/// when its trials ran one at a time. So the configurations depend only on the settings, the
/// budget and the results: a sequential study suggests the same whether one process runs it or
/// many, with or without restarts, from Swift or from the command line. Trials that ran in
/// parallel are only told to such an optimizer, as they would not be reproduced anyway.
///
/// A trial whose evaluation was interrupted (its lease ran out, or ``optimize(evaluations:owner:lease:progress:_:)``
/// was cancelled) is not told to the optimizer and does not count as an evaluation: the next ask
/// evaluates its configuration again in a new trial (``Trial/retryOf``) before asking the
/// optimizer for a new one.
public struct Study: Sendable {
    /// Where the settings, budget and trials live.
    public let storage: any StudyStorage
    /// The trials and the optimizer kept between asks.
    let cache = StudyCache()

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

    // MARK: - Ask

    /// The next trial to evaluate, stored as running before it is returned: a re-run of the
    /// oldest interrupted trial not yet re-run, else the optimizer's suggestion given the
    /// stored budget.
    ///
    /// `owner` is the process that will evaluate it, recorded for people reading the study;
    /// `lease`, if given, is how long the trial stays the worker's without a ``heartbeat(trialID:)``:
    /// once it runs out, any worker re-queues the trial. Without a lease the trial stays running
    /// until it is told.
    public func ask(owner: TrialOwner? = nil, lease: TimeInterval? = nil) throws -> Trial {
        guard let trial = try nextTrial(owner: owner, lease: lease, limit: nil) else {
            preconditionFailure("a study without a limit always has a next trial")
        }
        return trial
    }

    /// Like ``ask(owner:lease:)``, but `nil` once the study has `limit` trials that are running
    /// or finished (interrupted ones do not count). Without a stored budget the optimizer plans
    /// by `limit` (``Intensification/finalShare``).
    public func ask(owner: TrialOwner? = nil, lease: TimeInterval? = nil, limit: Int) throws -> Trial? {
        try nextTrial(owner: owner, lease: lease, limit: limit)
    }

    /// Re-queues every running trial whose lease has run out: it becomes interrupted, and the
    /// next ask evaluates its configuration again. Returns those trials.
    @discardableResult
    public func requeueExpiredTrials() throws -> [Trial] {
        try cache.withState { state in
            try state.refresh(from: storage)
            return try requeueExpired(in: &state)
        }
    }

    /// Re-queues the expired trials among those read into `state`.
    private func requeueExpired(in state: inout StudyCache.State) throws -> [Trial] {
        let now = Date()
        var requeued: [Trial] = []
        for trial in state.ledger.unsettled(state.trials) where trial.state == .running {
            guard let lease = trial.lease, lease.hasExpired(at: now) else { continue }
            let worker = trial.owner.map { "its worker \($0)" } ?? "its worker"
            let reason = "re-queued: \(worker) sent no heartbeat for \(Self.seconds(lease.seconds)) (its lease)"
            let stored = try storage.replaceRunning(trial.finished(with: .interrupted(reason: reason), at: now))
            state.record(stored)
            if stored.state == .interrupted, stored.failureReason == reason { requeued.append(stored) }
        }
        return requeued
    }

    /// `seconds` as people write it.
    static func seconds(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }

    /// Stores and returns the study's next trial, or `nil` once `limit` trials run or finished.
    ///
    /// The trial is worked out from the trials read, with no lock held on the storage, and then
    /// stored only if no other worker stored a trial meanwhile. If one did, the trials are read
    /// again and the same choice is stored after them, taking the trials added meanwhile as
    /// running ones it did not know of, unless one of them evaluates its configuration or is the
    /// same re-run: then the trial is worked out anew from the new history.
    private func nextTrial(owner: TrialOwner?, lease: TimeInterval?, limit: Int?) throws -> Trial? {
        if let lease, !(lease > 0 && lease <= TrialLease.longestSeconds) { throw StudyError.invalidLease(seconds: lease) }
        return try cache.withState { state in
            var chosen: (trial: NewTrial, afterID: Int)?
            while true {
                try state.refresh(from: storage)
                _ = try requeueExpired(in: &state)
                let budget = try storage.budget()
                if let limit, state.ledger.counted(state.trials) >= limit { return nil }
                let lastID = state.trials.last?.id ?? 0
                if let previous = chosen, !stillValid(previous.trial, after: previous.afterID, in: state.trials) { chosen = nil }
                let new = try chosen?.trial ?? choose(in: &state, budget: limit.map { budget ?? $0 } ?? budget)
                if chosen == nil { chosen = (new, lastID) }
                let date = Date()
                let trial = Trial(
                    id: lastID + 1, state: .running, configuration: new.configuration,
                    config: space.dictionary(of: new.configuration), startedAt: date, owner: owner,
                    lease: lease.map { TrialLease(seconds: $0, renewedAt: date) }, retryOf: new.retryOf)
                if try storage.insert(trial) {
                    state.record(trial)
                    return trial
                }
            }
        }
    }

    /// Whether `new`, chosen when the last trial read had id `afterID`, may still be stored
    /// after the trials read since: none of them evaluates its configuration or re-runs the same
    /// trial.
    private func stillValid(_ new: NewTrial, after afterID: Int, in trials: [Trial]) -> Bool {
        let added = trials.reversed().prefix { $0.id > afterID }
        return !added.contains { $0.configuration == new.configuration || (new.retryOf != nil && $0.retryOf == new.retryOf) }
    }

    // MARK: - The optimizer behind the study

    /// The number of suggestions tried before giving up on avoiding a running configuration.
    private static let attemptsToAvoidRunning = 16

    /// The trial after the trials read into `state`: a re-run of the oldest interrupted trial
    /// that has none and whose configuration is not running, else the optimizer's next
    /// configuration.
    private func choose(in state: inout StudyCache.State, budget: Int?) throws -> NewTrial {
        var optimizer = try state.takeOptimizer(settings: settings, budget: budget)
        let trials = state.trials
        if let interrupted = state.ledger.interruptedAwaitingRerun(trials) {
            state.keep(optimizer)
            return NewTrial(configuration: interrupted.configuration, retryOf: interrupted.id)
        }
        let id = (trials.last?.id ?? 0) + 1
        let configuration = try nextConfiguration(
            ofTrial: id, running: state.ledger.runningConfigurations(trials), optimizer: &optimizer)
        state.keep(optimizer)
        return NewTrial(configuration: configuration)
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
