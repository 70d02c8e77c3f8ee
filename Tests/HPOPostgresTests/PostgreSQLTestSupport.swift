import Foundation
@testable import HPOPostgres
import HPOOptimizers
import HPORun
import HPOSpace
import HPOTestSupport
import PostgresNIO
import Testing

/// Spaces and settings of the tests.
enum Spaces {
    /// 3 x 4 = 12 configurations.
    static func finite() throws -> SearchSpace {
        try SearchSpace([.categorical("kind", ["a", "b", "c"]), .integer("units", 1, 4)])
    }

    static func mixed() throws -> SearchSpace {
        try SearchSpace([.categorical("kind", ["a", "b"]), .integer("units", 1, 64), .real("lr", 1e-4, 1, log: true)])
    }

    static func randomSearch(_ space: SearchSpace, seed: UInt64 = 1) -> StudySettings {
        StudySettings(space: space, optimizer: .random(RandomSearch.Settings()), seed: seed)
    }
}

/// A study of its own in the test server's database, and SQL on the side.
struct TestStudy {
    let url: String
    let location: PostgreSQLLocation

    /// A new study location named after `name`, with `parameters` in its URL.
    init(_ name: String, parameters: [String: String] = [:]) throws {
        url = try TestDatabase.study(name, parameters: parameters)
        location = try PostgreSQLLocation(url: url)
    }

    /// Opens the study, creating it from `settings`.
    func open(_ settings: StudySettings? = nil) throws -> PostgreSQLStudyStorage {
        try PostgreSQLStudyStorage(location, creating: settings)
    }

    /// Runs `sql` on a connection of its own and returns the first column of its rows as integers.
    @discardableResult
    func integers(_ sql: String) throws -> [Int] {
        let session = try PostgreSQLSession(location: location, readOnly: false, patience: 5)
        return try session.run { connection, _ in
            try connection.query(PostgresQuery(unsafeSQL: sql)).map { try $0.decode(Int.self) }
        }
    }

    /// Ends the server processes of every connection named `applicationName`, as an
    /// administrator would, and returns how many there were.
    @discardableResult
    func terminateConnections(named applicationName: String) throws -> Int {
        try integers("""
            SELECT count(pg_terminate_backend(pid))::bigint FROM pg_stat_activity
            WHERE application_name = '\(applicationName)' AND pid <> pg_backend_pid()
            """)[0]
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when a PostgreSQL server is given (or required), else skips it, saying why.
    static var needsPostgreSQL: Self {
        .enabled(if: TestDatabase.isEnabled, Comment(rawValue: TestDatabase.skipReason))
    }
}
