import Foundation
import HPORun

/// A study as read at one moment: its trials, its budget and their fingerprint.
struct StudySnapshot: Sendable {
    /// Every trial, by id.
    let trials: [Study.Trial]
    /// The study's budget of evaluations, if it has one.
    let budget: Int?
    /// The fingerprint of the trials and budget.
    let fingerprint: StudyFingerprint
    /// When the trials were read (the wall clock, sent with each event).
    let readAt: Date

    /// A snapshot of `trials` under `budget`, read at `readAt`.
    init(trials: [Study.Trial], budget: Int?, readAt: Date = Date()) {
        self.trials = trials
        self.budget = budget
        self.readAt = readAt
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
