import Foundation
import GRDB
import HPORun
import HPOSpace

/// A study in an SQLite file, shared safely by the processes of one host.
///
/// The file is in WAL mode with a busy timeout, so readers never block and writers wait for each
/// other, and every write is one short statement: an ask reads the trials and works out the next
/// one outside any transaction, then stores it only if no trial was stored meanwhile
/// (``insert(_:)``); a tell or a heartbeat changes a trial only while it is running. Each trial is
/// committed before it is returned, and each result before the tell returns, so a process killed
/// at any moment loses no told trial. Opened read-only (``init(readingOnly:)``), it takes no
/// lock and writes nothing, also for users who may only read the file.
///
/// For hosts that share a study, use a database server (PostgreSQL): SQLite's locks are not safe
/// on network file systems.
///
/// Tables: `study` (one row: `format`, `settings` as JSON, `created_at`, `budget`, the number of
/// evaluations or `NULL` when unknown) and `trial` (`id`, `state` among `running`, `complete`,
/// `failed` and `interrupted`, `config` as a JSON object of name -> value, `value`, `started_at`,
/// `finished_at`, `failure_reason`, `stderr_tail`, `owner` as `pid@host`, `retry_of`, the id of
/// the interrupted trial a re-run evaluates again, unique; `lease_seconds` and `lease_renewed_at`,
/// the running trial's lease; `internal_values`, the configuration in the space's internal units as
/// little-endian doubles, which a study of many trials reads much faster than the JSON).
///
/// Older formats are migrated when the file is opened for writing: format 1 (before budgets and
/// interrupted trials) gets an unknown budget, and its failed trials whose reason says that their
/// process ended before they finished become interrupted; format 2 (before leases) gives its
/// running trials of `hpo optimize` (those with an owner) a lease of
/// ``TrialLease/defaultSeconds`` from the migration, so that they are re-queued if their process
/// is gone. Read-only, every format is read as it is.
public final class SQLiteStudyStorage: StudyStorage {
    /// The file's path as given.
    public let path: String
    public let settings: StudySettings
    /// Whether the study was opened for reading only (``init(readingOnly:)``).
    public let readOnly: Bool
    private let database: any DatabaseReader

    /// The schema version written to the `study` table.
    public static let format = 3

    /// Opens the study in the file at `path`, creating the file and the study from `settings` if
    /// it holds none. Throws ``StudyError/settingsMismatch(file:differences:)`` if the file's study
    /// has other settings than `settings`, and ``StudyError/noStudy(file:)`` if it has none and
    /// `settings` is `nil` (then a missing file is not created).
    public init(path: String, creating settings: StudySettings? = nil, busyTimeout: TimeInterval = 60) throws {
        self.path = path
        readOnly = false
        guard settings != nil || FileManager.default.fileExists(atPath: path) else { throw StudyError.noStudy(file: path) }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "study"
        do {
            let pool = try Self.openPool(path: path, configuration: configuration, patience: busyTimeout)
            database = pool
            // Most opens find a current study: read it without a lock, and take the write lock
            // only to create or migrate one.
            let found = try pool.read { db in try Self.storedSettings(db, path: path) }
            let stored: StudySettings
            if let found, found.format == Self.format {
                stored = found.settings
            } else {
                stored = try pool.writeWithoutTransaction { db in
                    var stored: StudySettings?
                    try db.inTransaction(.immediate) {
                        stored = try Self.storedSettings(db, path: path).map { found in
                            try Self.migrate(db, from: found.format, path: path)
                            return found.settings
                        }
                        if stored == nil, let settings {
                            try Self.createCurrentTables(db)
                            try db.execute(
                                sql: "INSERT INTO study (id, format, settings, created_at) VALUES (1, ?, ?, ?)",
                                arguments: [Self.format, String(decoding: try SortedJSON.encode(settings, newline: false), as: UTF8.self), Date()])
                            stored = settings
                        }
                        return .commit
                    }
                    guard let stored else { throw StudyError.noStudy(file: path) }
                    return stored
                }
            }
            if let settings, settings != stored {
                throw StudyError.settingsMismatch(file: path, differences: settings.differences(from: stored))
            }
            self.settings = stored
        } catch let error as DatabaseError {
            throw StudyError.storage(file: path, message: error.message ?? "\(error)")
        } catch let error as DecodingError {
            throw StudyError.storage(file: path, message: "its settings cannot be read: " + error.readableDescription)
        }
    }

