import Foundation
import HPO
import HPOTestSupport
import Testing

/// The command line on studies in a PostgreSQL database, run as a user runs it.
@Suite("PostgreSQL studies on the command line")
struct PostgreSQLCommandLineTests {
    /// Runs `hpo` in `directory` and requires it to succeed.
    static func hpo(_ arguments: [String], in directory: URL) throws -> HPOProcess.Output {
        let run = try HPOProcess.run(arguments, in: directory)
        try #require(run.status == 0, "hpo \(arguments.joined(separator: " ")): \(run.stderr)")
        return run
    }

    static func exportedTrials(_ location: String, in directory: URL) throws -> [[String: Any]] {
        let export = try hpo(["study", "export", location, "--format", "json"], in: directory)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        return try #require(json["trials"] as? [[String: Any]])
    }

    @Test("ask, tell, optimize, show and export with --study postgresql://... give what they give on a file",
          .enabled(if: TestDatabase.isEnabled, Comment(rawValue: TestDatabase.skipReason)))
    func sameAsAFile() throws {
        let directory = try StudyCommandLineTests.workspace("postgresql")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try TestDatabase.study("cli")
        for location in [database, "file.sqlite"] {
            for _ in 0..<3 {
                let asked = try Self.hpo(["ask", "--study", location, "--space", "space.json", "--seed", "42", "--lease", "600"], in: directory)
                let reply = try JSONDecoder().decode(StudyCommandLineTests.AskReply.self, from: Data(asked.stdout.utf8))
                let value = try #require(reply.config["x"]?.number)
                _ = try Self.hpo(["tell", "--study", location, "--trial", "\(reply.trial)", "--value", "\(value)"], in: directory)
            }
            let optimized = try Self.hpo(
                ["optimize", "--study", location, "--objective", "echo \"$HPO_PARAM_X\"", "--evaluations", "6"], in: directory)
            #expect(optimized.stdout.contains("6 trials: 6 complete, 0 failed, 0 running"), "\(optimized.stdout)")
        }
        let shown = try Self.hpo(["study", "show", database], in: directory).stdout
        #expect(shown.hasPrefix("study \(StudyStorages.standard.displayed(database)): 3 parameters (kind, units, x)"))
        #expect(shown.contains("6 trials: 6 complete"))
        let inDatabase = try Self.exportedTrials(database, in: directory)
        let inFile = try Self.exportedTrials("file.sqlite", in: directory)
        #expect(inDatabase.count == 6)
        #expect(inDatabase.map { $0["config"] as? NSDictionary } == inFile.map { $0["config"] as? NSDictionary })
        #expect(inDatabase.map { $0["value"] as? Double } == inFile.map { $0["value"] as? Double })
    }

    @Test("hpo study copy: a file into the database and back; a destination with trials is refused",
          .enabled(if: TestDatabase.isEnabled, Comment(rawValue: TestDatabase.skipReason)))
    func copy() throws {
        let directory = try StudyCommandLineTests.workspace("postgresql-copy")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Self.hpo(
            ["optimize", "--space", "finite.yaml", "--objective", "echo \"$HPO_PARAM_UNITS\"", "--evaluations", "5", "--study", "a.sqlite"],
            in: directory)
        let database = try TestDatabase.study("cli-copy")
        let there = try Self.hpo(["study", "copy", "a.sqlite", database], in: directory)
        #expect(there.stdout.hasPrefix("copied a.sqlite to \(StudyStorages.standard.displayed(database)): optimizer "), "\(there.stdout)")
        #expect(there.stdout.contains(", budget 5, 5 trials (5 complete, 0 failed, 0 running, 0 interrupted)"), "\(there.stdout)")
        let back = try Self.hpo(["study", "copy", database, "b.sqlite"], in: directory)
        #expect(back.stdout.contains("5 trials (5 complete"), "\(back.stdout)")
        let original = try Self.exportedTrials("a.sqlite", in: directory), copied = try Self.exportedTrials("b.sqlite", in: directory)
        #expect(copied.map { $0["config"] as? NSDictionary } == original.map { $0["config"] as? NSDictionary })
        #expect(copied.map { $0["value"] as? Double } == original.map { $0["value"] as? Double })

        let refused = try HPOProcess.run(["study", "copy", "a.sqlite", database], in: directory)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("already holds a study with 5 trials: copy into a new study"), "\(refused.stderr)")
    }

    @Test("a server that cannot be reached: the command says so, without the password")
    func unreachable() throws {
        let directory = try StudyCommandLineTests.workspace("postgresql-unreachable")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try HPOProcess.run(["study", "show", "postgresql://hpo:secret@127.0.0.1:1/hpo?study=s"], in: directory)
        #expect(run.status != 0)
        #expect(run.stderr.contains("cannot use 'postgresql://hpo@127.0.0.1:1/hpo?study=s' as a study database"), "\(run.stderr)")
        #expect(run.stderr.contains("could not connect to 127.0.0.1:1: connection refused"), "\(run.stderr)")
        #expect(!run.stderr.contains("secret"))
    }
}
