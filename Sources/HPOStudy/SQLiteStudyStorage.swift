import Foundation
import GRDB
import HPORun
import HPOSpace

/// A study in an SQLite file, shared safely by any number of processes.
///
/// The file is in WAL mode with a busy timeout, so readers never block and writers wait for each
/// other. Asking happens inside one IMMEDIATE transaction (read the trials, choose, insert), so
/// concurrent processes get distinct trial ids and see each other's running trials; each trial is
/// committed before it is returned, and each result before ``finishTrial(id:outcome:)`` returns,
/// so a process killed at any moment loses no told trial.
///
/// Tables: `study` (one row: `format`, `settings` as JSON, `created_at`, `budget`, the number of
/// evaluations or `NULL` when unknown) and `trial` (`id`, `state` among `running`, `complete`,
/// `failed` and `interrupted`, `config` as a JSON object of name -> value, `value`, `started_at`,
/// `finished_at`, `failure_reason`, `stderr_tail`, `owner` as `pid@host`, `retry_of`, the id of
/// the interrupted trial a re-run evaluates again).
///
/// Format 1 (before budgets and interrupted trials) is migrated to format 2 when the file is
/// opened: the budget is unknown, and failed trials whose reason says that their process ended
/// before they finished (what format 1 recorded for an interrupted trial) become interrupted.
public final class SQLiteStudyStorage: StudyStorage {
    /// The file's path as given.
    public let path: String
    public let settings: StudySettings
    private let database: DatabasePool

    /// The schema version written to the `study` table.
    public static let format = 2