    /// Opens the study in the file at `path` for reading only: no lock is taken and nothing is
    /// written, so it works for users who may only read the file and never waits for writers.
    /// Throws ``StudyError/noStudy(file:)`` if there is no such file or it holds no study.
    public init(readingOnly path: String) throws {
        self.path = path
        readOnly = true
        guard FileManager.default.fileExists(atPath: path) else { throw StudyError.noStudy(file: path) }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.label = "study"
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            database = queue
            guard let found = try queue.read({ db in try Self.storedSettings(db, path: path) }) else {
                throw StudyError.noStudy(file: path)
            }
            settings = found.settings
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_ERROR, error.message?.hasPrefix("no such table") == true {
                throw StudyError.noStudy(file: path)
            }
            throw StudyError.storage(file: path, message: error.message ?? "\(error)")
        } catch let error as DecodingError {
            throw StudyError.storage(file: path, message: "its settings cannot be read: " + error.readableDescription)
        }
    }

    /// A pool on the file at `path`, retried for up to `patience` seconds while the file is
    /// locked: switching a new file to WAL mode takes an exclusive lock that SQLite does not wait
    /// for, so processes that open a new study at once would otherwise fail with "database is
    /// locked" although the busy timeout is set.
    private static func openPool(path: String, configuration: GRDB.Configuration, patience: TimeInterval) throws -> DatabasePool {
        var backoff = RetryBackoff(first: 0.005, ceiling: 0.1, patience: patience)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                guard backoff.wait() else { throw error }
            }
        }
    }

    /// The stored study's format and settings, or `nil` when the file holds none; throws for a
    /// format newer than this version reads.
    private static func storedSettings(_ db: Database, path: String) throws -> (format: Int, settings: StudySettings)? {
        guard try db.tableExists("study"),
              let row = try Row.fetchOne(db, sql: "SELECT format, settings FROM study WHERE id = 1")
        else { return nil }
        let format: Int = row["format"]
        guard format <= Self.format else {
            throw StudyError.storage(
                file: path, message: "its format is \(format), written by a newer swift-hpo; this version reads formats 1 to \(Self.format)")
        }
        let json: String = row["settings"]
        return (format, try JSONDecoder().decode(StudySettings.self, from: Data(json.utf8)))
    }

    /// Brings a study of `format` to the current format, inside the caller's transaction.
    private static func migrate(_ db: Database, from format: Int, path: String) throws {
        if format <= 1 { try migrateFromFormat1(db) }
        if format <= 2 { try migrateFromFormat2(db) }
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

    /// The tables of the current format, created unless they exist.
    private static func createCurrentTables(_ db: Database) throws {
        try createTables(db)
        if try !db.columns(in: "trial").contains(where: { $0.name == "lease_seconds" }) {
            try db.execute(sql: """
                ALTER TABLE trial ADD COLUMN lease_seconds REAL;
                ALTER TABLE trial ADD COLUMN lease_renewed_at TEXT;
                ALTER TABLE trial ADD COLUMN internal_values BLOB;
                """)
        }
        try db.execute(sql: "CREATE UNIQUE INDEX IF NOT EXISTS trial_retry_of ON trial (retry_of)")
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

    /// Rewrites a format-2 study as format 3, inside the caller's transaction: trials get a
    /// lease and re-runs a unique index; running trials with an owner (those of `hpo optimize`)
    /// get a lease of ``TrialLease/defaultSeconds`` from now.
    private static func migrateFromFormat2(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE trial ADD COLUMN lease_seconds REAL;
            ALTER TABLE trial ADD COLUMN lease_renewed_at TEXT;
            ALTER TABLE trial ADD COLUMN internal_values BLOB;
            CREATE UNIQUE INDEX IF NOT EXISTS trial_retry_of ON trial (retry_of);
            UPDATE study SET format = 3 WHERE id = 1;
            """)
        try db.execute(
            sql: "UPDATE trial SET lease_seconds = ?, lease_renewed_at = ? WHERE state = 'running' AND owner IS NOT NULL",
            arguments: [TrialLease.defaultSeconds, Date()])
    }

    // MARK: - StudyStorage

    public func trials(from firstID: Int) throws -> [Study.Trial] {
        try mapErrors {
            try database.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM trial WHERE id >= ? ORDER BY id", arguments: [firstID]).map(trial)
            }
        }
    }

    public func budget() throws -> Int? {
        try mapErrors { try database.read { try Row.fetchOne($0, sql: "SELECT budget FROM study WHERE id = 1")?["budget"] } }
    }

    public func setBudget(_ budget: Int?) throws {
        try write { db in try db.execute(sql: "UPDATE study SET budget = ? WHERE id = 1", arguments: [budget]) }
    }

    public func insert(_ trial: Study.Trial) throws -> Bool {
        try write { db in
            let stored = try Row.fetchOne(
                db, sql: "SELECT COALESCE(MAX(id), 0) AS last, ? IN (SELECT retry_of FROM trial) AS retried FROM trial",
                arguments: [trial.retryOf])
            guard let stored, stored["last"] as Int == trial.id - 1, !(stored["retried"] as Bool? ?? false) else { return false }
            try db.execute(
                sql: """
                    INSERT INTO trial (id, state, config, value, started_at, finished_at, failure_reason, stderr_tail, owner,
                        retry_of, lease_seconds, lease_renewed_at, internal_values)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    trial.id, trial.state.rawValue, try Self.json(trial.config), trial.value, trial.startedAt, trial.finishedAt,
                    trial.failureReason, trial.stderrTail, trial.owner?.description, trial.retryOf, trial.lease?.seconds,
                    trial.lease?.renewedAt, Self.blob(trial.configuration),
                ])
            return true
        }
    }

    public func replaceRunning(_ trial: Study.Trial) throws -> Study.Trial {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM trial WHERE id = ?", arguments: [trial.id]) else {
                throw StudyError.unknownTrial(id: trial.id, count: try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM trial") ?? 0)
            }
            let stored = try self.trial(row)
            guard stored.state == .running else { return stored }
            try db.execute(
                sql: """
                    UPDATE trial SET state = ?, value = ?, finished_at = ?, failure_reason = ?, stderr_tail = ?,
                        lease_seconds = ?, lease_renewed_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    trial.state.rawValue, trial.value, trial.finishedAt, trial.failureReason, trial.stderrTail,
                    trial.lease?.seconds, trial.lease?.renewedAt, trial.id,
                ])
            return trial
        }
    }

    /// Runs `body` in one short IMMEDIATE transaction; refuses a study opened read-only.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer = database as? any DatabaseWriter, !readOnly else {
            throw StudyError.storage(file: path, message: "it was opened read-only")
        }
        return try mapErrors {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    // MARK: - Rows

    private func trial(_ row: Row) throws -> Study.Trial {
        let id: Int = row["id"]
        let stateName: String = row["state"]
        guard let state = TrialState(rawValue: stateName) else {
            throw StudyError.storage(file: path, message: "trial \(id) has unknown state '\(stateName)'")
        }
        let configuration: HPOSpace.Configuration
        if let values = Self.values(row["internal_values"], dimension: settings.space.dimension) {
            configuration = HPOSpace.Configuration(values)
        } else {
            let json: String = row["config"]
            do {
                configuration = try settings.space.configuration(json: Data(json.utf8))
            } catch {
                throw StudyError.storage(file: path, message: "trial \(id) has a configuration outside the study's space: \(error)")
            }
        }
        let owner: String? = row["owner"]
        return Study.Trial(
            id: id, state: state, configuration: configuration, config: settings.space.dictionary(of: configuration),
            value: row["value"], startedAt: row["started_at"], finishedAt: row["finished_at"],
            failureReason: row["failure_reason"], stderrTail: row["stderr_tail"], owner: owner.flatMap(TrialOwner.init),
            lease: lease(row), retryOf: row["retry_of"])
    }

    /// A configuration's internal values as little-endian doubles.
    private static func blob(_ configuration: HPOSpace.Configuration) -> Data {
        var data = Data(capacity: 8 * configuration.values.count)
        for value in configuration.values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The internal values in `blob`, if it holds `dimension` of them (none before format 3).
    private static func values(_ blob: Data?, dimension: Int) -> [Double]? {
        guard let blob, blob.count == 8 * dimension else { return nil }
        return blob.withUnsafeBytes { bytes in
            (0..<dimension).map { Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self))) }
        }
    }

    /// The lease stored in `row`, if any (none in formats before 3).
    private func lease(_ row: Row) -> TrialLease? {
        guard row.hasColumn("lease_seconds"), let seconds: Double = row["lease_seconds"],
              let renewedAt: Date = row["lease_renewed_at"]
        else { return nil }
        return TrialLease(seconds: seconds, renewedAt: renewedAt)
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
