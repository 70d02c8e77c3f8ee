import Foundation
import HPORun
import HPOStudy

/// A study as the dashboard's `data.json` serves it: the keys of `hpo study export --format json`
/// (`optimizer`, `seed`, `space`, `trials`) and `name`, `version` (the fingerprint's token, as
/// the events send it) and `summary`: the counts by state, the budget, when the trials last
/// changed and the best trial.
struct StudyData: Encodable {
    /// The counts by state, the budget and the best trial.
    struct Summary: Encodable {
        var trials, complete, failed, running, interrupted: Int
        var budget: Int?
        var lastChangeAt: Date?
        var best: Best?

        enum CodingKeys: String, CodingKey {
            case trials, complete, failed, running, interrupted, budget, best
            case lastChangeAt = "last_change_at"
        }
    }

    /// The best configuration's first complete trial, its mean value and how many complete
    /// trials that mean is over.
    struct Best: Encodable {
        var trial: Int
        var value: Double
        var count: Int
    }

    let name: String
    let version: String
    let summary: Summary
    let export: StudyExport

    /// The data of `snapshot`, a study named `name` with `settings`.
    init(name: String, settings: StudySettings, snapshot: StudySnapshot) {
        self.name = name
        let fingerprint = snapshot.fingerprint
        version = fingerprint.version
        let counts = StudySummary(settings: settings, trials: snapshot.trials)
        var best: Best?
        if let trial = counts.best, let mean = counts.bestMean { best = Best(trial: trial.id, value: mean, count: counts.bestCount) }
        summary = Summary(
            trials: fingerprint.trials, complete: counts.complete, failed: counts.failed, running: counts.running,
            interrupted: counts.interrupted, budget: snapshot.budget, lastChangeAt: fingerprint.lastChangeAt, best: best)
        export = StudyExport(settings: settings, trials: snapshot.trials)
    }

    private enum CodingKeys: String, CodingKey {
        case name, version, summary
    }

    func encode(to encoder: any Encoder) throws {
        try export.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(version, forKey: .version)
        try container.encode(summary, forKey: .summary)
    }

    /// The data as JSON, as `hpo study export` writes it, ending with a newline.
    func json() throws -> Data {
        var data = try StudyExport.jsonEncoder().encode(self)
        data.append(0x0A)
        return data
    }
}
