import HPORun

/// A study as read at one moment: its trials, its budget and their fingerprint.
struct StudySnapshot: Sendable {
    /// Every trial, by id.
    let trials: [Study.Trial]
    /// The study's budget of evaluations, if it has one.
    let budget: Int?
    /// The fingerprint of the trials and budget.
    let fingerprint: StudyFingerprint

    /// A snapshot of `trials` under `budget`.
    init(trials: [Study.Trial], budget: Int?) {
        self.trials = trials
        self.budget = budget
        fingerprint = StudyFingerprint(trials: trials, budget: budget)
    }
}

/// What the dashboard serves of a study for one fingerprint: the live page and the report's data
/// files, rendered once for every client.
struct RenderedStudy: Sendable {
    /// The fingerprint of the trials the page shows.
    let fingerprint: StudyFingerprint
    /// The files by name: `index.html`, the page with the live bar and script, and the report's
    /// CSV files.
    let files: [String: String]
}
