import Foundation
import HPOPostgres
import HPORun
import HPOSpace
import HPOStudy
import Testing

/// `Study.copy(to:)` between storages: settings, budget and every trial as it is.
@Suite("Copying studies between storages", .needsPostgreSQL)
struct StudyCopyTests {
    /// A temporary SQLite path, removed with its WAL files by `remove`.
    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "/hpo-copy-test-\(name)-\(UUID().uuidString).sqlite"
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A study with a trial of every kind: complete, failed with its stderr, interrupted and
    /// re-run, running with a lease and an owner; and a budget.
    static func fill(_ study: Study) throws {
        try study.setBudget(9)
        try study.tell(try study.ask(), value: 1.0 / 3)
        try study.tell(try study.ask(), failure: "diverged", stderrTail: "loss: nan\n")
        let interrupted = try study.ask()
        try study.tell(trialID: interrupted.id, outcome: .interrupted(reason: "cancelled"))
        try study.tell(try study.ask(), value: 0.1 + 0.2)  // the re-run
        _ = try study.ask(owner: TrialOwner(pid: 42, host: "worker-1"), lease: 300)
    }

    /// Whether `copied` holds `original`'s trials: everything equal, times to the millisecond
    /// that SQLite keeps.
    static func same(_ copied: [Study.Trial], _ original: [Study.Trial]) -> Bool {
        func close(_ a: Date?, _ b: Date?) -> Bool { a == nil ? b == nil : b.map { abs($0.timeIntervalSince(a!)) < 1e-3 } ?? false }
        return copied.count == original.count && zip(copied, original).allSatisfy { a, b in
            a.id == b.id && a.state == b.state && a.config == b.config && a.value?.bitPattern == b.value?.bitPattern
                && a.failureReason == b.failureReason && a.stderrTail == b.stderrTail && a.owner == b.owner
                && a.retryOf == b.retryOf && a.lease?.seconds == b.lease?.seconds && close(a.startedAt, b.startedAt)
                && close(a.finishedAt, b.finishedAt) && close(a.lease?.renewedAt, b.lease?.renewedAt)
        }
    }

    @Test("SQLite -> PostgreSQL -> SQLite -> SQLite: the same settings, budget and trials at every step")
    func bothWays() throws {
        let first = Self.temporaryPath("first"), last = Self.temporaryPath("last"), again = Self.temporaryPath("again")
        defer { [first, last, again].forEach(Self.remove) }
        let settings = Spaces.randomSearch(try Spaces.mixed(), seed: 6)
        let source = Study(storage: try SQLiteStudyStorage(path: first, creating: settings))
        try Self.fill(source)
        let original = try Study(storage: SQLiteStudyStorage(readingOnly: first)).trials()
        #expect(original.map(\.state) == [.complete, .failed, .interrupted, .complete, .running])

        let test = try TestStudy("copy")
        let database = Study(storage: try test.open(settings))
        #expect(Self.same(try source.copy(to: database.storage), original))
        #expect(try Self.same(test.open().trials(), original) && test.open().budget() == 9)

        let back = try StudyStorages.standard.open(last, creating: settings)
        try Study(storage: PostgreSQLStudyStorage(readingOnly: test.location)).copy(to: back.storage)
        #expect(Self.same(try SQLiteStudyStorage(readingOnly: last).trials(), original))
        #expect(try back.budget() == 9)
        let third = try StudyStorages.standard.open(again, creating: settings)
        try back.copy(to: third.storage)
        #expect(Self.same(try third.trials(), original))

        // The copy goes on as the original would: the next ask re-runs nothing and counts the same.
        #expect(try database.ask().id == 6 && source.ask().id == 6)
    }

    @Test("a destination with trials or other settings is refused")
    func refusals() throws {
        let settings = Spaces.randomSearch(try Spaces.finite())
        let path = Self.temporaryPath("refused")
        defer { Self.remove(path) }
        let source = Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
        try Self.fill(source)
        let test = try TestStudy("copy-refused")
        let destination = Study(storage: try test.open(settings))
        _ = try destination.ask()
        #expect(throws: StudyError.copyIntoStudyWithTrials(count: 1)) { try source.copy(to: destination.storage) }
        var other = settings
        other.seed = 3
        let elsewhere = try TestStudy("copy-other")
        #expect(throws: StudyError.settingsMismatch(file: "the destination", differences: ["seed 1 (not 3)"])) {
            try source.copy(to: elsewhere.open(other))
        }
        #expect(try destination.trials().count == 1)
    }
}
