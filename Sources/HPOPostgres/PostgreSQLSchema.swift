import PostgresNIO

/// The tables of swift-hpo in a PostgreSQL database, and the numbered steps that make them.
///
/// A database (or the schema a location names) holds any number of studies: `hpo_study` has one
/// row per study (its `name`, the `format` of the tables that wrote it, its `settings` as JSON,
/// `created_at` and its `budget`), `hpo_trial` one row per trial, keyed by study and id, with
/// the columns of ``HPORun/Study/Trial``, and `hpo_schema` one row per step applied. A writer
/// that opens a study applies the missing steps in one transaction under an advisory lock, so
/// that workers starting together neither collide nor apply a step twice; a reader applies none.
enum PostgreSQLSchema {
    /// One step: the statements that bring the tables from the previous version to `version`.
    struct Step: Sendable {
        let version: Int
        let summary: String
        let statements: [String]
    }

    /// Every step, in order. A new version appends a step; a step once released never changes.
    static let steps: [Step] = [
        Step(version: 1, summary: "studies and their trials", statements: [
            """
            CREATE TABLE hpo_study (
                name text PRIMARY KEY,
                format integer NOT NULL,
                settings json NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                budget bigint CHECK (budget IS NULL OR budget > 0)
            )
            """,
            """
            CREATE TABLE hpo_trial (
                study text NOT NULL REFERENCES hpo_study (name) ON DELETE CASCADE,
                id bigint NOT NULL CHECK (id > 0),
                state text NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'interrupted')),
                config json NOT NULL,
                value double precision,
                started_at timestamptz NOT NULL,
                finished_at timestamptz,
                failure_reason text,
                stderr_tail text,
                owner text,
                retry_of bigint,
                lease_seconds double precision,
                lease_renewed_at timestamptz,
                PRIMARY KEY (study, id),
                UNIQUE (study, retry_of)
            )
            """,
        ]),
    ]

    /// The version this swift-hpo writes.
    static var version: Int { steps.last?.version ?? 0 }

    /// The version of the tables reachable on `connection`, 0 when there are none.
    static func installedVersion(on connection: PostgreSQLSession.Connection) throws -> Int {
        let exists = try connection.query("SELECT to_regclass('hpo_schema') IS NOT NULL")
        guard try exists.first?.decode(Bool.self) == true else { return 0 }
        return try connection.query("SELECT COALESCE(MAX(version), 0)::bigint FROM hpo_schema").first?.decode(Int.self) ?? 0
    }

    /// Applies the steps of `steps` that the tables lack, in one transaction holding the
    /// advisory lock of swift-hpo's schema, creating `schema` first if one is named. Throws
    /// ``PostgreSQLSchemaError/newer(installed:known:)`` for tables made by a newer swift-hpo.
    /// Returns the versions applied.
    @discardableResult
    static func migrate(
        on connection: PostgreSQLSession.Connection, schema: String?, steps: [Step] = steps
    ) throws -> [Int] {
        let known = steps.last?.version ?? 0
        let installed = try installedVersion(on: connection)
        guard installed < known else {
            if installed > known { throw PostgreSQLSchemaError.newer(installed: installed, known: known) }
            return []
        }
        return try connection.transaction {
            try connection.query("SELECT pg_advisory_xact_lock(hashtext('swift-hpo schema'))")
            if let schema { try connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)")) }
            try connection.query("""
                CREATE TABLE IF NOT EXISTS hpo_schema (
                    version integer PRIMARY KEY,
                    summary text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let current = try installedVersion(on: connection)  // another writer may have migrated meanwhile
            if current > known { throw PostgreSQLSchemaError.newer(installed: current, known: known) }
            var applied: [Int] = []
            for step in steps where step.version > current {
                for statement in step.statements { try connection.query(PostgresQuery(unsafeSQL: statement)) }
                try connection.query("INSERT INTO hpo_schema (version, summary) VALUES (\(step.version), \(step.summary))")
                applied.append(step.version)
            }
            return applied
        }
    }
}

/// Tables that this swift-hpo cannot use.
enum PostgreSQLSchemaError: Error, Equatable, CustomStringConvertible {
    /// Made by a newer swift-hpo.
    case newer(installed: Int, known: Int)

    var description: String {
        switch self {
        case .newer(let installed, let known):
            "its swift-hpo tables are at version \(installed), made by a newer swift-hpo; this version knows versions 1 to \(known): use a newer hpo"
        }
    }
}
