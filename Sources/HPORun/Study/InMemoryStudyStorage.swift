import Foundation
import HPOSpace
import Synchronization

/// A study kept in memory: for the Swift API when nothing needs to survive the process.
public final class InMemoryStudyStorage: StudyStorage {
    public let settings: StudySettings
    private let records: Mutex<(trials: [Study.Trial], budget: Int?)>

    /// An empty study with `settings`, to make `budget` evaluations if given.
    public init(settings: StudySettings, budget: Int? = nil) {
        self.settings = settings
        records = Mutex(([], budget))
    }

    public func trials(from firstID: Int) throws -> [Study.Trial] {
        records.withLock { Array($0.trials[min(max(firstID - 1, 0), $0.trials.count)...]) }
    }

    public func budget() throws -> Int? {
        records.withLock { $0.budget }
    }

    public func setBudget(_ budget: Int?) throws {
        records.withLock { $0.budget = budget }
    }

    public func insert(_ trial: Study.Trial) throws -> Bool {
        records.withLock { records in
            guard trial.id == records.trials.count + 1 else { return false }
            if let retried = trial.retryOf, records.trials.contains(where: { $0.retryOf == retried }) { return false }
            records.trials.append(trial)
            return true
        }
    }

    public func replaceRunning(_ trial: Study.Trial) throws -> Study.Trial {
        try records.withLock { records in
            guard trial.id >= 1, trial.id <= records.trials.count else {
                throw StudyError.unknownTrial(id: trial.id, count: records.trials.count)
            }
            guard records.trials[trial.id - 1].state == .running else { return records.trials[trial.id - 1] }
            records.trials[trial.id - 1] = trial
            return trial
        }
    }
}
