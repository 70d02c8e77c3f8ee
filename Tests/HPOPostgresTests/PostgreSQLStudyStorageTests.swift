import Foundation
import HPOOptimizers
import HPOPostgres
import HPORun
import HPOSpace
import HPOStudy
import Testing

/// A study in PostgreSQL behaves as in SQLite and in memory: the semantics live in `Study`, so
/// these tests check the storage.
@Suite("PostgreSQL study storage", .needsPostgreSQL)
struct PostgreSQLStudyStorageTests {
    @Test("a study is created, reopened with its settings, refused with others, and missing without settings")
    func createAndReopen() throws {
        let test = try TestStudy("create")
        let settings = Spaces.randomSearch(try Spaces.finite(), seed: 1)
        #expect(throws: StudyError.noStudy(file: test.location.description)) { _ = try test.open() }
        #expect(throws: StudyError.noStudy(file: test.location.description)) {
            _ = try PostgreSQLStudyStorage(readingOnly: test.location)
        }
        _ = try test.open(settings)
        #expect(try test.open().settings == settings)
        #expect(try test.open(settings).settings == settings)
        var other = settings
        other.seed = 2
        #expect(throws: StudyError.settingsMismatch(file: test.location.description, differences: ["seed 2 (not 1)"])) {
            _ = try test.open(other)
        }
        // Another study in the same database is another study.
        let neighbour = try TestStudy("create-neighbour")
        _ = try neighbour.open(other)
        #expect(try neighbour.open().settings == other && test.open().settings == settings)
        #expect(StudyError.storage(file: test.location.description, message: "x").description.contains("as a study database: x"))
    }

    @Test("a study opened read-only reads the trials and budget and refuses writes")
    func readOnly() throws {
        let test = try TestStudy("read-only")
        let study = Study(storage: try test.open(Spaces.randomSearch(try Spaces.finite())))
        try study.setBudget(7)
        try study.tell(try study.ask(), value: 0.5)
        let reader = try PostgreSQLStudyStorage(readingOnly: test.location)
        #expect(reader.readOnly && reader.settings == study.settings)
        #expect(try reader.trials() == study.trials() && reader.budget() == 7)
        let refusal = StudyError.storage(file: test.location.description, message: "it was opened read-only")
        #expect(throws: refusal) { try reader.setBudget(3) }
        #expect(throws: refusal) { try Study(storage: reader).ask() }
    }

    /// Presets whose trials must be the same in every storage.
    static let presets = ["random", "tpe", "evolution", "bo-rf", "bo-gp"]

    @Test("a sequential study makes the same trials in PostgreSQL, SQLite and memory: byte-identical configurations and values",
          arguments: presets)
    func sameTrialsEverywhere(_ preset: String) async throws {
        let settings = StudySettings(
            space: try Spaces.mixed(), optimizer: try OptimizerRegistry.standard.preset(named: preset).spec, seed: 5)
        let test = try TestStudy("same-\(preset)")
        let path = NSTemporaryDirectory() + "/hpo-postgres-test-same-\(preset)-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let studies = [
            Study(storage: try test.open(settings)),
            Study(storage: try SQLiteStudyStorage(path: path, creating: settings)),
            Study(storage: InMemoryStudyStorage(settings: settings)),
        ]
        for study in studies {
            try await study.optimize(evaluations: 12) { trial in
                if trial.id % 5 == 0 { throw ObjectiveFailure(reason: "diverged", stderrTail: "nan") }
                return trial.configuration[2] * 3 + 1 / 3
            }
        }
        let stored = try studies.map { study in
            try study.trials().map { trial in
                [trial.state.rawValue, String(decoding: try SortedJSON.encode(trial.config), as: UTF8.self),
                 trial.value.map { String($0.bitPattern, radix: 16) } ?? "-", trial.failureReason ?? "", trial.stderrTail ?? ""]
            }
        }
        #expect(stored[0].count == 12)
        #expect(stored[0] == stored[1], "PostgreSQL and SQLite")
        #expect(stored[0] == stored[2], "PostgreSQL and memory")
        // And the same when read back by a new storage.
        #expect(try PostgreSQLStudyStorage(readingOnly: test.location).trials() == studies[0].trials())
    }

    @Test("values come back bit for bit, however awkward")
    func exactValues() throws {
        let values: [Double] = [0.1 + 0.2, 1.0 / 3, .pi, -0.0, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -123456.789e-7]
        let test = try TestStudy("values")
        let study = Study(storage: try test.open(Spaces.randomSearch(try Spaces.mixed())))
        for value in values { try study.tell(try study.ask(), value: value) }
        let read = try test.open().trials().map { $0.value?.bitPattern }
        #expect(read == values.map(\.bitPattern))
        let trial = try #require(try test.open().trials().first)
        let original = try #require(try study.trials().first)
        #expect(abs(trial.startedAt.timeIntervalSince(original.startedAt)) < 1e-6, "times to the microsecond")
    }

    @Test("budgets: set, changed, unknown; optimize sets its evaluations")
    func budgets() async throws {
        let test = try TestStudy("budget")
        let study = Study(storage: try test.open(Spaces.randomSearch(try Spaces.mixed())))
        #expect(try study.budget() == nil)
        try study.setBudget(20)
        #expect(try Study(storage: test.open()).budget() == 20)
        try study.setBudget(nil)
        #expect(try study.budget() == nil)
        #expect(throws: StudyError.invalidCount(name: "budget", value: 0)) { try study.setBudget(0) }
        try await study.optimize(evaluations: 3) { _ in 1 }
        #expect(try study.budget() == 3 && study.trials().count == 3)
        #expect(try study.ask(limit: 3) == nil)
    }

    @Test("failures keep their reason and stderr; non-finite values fail; telling twice is idempotent or refused")
    func failuresAndTells() throws {
        let test = try TestStudy("failures")
        let study = Study(storage: try test.open(Spaces.randomSearch(try Spaces.mixed())))
        let failed = try study.tell(try study.ask(), failure: "out of memory", stderrTail: "Killed\n")
        let nan = try study.tell(try study.ask(), value: .nan)
        let complete = try study.ask()
        try study.tell(complete, value: 0.25)
        let reread = try test.open().trials()
        #expect(reread[0].state == .failed && reread[0].failureReason == "out of memory" && reread[0].stderrTail == "Killed\n")
        #expect(reread[0].config == failed.config && reread[1].state == .failed && reread[1].failureReason == nan.failureReason)
        // A retried tell does nothing; another outcome is refused.
        #expect(try study.tell(complete, value: 0.25).value == 0.25)
        #expect(throws: StudyError.alreadyFinished(id: 3, state: .complete)) { try study.tell(complete, value: 0.5) }
        #expect(throws: StudyError.unknownTrial(id: 9, count: 3)) { try study.tell(trialID: 9, outcome: .complete(1)) }
        #expect(try test.open().trials()[2].value == 0.25)
    }

    @Test("a study opened anew continues where it stopped, as one run would")
    func resume() async throws {
        let test = try TestStudy("resume")
        let settings = StudySettings(space: try Spaces.mixed(), optimizer: try OptimizerRegistry.standard.preset(named: "tpe").spec, seed: 3)
        try await Study(storage: try test.open(settings)).optimize(evaluations: 6) { $0.configuration[2] }
        let resumed = Study(storage: try test.open(settings))
        try await resumed.optimize(evaluations: 14) { $0.configuration[2] }
        let straight = Study(storage: InMemoryStudyStorage(settings: settings))
        try await straight.optimize(evaluations: 14) { $0.configuration[2] }
        #expect(try resumed.trials().map(\.config) == straight.trials().map(\.config))
        #expect(try resumed.trials().map(\.value) == straight.trials().map(\.value))
    }
}
