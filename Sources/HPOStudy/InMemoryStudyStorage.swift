import Foundation
import HPOSpace
import Synchronization

/// A study kept in memory: for the Swift API when nothing needs to survive the process.
public final class InMemoryStudyStorage: StudyStorage {
    public let settings: StudySettings
    private let records = Mutex<[Study.Trial]>([])

    /// An empty study with `settings`.
    public init(settings: StudySettings) {
        self.settings = settings
    }

    public func trials() throws -> [Study.Trial] {
        records.withLock { $0 }
    }

    public func insertTrial(
        owner: TrialOwner?, choosing choose: ([Study.Trial]) throws -> Configuration
    ) throws -> Study.Trial {
        try records.withLock { trials in
            let configuration = try choose(trials)
            let date = Date()
            let trial = Study.Trial(
                id: trials.count + 1, state: .running, configuration: configuration,
                config: settings.space.dictionary(of: configuration), startedAt: date, owner: owner)
            trials.append(trial)
            return trial
        }
    }

    public func finishTrial(id: Int, outcome: TrialOutcome) throws -> Study.Trial {
        try records.withLock { trials in
            guard id >= 1, id <= trials.count else { throw StudyError.unknownTrial(id: id, count: trials.count) }
            let trial = trials[id - 1]
            guard trial.state == .running else { throw StudyError.alreadyFinished(id: id, state: trial.state) }
            trials[id - 1] = trial.finished(with: outcome, at: Date())
            return trials[id - 1]
        }
    }
}
