import Foundation
import HPORun
import HPOSpace
import PostgresNIO

/// A study in a PostgreSQL database, shared by workers on any number of hosts.
///
/// Every operation of ``HPORun/StudyStorage`` is one statement, atomic on the server: an insert
/// stores the next trial only if no trial with its id or a later one exists, the previous one
/// does, and no trial re-runs the same one (`INSERT ... SELECT ... WHERE NOT EXISTS ... ON
/// CONFLICT DO NOTHING`; the primary key `(study, id)` stops two concurrent inserts of one id,
/// the unique `(study, retry_of)` two re-runs of one trial); a replacement is `UPDATE ... WHERE
/// state = 'running'`. Values are `double precision` and come back bit for bit; times are
/// `timestamptz`, to the microsecond; configurations are the JSON of
/// ``HPOSpace/SearchSpace/dictionary(of:)``, byte for byte as SQLite stores them.
///
/// The storage keeps one connection, made again when it is lost (see ``patience``): a trial
/// stored or replaced by an attempt whose answer was lost is recognised when the operation runs
/// again, by reading it back and comparing it with its own. The tables and their versions are
/// described by `PostgreSQLSchema`.
public final class PostgreSQLStudyStorage: StudyStorage {
    /// Where the study lives.
    public let location: PostgreSQLLocation
    public let settings: StudySettings
    /// Whether the study was opened for reading only (``init(readingOnly:patience:)``).
    public let readOnly: Bool
    /// How long each operation keeps trying to reach the server when the connection fails.
    public var patience: TimeInterval { session.patience }
    let session: PostgreSQLSession

    /// How long an operation keeps trying by default: about a minute.
    public static let defaultPatience: TimeInterval = 60

    /// Opens the study at `location`, creating the tables (or bringing them to this version)
    /// and the study from `settings` if there is none. Throws
    /// ``HPORun/StudyError/settingsMismatch(file:differences:)`` if the study has other settings,
    /// ``HPORun/StudyError/noStudy(file:)`` if there is none and `settings` is `nil`, and
    /// ``HPORun/StudyError/storage(file:message:)`` if the server cannot be used, saying why.
    /// The first connection is given a few seconds, later operations `patience`.
    public init(_ location: PostgreSQLLocation, creating settings: StudySettings? = nil, patience: TimeInterval = defaultPatience) throws {
        self.location = location
        readOnly = false
        session = try PostgreSQLSession(location: location, readOnly: false, patience: patience)
        let stored = try session.run(patience: min(patience, Self.firstContactPatience)) { connection, _ in
            try PostgreSQLSchema.migrate(on: connection, schema: location.schema)
            if let settings {
                try connection.query("""
                    INSERT INTO hpo_study (name, format, settings) VALUES (\(location.study), \(PostgreSQLSchema.version), \(try Self.json(settings))::json)
                    ON CONFLICT (name) DO NOTHING
                    """)
            }
            return try Self.storedSettings(on: connection, study: location.study)
        }
        guard let stored else { throw StudyError.noStudy(file: location.description) }
        if let settings, settings != stored {
            throw StudyError.settingsMismatch(file: location.description, differences: settings.differences(from: stored))
        }
        self.settings = stored
    }

    /// Opens the study at `location` for reading only: nothing is created or migrated, and the
    /// connection refuses writes. Throws ``HPORun/StudyError/noStudy(file:)`` if there is none.
    public init(readingOnly location: PostgreSQLLocation, patience: TimeInterval = defaultPatience) throws {
        self.location = location
        readOnly = true
        session = try PostgreSQLSession(location: location, readOnly: true, patience: patience)
        let stored = try session.run(patience: min(patience, Self.firstContactPatience)) { connection, _ -> StudySettings? in
            let installed = try PostgreSQLSchema.installedVersion(on: connection)
            guard installed > 0 else { return nil }
            if installed > PostgreSQLSchema.version {
                throw PostgreSQLSchemaError.newer(installed: installed, known: PostgreSQLSchema.version)
            }
            return try Self.storedSettings(on: connection, study: location.study)
        }
        guard let stored else { throw StudyError.noStudy(file: location.description) }
        settings = stored
    }