    /// Opens the study in the file at `path`, creating the file and the study from `settings` if
    /// it holds none. Throws ``StudyError/settingsMismatch(file:differences:)`` if the file's study
    /// has other settings than `settings`, and ``StudyError/noStudy(file:)`` if it has none and
    /// `settings` is `nil` (then a missing file is not created).
    public init(path: String, creating settings: StudySettings? = nil, busyTimeout: TimeInterval = 60) throws {
        self.path = path
        guard settings != nil || FileManager.default.fileExists(atPath: path) else { throw StudyError.noStudy(file: path) }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "study"
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            self.settings = try database.writeWithoutTransaction { db in
                var stored: StudySettings?
                try db.inTransaction(.immediate) {
                    try Self.createTables(db)
                    if let row = try Row.fetchOne(db, sql: "SELECT format, settings FROM study WHERE id = 1") {
                        var format: Int = row["format"]
                        if format == 1 {
                            try Self.migrateFromFormat1(db)
                            format = Self.format
                        }
                        guard format == Self.format else {
                            throw StudyError.storage(file: path, message: "its format is \(format); this version reads format \(Self.format)")
                        }
                        let json: String = row["settings"]
                        stored = try JSONDecoder().decode(StudySettings.self, from: Data(json.utf8))
                    } else if let settings {
                        try db.execute(
                            sql: "INSERT INTO study (id, format, settings, created_at) VALUES (1, ?, ?, ?)",
                            arguments: [Self.format, String(decoding: try SortedJSON.encode(settings, newline: false), as: UTF8.self), Date()])
                        stored = settings
                    }
                    return .commit
                }
                guard let stored else { throw StudyError.noStudy(file: path) }
                if let settings, settings != stored {
                    throw StudyError.settingsMismatch(file: path, differences: settings.differences(from: stored))
                }
                return stored
            }
        } catch let error as DatabaseError {
            throw StudyError.storage(file: path, message: error.message ?? "\(error)")
        } catch let error as DecodingError {
            throw StudyError.storage(file: path, message: "its settings cannot be read: " + error.readableDescription)
        }
    }

    private static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS study (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                format INTEGER NOT NULL,
                settings TEXT NOT NULL,
                created_at TEXT NOT NULL,
                budget INTEGER CHECK (budget IS NULL OR budget > 0)
            );
            """)
        try createTrialTable(db, named: "trial")
    }

    /// The `trial` table of format 2, under `name`, unless there is one.
    private static func createTrialTable(_ db: Database, named name: String) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS \(name) (
                id INTEGER PRIMARY KEY,
                state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'interrupted')),
                config TEXT NOT NULL,
                value REAL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                failure_reason TEXT,
                stderr_tail TEXT,
                owner TEXT,
                retry_of INTEGER
            );
            """)
    }

    /// Rewrites a format-1 study as format 2, inside the caller's transaction: the study gets an
    /// unknown budget; the trial table is rebuilt (SQLite cannot change a CHECK constraint in
    /// place) with the `interrupted` state and the `retry_of` column; and the trials that format 1
    /// failed as abandoned by a dead process become interrupted.
    private static func migrateFromFormat1(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE study ADD COLUMN budget INTEGER CHECK (budget IS NULL OR budget > 0)")
        try createTrialTable(db, named: "trial_format2")
        try db.execute(sql: """
            INSERT INTO trial_format2 (id, state, config, value, started_at, finished_at, failure_reason, stderr_tail, owner)
            SELECT id,
                CASE WHEN state = 'failed' AND failure_reason LIKE 'abandoned: process % ended before the trial finished'
                    THEN 'interrupted' ELSE state END,
                config, value, started_at, finished_at, failure_reason, stderr_tail, owner
            FROM trial;
            DROP TABLE trial;
            ALTER TABLE trial_format2 RENAME TO trial;
            UPDATE study SET format = 2 WHERE id = 1;
            """)
    }

    // MARK: - StudyStorage

    public func trials() throws -> [Study.Trial] {
        try mapErrors { try database.read { try fetchTrials($0) } }
    }

    public func budget() throws -> Int? {
        try mapErrors { try database.read { try Self.fetchBudget($0) } }
    }

    public func setBudget(_ budget: Int?) throws {
        try mapErrors {
            try database.write { db in try db.execute(sql: "UPDATE study SET budget = ? WHERE id = 1", arguments: [budget]) }
        }
    }

    private static func fetchBudget(_ db: Database) throws -> Int? {
        try Row.fetchOne(db, sql: "SELECT budget FROM study WHERE id = 1")?["budget"]
    }

    public func insertTrial(
        owner: TrialOwner?, choosing choose: ([Study.Trial], Int?) throws -> Study.NewTrial
    ) throws -> Study.Trial {
        try mapErrors {
            try database.writeWithoutTransaction { db in
                var inserted: Study.Trial?
                try db.inTransaction(.immediate) {
                    let trials = try fetchTrials(db)
                    let new = try choose(trials, try Self.fetchBudget(db))
                    let config = settings.space.dictionary(of: new.configuration)
                    let id = (trials.last?.id ?? 0) + 1
                    let date = Date() // taken inside the transaction: times order as the writes do
                    try db.execute(
                        sql: "INSERT INTO trial (id, state, config, started_at, owner, retry_of) VALUES (?, 'running', ?, ?, ?, ?)",
                        arguments: [id, try Self.json(config), date, owner?.description, new.retryOf])
                    inserted = Study.Trial(
                        id: id, state: .running, configuration: new.configuration, config: config, startedAt: date, owner: owner,
                        retryOf: new.retryOf)
                    return .commit
                }
                guard let inserted else { throw StudyError.storage(file: path, message: "the new trial was not stored") }
                return inserted
            }
        }
    }

    public func finishTrial(id: Int, outcome: TrialOutcome) throws -> Study.Trial {
        try mapErrors {
            try database.writeWithoutTransaction { db in
                var finished: Study.Trial?
                try db.inTransaction(.immediate) {
                    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM trial WHERE id = ?", arguments: [id]) else {
                        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trial") ?? 0
                        throw StudyError.unknownTrial(id: id, count: count)
                    }
                    let trial = try self.trial(row)
                    guard trial.state == .running else { throw StudyError.alreadyFinished(id: id, state: trial.state) }
                    let date = Date()
                    let result = trial.finished(with: outcome, at: date)
                    try db.execute(
                        sql: """
                            UPDATE trial SET state = ?, value = ?, finished_at = ?, failure_reason = ?, stderr_tail = ?
                            WHERE id = ?
                            """,
                        arguments: [result.state.rawValue, result.value, date, result.failureReason, result.stderrTail, id])
                    finished = result
                    return .commit
                }
                guard let finished else { throw StudyError.storage(file: path, message: "trial \(id) was not updated") }
                return finished
            }
        }
    }

    // MARK: - Rows

    private func fetchTrials(_ db: Database) throws -> [Study.Trial] {
        try Row.fetchAll(db, sql: "SELECT * FROM trial ORDER BY id").map(trial)
    }

    private func trial(_ row: Row) throws -> Study.Trial {
        let id: Int = row["id"]
        let stateName: String = row["state"]
        guard let state = TrialState(rawValue: stateName) else {
            throw StudyError.storage(file: path, message: "trial \(id) has unknown state '\(stateName)'")
        }
        let json: String = row["config"]
        let configuration: HPOSpace.Configuration
        do {
            configuration = try settings.space.configuration(json: Data(json.utf8))
        } catch {
            throw StudyError.storage(file: path, message: "trial \(id) has a configuration outside the study's space: \(error)")
        }
        let owner: String? = row["owner"]
        return Study.Trial(
            id: id, state: state, configuration: configuration, config: settings.space.dictionary(of: configuration),
            value: row["value"], startedAt: row["started_at"], finishedAt: row["finished_at"],
            failureReason: row["failure_reason"], stderrTail: row["stderr_tail"], owner: owner.flatMap(TrialOwner.init),
            retryOf: row["retry_of"])
    }

    private static func json(_ config: [String: ParameterValue]) throws -> String {
        String(decoding: try SortedJSON.encode(config, newline: false), as: UTF8.self)
    }

    private func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StudyError.storage(file: path, message: error.message ?? "\(error)")
        }
    }
}
