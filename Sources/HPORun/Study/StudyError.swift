/// A study operation that cannot be done; each message says what would be valid.
public enum StudyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No trial has this id.
    case unknownTrial(id: Int, count: Int)
    /// The trial was told already.
    case alreadyFinished(id: Int, state: TrialState)
    /// The study file holds a study with other settings.
    case settingsMismatch(file: String, differences: [String])
    /// The study file holds no study and no settings were given to create one.
    case noStudy(file: String)
    /// The study file cannot be opened or is not a study.
    case storage(file: String, message: String)
    /// Every configuration of a finite space is being evaluated at once.
    case everyConfigurationRunning(size: Int)
    /// A count that must be positive.
    case invalidCount(name: String, value: Int)
    /// A lease that is not a positive number of seconds up to a week.
    case invalidLease(seconds: Double)
    /// A heartbeat for a trial asked without a lease.
    case noLease(id: Int)
    /// A late outcome of a re-queued trial whose re-run finished first.
    case lateTell(id: Int, rerun: Int)
    /// A copy into a study that has trials (``Study/copy(to:)``).
    case copyIntoStudyWithTrials(count: Int)

    public var description: String {
        switch self {
        case .unknownTrial(let id, let count):
            count == 0
                ? "there is no trial \(id): the study has no trials yet"
                : "there is no trial \(id): the study's trials are 1...\(count)"
        case .alreadyFinished(let id, .interrupted):
            "trial \(id) is interrupted (its evaluation was stopped, or its lease ran out, before it was told): a later trial evaluates its configuration again"
        case .alreadyFinished(let id, let state):
            "trial \(id) was already told (it is \(state.rawValue)): a trial is told once"
        case .settingsMismatch(let file, let differences):
            "the study in '\(file)' was created with other settings: this run asks for "
                + differences.joined(separator: ", ") + "; use another study file or the study's own settings"
        case .noStudy(let file):
            "'\(file)' holds no study yet: give a search space (--space) to create one"
        case .storage(let file, let message):
            "cannot use '\(file)' as a study \(file.contains("://") ? "database" : "file"): \(message)"
        case .everyConfigurationRunning(let size):
            "all \(size) configurations of the space are being evaluated: tell a running trial before asking again"
        case .invalidCount(let name, let value):
            "invalid \(name) \(value): it must be a positive integer"
        case .invalidLease(let seconds):
            "invalid lease \(seconds) s: it must be a positive number of seconds, at most a week (604800)"
        case .noLease(let id):
            "trial \(id) was asked without a lease, so it needs no heartbeat: ask with --lease SECONDS for trials that expire unless renewed"
        case .lateTell(let id, let rerun):
            "trial \(id) was re-queued when its lease ran out, and trial \(rerun), which evaluated its configuration again, finished first: this late result was not recorded"
        case .copyIntoStudyWithTrials(let count):
            "the destination study already has \(count) trial\(count == 1 ? "" : "s"): a study is copied into a new one (another file, or another study name in the database)"
        }
    }
}