    /// How long opening a study waits for the server: a worker started while the server is down
    /// says so at once rather than after a minute.
    static let firstContactPatience: TimeInterval = 3

    /// The stored settings of `study`, or `nil` when there is no such study.
    private static func storedSettings(on connection: PostgreSQLSession.Connection, study: String) throws -> StudySettings? {
        guard let row = try connection.query("SELECT settings FROM hpo_study WHERE name = \(study)").first else { return nil }
        return try JSONDecoder().decode(StudySettings.self, from: Data(try row.decode(String.self).utf8))
    }

    // MARK: - StudyStorage

    public func trials(from firstID: Int) throws -> [Study.Trial] {
        try session.run { connection, _ in
            try connection.query("""
                SELECT \(unescaped: Self.columns) FROM hpo_trial WHERE study = \(location.study) AND id >= \(firstID) ORDER BY id
                """).map(trial)
        }
    }

    public func budget() throws -> Int? {
        try session.run { connection, _ in
            try connection.query("SELECT budget FROM hpo_study WHERE name = \(location.study)").first?.decode(Int?.self)
        }
    }

    public func setBudget(_ budget: Int?) throws {
        _ = try write { connection, _ in
            try connection.query("UPDATE hpo_study SET budget = \(budget) WHERE name = \(location.study)")
        }
    }

    public func insert(_ trial: Study.Trial) throws -> Bool {
        try write { connection, retried in try insert(trial, on: connection, retried: retried) }
    }

    public func replaceRunning(_ trial: Study.Trial) throws -> Study.Trial {
        try write { connection, retried in try replaceRunning(trial, on: connection, retried: retried) }
    }

