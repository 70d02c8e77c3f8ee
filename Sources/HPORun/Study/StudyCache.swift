import Foundation
import Synchronization

/// What a study keeps between asks within one process, shared by the copies of a ``Study``: the
/// trials read so far, their ``TrialLedger`` and the optimizer brought up to date with them.
///
/// Each ask reads from the storage only the trials after the settled ones (the running trials
/// and those added since), so its cost does not grow with the finished trials. The optimizer
/// starts afresh when the trials do not extend the steps it took (trials that finished out of
/// order under parallel workers, another budget).
final class StudyCache: Sendable {
    /// The state kept between asks.
    struct State: Sendable {
        /// The trials read so far, in id order: the settled ones and, after them, the others as
        /// last read.
        var trials: [Study.Trial] = []
        /// What the next trial depends on from the settled trials.
        var ledger = TrialLedger()
        /// The optimizer, up to date with the finished trials when last used.
        var optimizer: StudyOptimizer?

        /// Reads the trials after the settled ones again from `storage`.
        mutating func refresh(from storage: any StudyStorage) throws {
            let settled = trials[..<min(ledger.settled, trials.count)]
            let tail = try storage.trials(from: (settled.last?.id ?? 0) + 1)
            trials = Array(settled) + tail
            ledger.update(with: trials)
        }

        /// Puts `trial` in place of the read trial with its id, or after the last one.
        mutating func record(_ trial: Study.Trial) {
            if let index = trials.lastIndex(where: { $0.id == trial.id }) {
                trials[index] = trial
            } else {
                trials.append(trial)
            }
            ledger.update(with: trials)
        }

        /// The optimizer of `settings` and `budget` brought up to date with the trials read,
        /// taken out of the state (put it back with ``keep(_:)``).
        mutating func takeOptimizer(settings: StudySettings, budget: Int?) throws -> StudyOptimizer {
            var optimizer = try optimizer.flatMap { $0.settings == settings && $0.budget == budget ? $0 : nil }
                ?? StudyOptimizer(settings: settings, budget: budget, trials: trials)
            self.optimizer = nil
            if !optimizer.advance(to: trials, settled: ledger.settled) {
                optimizer = optimizer.restarted(for: trials)
                _ = optimizer.advance(to: trials, settled: ledger.settled)
            }
            return optimizer
        }

        /// Keeps `optimizer` for the next ask.
        mutating func keep(_ optimizer: StudyOptimizer) {
            self.optimizer = optimizer
        }
    }

    private let state = Mutex(State())

    /// Runs `body` on the state, one caller at a time.
    func withState<T>(_ body: (inout State) throws -> T) rethrows -> T {
        try state.withLock { try body(&$0) }
    }
}
