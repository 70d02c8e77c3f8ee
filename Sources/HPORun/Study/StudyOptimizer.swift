import HPOOptimizers
import HPORandom
import HPOSpace
import Synchronization

/// The optimizer behind a study, brought up to date with the stored trials.
///
/// Its life is a sequence of steps in trial-id order: for each trial the optimizer suggested (not
/// a re-run of an interrupted trial) the suggestion it made, from the finished trials before it
/// with the generator of that trial's stream, and for each finished trial the result it was told.
/// An optimizer that keeps state between suggestions (``Optimizer/keepsStateBetweenSuggestions``,
/// e.g. DNGO's warm-started networks) is rebuilt by replaying those suggestions, their
/// configurations discarded; a stateless one is only told the results. Either way the optimizer
/// depends only on the settings, the budget and the trials, so a study kept in one process and
/// one rebuilt in another suggest the same configurations.
struct StudyOptimizer: Sendable {
    /// One step of the optimizer's life.
    enum Step: Hashable, Sendable {
        /// The suggestion of the trial with this id.
        case suggest(Int)
        /// The result of the finished trial with this id.
        case tell(Int)
    }

    let settings: StudySettings
    /// The budget of ``history``.
    let budget: Int?
    /// Whether suggestions are steps: the optimizer keeps state between them.
    let replaysSuggestions: Bool
    private(set) var optimizer: any Optimizer
    /// The optimizer as made, before any step: where a restart begins. A copy, not a new one,
    /// so that what copies of one optimizer share without changing its results (a Gaussian
    /// process's remembered hyperparameter fit) survives restarts.
    private let initial: any Optimizer
    /// The finished trials told so far, in id order.
    private(set) var history: History
    /// The steps taken so far.
    private(set) var steps: [Step] = []
    /// The leading trials whose steps are all taken and final (none of them is running).
    private var settledTrials = 0
    /// The id of the last of those trials.
    private var lastSettledID: Int?
    /// The number of steps of those trials.
    private var settledSteps = 0

    /// A fresh optimizer of `settings`, for a study of `budget` evaluations if known, that will
    /// be brought up to date with `trials`.
    ///
    /// Its past suggestions are replayed only if it keeps state between them and the trials ran
    /// one at a time: only then are they the steps it took, and replaying them makes a study
    /// rebuilt in another process suggest what the one kept in a process would. Trials that ran
    /// in parallel were suggested among running trials, on copies of the optimizer that took no
    /// step, so replaying would not reproduce them anyway; and with many workers, whose trials
    /// finish out of order, it would cost one fit per trial at every ask. Such an optimizer is
    /// only told the results.
    init(settings: StudySettings, budget: Int?, trials: some Collection<Study.Trial>) throws {
        try self.init(settings: settings, budget: budget, optimizer: settings.optimizer.makeOptimizer(space: settings.space), trials: trials)
    }

    private init(settings: StudySettings, budget: Int?, optimizer: any Optimizer, trials: some Collection<Study.Trial>) {
        self.settings = settings
        self.budget = budget
        self.optimizer = optimizer
        initial = optimizer
        replaysSuggestions = optimizer.keepsStateBetweenSuggestions && Self.ranOneAtATime(trials)
        history = History(space: settings.space, budget: budget)
    }

    /// This optimizer started afresh, to be brought up to date with `trials`: what
    /// ``init(settings:budget:trials:)`` makes, from a copy of the optimizer as first made.
    func restarted(for trials: some Collection<Study.Trial>) -> StudyOptimizer {
        StudyOptimizer(settings: settings, budget: budget, optimizer: initial, trials: trials)
    }

    /// Whether each of `trials` started after the one before it had finished.
    static func ranOneAtATime(_ trials: some Collection<Study.Trial>) -> Bool {
        zip(trials, trials.dropFirst()).allSatisfy { previous, next in
            guard let finished = previous.finishedAt else { return false }
            return next.startedAt >= finished
        }
    }

    /// The steps of an optimizer that has seen `trials`, in trial-id order.
    func steps(for trials: some Collection<Study.Trial>) -> [Step] {
        var steps: [Step] = []
        for trial in trials {
            if replaysSuggestions, trial.retryOf == nil { steps.append(.suggest(trial.id)) }
            if trial.state.isFinished { steps.append(.tell(trial.id)) }
        }
        return steps
    }

    /// The generator of the trial with id `id`: stream `id` of the study's seed.
    func generator(ofTrial id: Int) -> SeededGenerator {
        SeededGenerator(seed: settings.seed, stream: UInt64(id))
    }

    /// Takes the steps of `trials` (the study's, in id order, of which the first `settled` are
    /// no longer running) that it has not taken yet; `false`, with nothing done, when the steps
    /// it took are not the beginning of theirs (a trial finished out of order), so that the
    /// optimizer must start afresh.
    ///
    /// The steps of the settled trials it has taken cannot change, so only the steps of the
    /// trials after them are compared: the cost of an ask does not grow with the finished trials.
    mutating func advance(to trials: [Study.Trial], settled: Int) -> Bool {
        guard settledTrials <= settled, settled <= trials.count,
              settledTrials == 0 || trials[settledTrials - 1].id == lastSettledID
        else { return false }
        // An optimizer that replays its suggestions starts afresh, as one that does not, once the
        // trials stop running one at a time (the trials before the settled ones were checked).
        if replaysSuggestions, !Self.ranOneAtATime(trials[max(settledTrials - 1, 0)...]) { return false }
        let newlySettled = steps(for: trials[settledTrials..<settled])
        let target = newlySettled + steps(for: trials[settled...])
        let taken = steps[settledSteps...]
        guard target.starts(with: taken) else { return false }
        for step in target.dropFirst(taken.count) { take(step, trials: trials) }
        settledSteps += newlySettled.count
        settledTrials = settled
        lastSettledID = settled > 0 ? trials[settled - 1].id : nil
        return true
    }

    /// Takes one step: a replayed suggestion (its state, not its configuration) or a result.
    private mutating func take(_ step: Step, trials: [Study.Trial]) {
        switch step {
        case .suggest(let id):
            var generator = generator(ofTrial: id)
            try? optimizer.replaySuggestion(given: history, using: &generator)
        case .tell(let id):
            guard let trial = Self.trial(id, in: trials) else { preconditionFailure("no trial \(id) for its step") }
            let observation = Observation(configuration: trial.configuration, value: trial.state == .complete ? trial.value : nil)
            history.append(observation)
            optimizer.tell(observation, history: history)
        }
        steps.append(step)
    }

    /// The trial with id `id` among `trials`, which are in id order: at its position when ids
    /// run from 1 without gaps, as storages number them, else found by search.
    private static func trial(_ id: Int, in trials: [Study.Trial]) -> Study.Trial? {
        if trials.indices.contains(id - 1), trials[id - 1].id == id { return trials[id - 1] }
        return trials.first { $0.id == id }
    }

    /// The suggestion for the trial with id `id`, from the history (all of it: the caller has
    /// advanced to the stored trials) and no running trial, taken as that trial's step if
    /// suggestions are replayed.
    mutating func suggest(forTrial id: Int) throws -> Configuration {
        var generator = generator(ofTrial: id)
        guard replaysSuggestions else {
            // Not a step: suggest on a copy, so that the optimizer stays what a rebuilt one is.
            var copy = optimizer
            return try copy.suggest(given: history, using: &generator)
        }
        let configuration = try optimizer.suggest(given: history, using: &generator)
        steps.append(.suggest(id))
        return configuration
    }
}