    /// Stores `trial` as the next trial, in one statement; after an attempt whose answer was lost
    /// (`retried`), a stored trial with its id that matches it is taken as that attempt's.
    func insert(_ trial: Study.Trial, on connection: PostgreSQLSession.Connection, retried: Bool) throws -> Bool {
        if retried, let stored = try storedTrial(trial.id, on: connection) { return stored.matches(trial) }
        var binds = PostgresBindings()
        binds.append(location.study)
        binds.append(trial.id)
        binds.append(trial.state.rawValue)
        binds.append(try Self.json(trial.config))
        binds.append(trial.value)
        binds.append(trial.startedAt)
        binds.append(trial.finishedAt)
        binds.append(trial.failureReason)
        binds.append(trial.stderrTail)
        binds.append(trial.owner?.description)
        binds.append(trial.retryOf)
        binds.append(trial.lease?.seconds)
        binds.append(trial.lease?.renewedAt)
        let inserted = try connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO hpo_trial (study, id, state, config, value, started_at, finished_at, failure_reason, stderr_tail,
                owner, retry_of, lease_seconds, lease_renewed_at)
            SELECT $1::text, $2::bigint, $3::text, $4::json, $5::double precision, $6::timestamptz, $7::timestamptz,
                $8::text, $9::text, $10::text, $11::bigint, $12::double precision, $13::timestamptz
            WHERE NOT EXISTS (SELECT 1 FROM hpo_trial WHERE study = $1 AND id >= $2)
                AND ($2 = 1 OR EXISTS (SELECT 1 FROM hpo_trial WHERE study = $1 AND id = $2 - 1))
            ON CONFLICT DO NOTHING
            RETURNING id
            """, binds: binds))
        return !inserted.isEmpty
    }

    /// Replaces the running trial with `trial`'s id, in one statement; after an attempt whose
    /// answer was lost (`retried`), a stored trial that matches `trial` is taken as replaced.
    func replaceRunning(_ trial: Study.Trial, on connection: PostgreSQLSession.Connection, retried: Bool) throws -> Study.Trial {
        let replaced = try connection.query("""
            UPDATE hpo_trial SET state = \(trial.state.rawValue), value = \(trial.value), finished_at = \(trial.finishedAt),
                failure_reason = \(trial.failureReason), stderr_tail = \(trial.stderrTail), lease_seconds = \(trial.lease?.seconds),
                lease_renewed_at = \(trial.lease?.renewedAt)
            WHERE study = \(location.study) AND id = \(trial.id) AND state = 'running'
            RETURNING id
            """)
        if !replaced.isEmpty { return trial }
        guard let stored = try storedTrial(trial.id, on: connection) else {
            let last = try connection.query("SELECT COALESCE(MAX(id), 0)::bigint FROM hpo_trial WHERE study = \(location.study)")
            throw StudyError.unknownTrial(id: trial.id, count: try last.first?.decode(Int.self) ?? 0)
        }
        return retried && stored.matches(trial) ? trial : stored
    }

    /// Runs a writing operation; refuses a study opened read-only.
    private func write<T>(_ operation: (PostgreSQLSession.Connection, _ retried: Bool) throws -> T) throws -> T {
        guard !readOnly else { throw StudyError.storage(file: location.description, message: "it was opened read-only") }
        return try session.run(operation)
    }

    // MARK: - Rows

    /// The columns of a trial, in the order ``trial(_:)`` reads them.
    private static let columns = """
        id, state, config, value, started_at, finished_at, failure_reason, stderr_tail, owner, retry_of, lease_seconds, lease_renewed_at
        """

    /// The stored trial with id `id`, or `nil`.
    private func storedTrial(_ id: Int, on connection: PostgreSQLSession.Connection) throws -> Study.Trial? {
        try connection.query("SELECT \(unescaped: Self.columns) FROM hpo_trial WHERE study = \(location.study) AND id = \(id)")
            .first.map(trial)
    }

    private func trial(_ row: PostgresRow) throws -> Study.Trial {
        let (id, stateName, json, value, startedAt, finishedAt, failureReason, stderrTail, owner, retryOf, leaseSeconds, renewedAt) =
            try row.decode((Int, String, String, Double?, Date, Date?, String?, String?, String?, Int?, Double?, Date?).self)
        guard let state = TrialState(rawValue: stateName) else {
            throw StudyError.storage(file: location.description, message: "trial \(id) has unknown state '\(stateName)'")
        }
        let configuration: Configuration
        do {
            configuration = try settings.space.configuration(json: Data(json.utf8))
        } catch {
            throw StudyError.storage(
                file: location.description, message: "trial \(id) has a configuration outside the study's space: \(error)")
        }
        return Study.Trial(
            id: id, state: state, configuration: configuration, config: settings.space.dictionary(of: configuration),
            value: value, startedAt: startedAt, finishedAt: finishedAt, failureReason: failureReason, stderrTail: stderrTail,
            owner: owner.flatMap(TrialOwner.init), lease: leaseSeconds.flatMap { seconds in renewedAt.map { TrialLease(seconds: seconds, renewedAt: $0) } },
            retryOf: retryOf)
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try SortedJSON.encode(value, newline: false), as: UTF8.self)
    }
}

extension Study.Trial {
    /// Whether `other` is this trial as stored: the same in everything, times to the
    /// microsecond that the server keeps.
    func matches(_ other: Study.Trial) -> Bool {
        func same(_ a: Date?, _ b: Date?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case (let a?, let b?): abs(a.timeIntervalSince(b)) < 2e-6
            default: false
            }
        }
        return id == other.id && state == other.state && config == other.config && value == other.value
            && same(startedAt, other.startedAt) && same(finishedAt, other.finishedAt) && failureReason == other.failureReason
            && stderrTail == other.stderrTail && owner == other.owner && lease?.seconds == other.lease?.seconds
            && same(lease?.renewedAt, other.lease?.renewedAt) && retryOf == other.retryOf
    }
}
