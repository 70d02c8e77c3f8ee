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
    /// The finished trials told so far, in id order.
    private(set) var history: History
    /// The steps taken so far.
    private(set) var steps: [Step] = []

    /// A fresh optimizer of `settings`, for a study of `budget` evaluations if known.
    init(settings: StudySettings, budget: Int?) throws {
        self.settings = settings
        self.budget = budget
        optimizer = try settings.optimizer.makeOptimizer(space: settings.space)
        replaysSuggestions = optimizer.keepsStateBetweenSuggestions
        history = History(space: settings.space, budget: budget)
    }

    /// The steps of an optimizer that has seen `trials`.
    func steps(for trials: [Study.Trial]) -> [Step] {
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

    /// Takes the steps of `target` after those taken so far, which must be a prefix of it.
    mutating func advance(to target: [Step], trials: [Study.Trial]) {
        precondition(target.starts(with: steps), "the optimizer's steps are not a prefix of the study's")
        let byID = Dictionary(uniqueKeysWithValues: trials.map { ($0.id, $0) })
        for step in target.dropFirst(steps.count) {
            switch step {
            case .suggest(let id):
                var generator = generator(ofTrial: id)
                try? optimizer.replaySuggestion(given: history, using: &generator) // its state, not its configuration
            case .tell(let id):
                guard let trial = byID[id] else { preconditionFailure("no trial \(id) for its step") }
                let observation = Observation(configuration: trial.configuration, value: trial.state == .complete ? trial.value : nil)
                history.append(observation)
                optimizer.tell(observation, history: history)
            }
            steps.append(step)
        }
    }

    /// The suggestion for the trial with id `id`, from the history (all of it: the caller has
    /// advanced to the stored trials) and no running trial, taken as that trial's step.
    mutating func suggest(forTrial id: Int) throws -> Configuration {
        var generator = generator(ofTrial: id)
        let configuration = try optimizer.suggest(given: history, using: &generator)
        if replaysSuggestions { steps.append(.suggest(id)) }
        return configuration
    }
}

/// A study's optimizer kept between asks within one process, shared by the copies of a
/// ``Study``: each ask takes it up to date with the steps the stored trials add, and starts
/// afresh when they do not extend the steps it took (trials that finished out of order under
/// parallel workers, another budget).
final class StudyOptimizerCache: Sendable {
    private let cached = Mutex<StudyOptimizer?>(nil)

    /// Runs `body` on the optimizer of `settings` and `budget` brought up to date with `trials`,
    /// and keeps what `body` leaves for the next call (nothing if it throws).
    func withOptimizer<T>(
        settings: StudySettings, budget: Int?, trials: [Study.Trial], _ body: (inout StudyOptimizer) throws -> T
    ) throws -> T {
        try cached.withLock { cached in
            var optimizer = try cached.flatMap { $0.settings == settings && $0.budget == budget ? $0 : nil }
                ?? StudyOptimizer(settings: settings, budget: budget)
            cached = nil
            let target = optimizer.steps(for: trials)
            if !target.starts(with: optimizer.steps) { optimizer = try StudyOptimizer(settings: settings, budget: budget) }
            optimizer.advance(to: target, trials: trials)
            let result = try body(&optimizer)
            cached = optimizer
            return result
        }
    }
}
