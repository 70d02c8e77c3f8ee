import Foundation
import HPOPostgres
import HPORun
import HPOStudy
import Testing

/// Study locations in PostgreSQL, and what a user sees when the server cannot be reached: no
/// server needed.
@Suite("PostgreSQL locations")
struct PostgreSQLLocationTests {
    @Test("a URL gives the server, the database and the study; the study defaults to 'default'")
    func parts() throws {
        let full = try PostgreSQLLocation(
            url: "postgresql://ana:s%40cret@db.example:6543/tuning?study=resnet&sslmode=require&schema=hpo&application_name=w1",
            environment: [:])
        #expect(full.user == "ana" && full.password == "s@cret" && full.host == "db.example" && full.port == 6543)
        #expect(full.database == "tuning" && full.study == "resnet" && full.sslMode == .require && full.schema == "hpo")
        #expect(full.applicationName == "w1")
        #expect(full.description == "postgresql://ana@db.example:6543/tuning?study=resnet&sslmode=require&schema=hpo")

        let plain = try PostgreSQLLocation(url: "postgres://bob@127.0.0.1/hpo", environment: ["PGPASSWORD": "pw"])
        #expect(plain.port == 5432 && plain.study == "default" && plain.sslMode == .prefer && plain.schema == nil)
        #expect(plain.password == "pw")
        #expect(plain.description == "postgres://bob@127.0.0.1:5432/hpo?study=default")
        #expect(try PostgreSQLLocation(url: "postgresql://[::1]:5433/hpo", environment: ["PGUSER": "eve"]).address == "[::1]:5433")
    }

    @Test("a URL without a host or database, or with an unknown parameter, is refused with the form to use",
          arguments: [
            ("postgresql:///hpo", "it names no host"),
            ("postgresql://u@host", "it names no database"),
            ("postgresql://u@host/hpo?studdy=x", "its parameter 'studdy' is not known"),
            ("postgresql://u@host/hpo?sslmode=always", "sslmode=always is not known"),
            ("postgresql://u@host/hpo?schema=Bad-Name", "schema=Bad-Name is not a plain schema name"),
          ])
    func refused(_ url: String, _ problem: String) {
        #expect {
            _ = try PostgreSQLLocation(url: url, environment: [:])
        } throws: { error in
            "\(error)".contains(problem) && "\(error)".hasPrefix("'\(url)' is not a PostgreSQL study location")
        }
    }

    @Test("the standard storages send postgresql:// and postgres:// URLs to PostgreSQL, anything else to SQLite")
    func registry() throws {
        let storages = StudyStorages.standard
        #expect(try storages.kind(of: "postgresql://u@h/db").name == "PostgreSQL")
        #expect(try storages.kind(of: "POSTGRES://u@h/db").name == "PostgreSQL")
        #expect(try storages.kind(of: "study.sqlite").name == "SQLite")
        #expect(try storages.kind(of: "sqlite:postgresql.sqlite").name == "SQLite")
        #expect(storages.displayed("postgresql://u:secret@h/db?study=s") == "postgresql://u@h:5432/db?study=s")
        #expect(storages.locationForms.contains("postgresql://USER@HOST[:PORT]/DATABASE?study=NAME (PostgreSQL)"))
    }

    @Test("a server that cannot be reached: the error names the URL without its password, what failed and what would help")
    func unreachable() throws {
        // Port 1 on loopback: nothing listens there.
        let location = try PostgreSQLLocation(url: "postgresql://hpo:secret@127.0.0.1:1/hpo?study=s&sslmode=disable", environment: [:])
        let started = Date()
        #expect {
            _ = try PostgreSQLStudyStorage(location, creating: nil)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("cannot use 'postgresql://hpo@127.0.0.1:1/hpo?study=s&sslmode=disable' as a study database: ")
                && text.contains("could not connect to 127.0.0.1:1: connection refused")
                && text.contains("is the server running") && !text.contains("secret")
        }
        #expect(Date().timeIntervalSince(started) < 10, "opening gives up within seconds")
    }
}
