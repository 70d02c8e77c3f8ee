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

    public func trials() throws -> [Study.Trial] {
        records.withLock { $0.trials }
    }

    public func budget() throws -> Int? {
        records.withLock { $0.budget }
    }

    public func setBudget(_ budget: Int?) throws {
        records.withLock { $0.budget = budget }
    }

    public func insertTrial(
        owner: TrialOwner?, choosing choose: ([Study.Trial], Int?) throws -> Study.NewTrial
    ) throws -> Study.Trial {
        try records.withLock { records in
            let new = try choose(records.trials, records.budget)
            let date = Date()
            let trial = Study.Trial(
                id: records.trials.count + 1, state: .running, configuration: new.configuration,
                config: settings.space.dictionary(of: new.configuration), startedAt: date, owner: owner, retryOf: new.retryOf)
            records.trials.append(trial)
            return trial
        }
    }

    public func finishTrial(id: Int, outcome: TrialOutcome) throws -> Study.Trial {
        try records.withLock { records in
            guard id >= 1, id <= records.trials.count else {
                throw StudyError.unknownTrial(id: id, count: records.trials.count)
            }
            let trial = records.trials[id - 1]
            guard trial.state == .running else { throw StudyError.alreadyFinished(id: id, state: trial.state) }
            records.trials[id - 1] = trial.finished(with: outcome, at: Date())
            return records.trials[id - 1]
        }
    }
}
