import Foundation
import GRDB
import HPOOptimizers
import HPOSpace
import HPORun
import HPOStudy
import Testing

/// Interrupted trials: not evaluations, re-run with their configuration; and old study files.
@Suite("Interrupted trials")
struct StudyInterruptionTests {
    /// The trial `Study.optimize` is evaluating when its task is cancelled.
    static let cancelledTrial = 3

    @Test("a cancelled optimize leaves its trial interrupted; the next run re-runs it and makes every evaluation asked for")
    func cancelled() async throws {
        // Random search: its suggestions depend on the trial's stream only, so the comparison
        // below holds for every trial (a model's suggestions also depend on what it was told).
        let study = Study(space: try Spaces.mixed(), optimizer: .random(RandomSearch.Settings()), seed: 2)
        await #expect(throws: CancellationError.self) {
            try await study.optimize(evaluations: 6) { trial in
                if trial.id == Self.cancelledTrial { throw CancellationError() }
                return trial.configuration[2]
            }
        }
        let interrupted = try study.trials()[Self.cancelledTrial - 1]
        #expect(interrupted.state == .interrupted && interrupted.failureReason == "cancelled" && interrupted.value == nil)
        let summary = try await study.optimize(evaluations: 6) { $0.configuration[2] }
        let trials = try study.trials()
        #expect(trials.count == 7 && summary.finished == 6 && summary.interrupted == 1)
        let rerun = trials[Self.cancelledTrial]
        #expect(rerun.retryOf == Self.cancelledTrial && rerun.configuration == interrupted.configuration && rerun.state == .complete)
        #expect(summary.description.hasPrefix("7 trials: 6 complete, 0 failed, 0 running, 1 interrupted"))
        // Trials the optimizer suggested draw from their own streams: the same as without the interruption.
        let straight = Study(space: try Spaces.mixed(), optimizer: .random(RandomSearch.Settings()), seed: 2)
        try await straight.optimize(evaluations: 6) { $0.configuration[2] }
        let expected = try straight.trials()
        for trial in trials where trial.retryOf == nil && trial.id <= 6 && trial.id != Self.cancelledTrial {
            #expect(trial.configuration == expected[trial.id - 1].configuration, "trial \(trial.id)")
        }
    }

    @Test("an interrupted trial is not told to the optimizer and not counted by ask(limit:)")
    func notAnEvaluation() throws {
        let study = Study(space: try Spaces.finite(), seed: 5)
        let first = try study.ask()
        try study.tell(trialID: first.id, outcome: .interrupted(reason: "preempted"))
        let rerun = try #require(try study.ask(limit: 1))
        #expect(rerun.retryOf == first.id && rerun.configuration == first.configuration)
        #expect(try study.ask(limit: 1) == nil)
        try study.tell(rerun, value: 1)
        // A late result of the interrupted trial is refused: its re-run finished first.
        #expect(throws: StudyError.lateTell(id: first.id, rerun: rerun.id)) { try study.tell(first, value: 2) }
        #expect(StudyError.lateTell(id: 1, rerun: 2).description
            == "trial 1 was re-queued when its lease ran out, and trial 2, which evaluated its configuration again, finished first: this late result was not recorded")
        // The same result again is the re-run's own, retried: nothing changes.
        #expect(try study.tell(first, value: 1).id == rerun.id)
        // Once re-run, an interrupted trial is not re-run again.
        let next = try study.ask()
        #expect(next.retryOf == nil)
    }

    @Test("show and export name interrupted trials and re-runs")
    func export() throws {
        let study = Study(space: try Spaces.finite(), seed: 5)
        try study.tell(trialID: try study.ask().id, outcome: .interrupted(reason: "cancelled"))
        try study.tell(try study.ask(), value: 0.5)
        let export = StudyExport(settings: study.settings, trials: try study.trials())
        let json = try #require(try JSONSerialization.jsonObject(with: export.json()) as? [String: Any])
        let trials = try #require(json["trials"] as? [[String: Any]])
        #expect(trials.map { $0["state"] as? String } == ["interrupted", "complete"])
        #expect(trials[0]["failure_reason"] as? String == "cancelled" && trials[0]["retry_of"] == nil)
        #expect(trials[1]["retry_of"] as? Int == 1)
        let lines = export.csv().split(separator: "\n")
        #expect(lines[0].hasSuffix(",failure_reason,stderr_tail,retry_of"))
        #expect(lines[1].hasPrefix("1,interrupted,") && lines[1].hasSuffix(",cancelled,,"))
        #expect(lines[2].hasPrefix("2,complete,") && lines[2].hasSuffix(",1"))
    }

    // MARK: - Format 1

    /// A study file as format 1 wrote it: trial 1 complete, 2 abandoned by a dead process, 3
    /// failed by its objective, 4 running (asked, no owner).
    static func writeFormat1(at path: String, format: Int = 1) throws -> StudySettings {
        let settings = StudySettings(space: try Spaces.finite(), optimizer: .random(RandomSearch.Settings()), seed: 4)
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE study (
                    id INTEGER PRIMARY KEY CHECK (id = 1), format INTEGER NOT NULL, settings TEXT NOT NULL, created_at TEXT NOT NULL);
                CREATE TABLE trial (
                    id INTEGER PRIMARY KEY, state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed')),
                    config TEXT NOT NULL, value REAL, started_at TEXT NOT NULL, finished_at TEXT, failure_reason TEXT,
                    stderr_tail TEXT, owner TEXT);
                """)
            try db.execute(
                sql: "INSERT INTO study VALUES (1, ?, ?, ?)",
                arguments: [format, String(decoding: try JSONEncoder().encode(settings), as: UTF8.self), Date()])
            let rows: [(String, String, Double?, String?)] = [
                ("complete", #"{"kind":"a","units":1}"#, 0.5, nil),
                ("failed", #"{"kind":"b","units":2}"#, nil, "abandoned: process 99999@host ended before the trial finished"),
                ("failed", #"{"kind":"c","units":3}"#, nil, "the command exited with status 1"),
                ("running", #"{"kind":"a","units":4}"#, nil, nil),
            ]
            for (index, row) in rows.enumerated() {
                try db.execute(
                    sql: "INSERT INTO trial (id, state, config, value, started_at, failure_reason) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [index + 1, row.0, row.1, row.2, Date(), row.3])
            }
        }
        return settings
    }

    @Test("a format-1 study file is migrated: no budget, abandoned trials interrupted, the rest as it was")
    func migration() async throws {
        let path = Spaces.temporaryStudyPath("format1")
        defer { Spaces.remove(path) }
        let settings = try Self.writeFormat1(at: path)
        let study = Study(storage: try SQLiteStudyStorage(path: path))
        #expect(study.settings == settings)
        #expect(try study.budget() == nil)
        let trials = try study.trials()
        #expect(trials.map(\.state) == [.complete, .interrupted, .failed, .running])
        #expect(trials[0].value == 0.5 && trials[2].failureReason == "the command exited with status 1")
        #expect(trials.allSatisfy { $0.retryOf == nil })
        let rerun = try study.ask()
        #expect(rerun.retryOf == 2 && rerun.configuration == trials[1].configuration)
        try study.tell(rerun, value: 0.25)
        let summary = try await study.optimize(evaluations: 6) { _ in 1 }
        #expect(summary.finished == 5 && summary.running == 1) // trial 4 is still running: it counts
        let format = try await DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT format FROM study") }
        #expect(format == SQLiteStudyStorage.format)
        // Opening the migrated file again changes nothing.
        #expect(try SQLiteStudyStorage(path: path).trials() == (try study.trials()))
    }

    @Test("a study file of an unknown format is refused with a message, not migrated")
    func unknownFormat() throws {
        let path = Spaces.temporaryStudyPath("format9")
        defer { Spaces.remove(path) }
        _ = try Self.writeFormat1(at: path, format: 9)
        #expect(throws: StudyError.storage(file: path, message: "its format is 9, written by a newer swift-hpo; this version reads formats 1 to 3")) {
            _ = try SQLiteStudyStorage(path: path)
        }
    }
}
