import Foundation
import GRDB
import HPOOptimizers
import HPORun
import HPOSpace
import HPOStudy
import Synchronization
import Testing

/// Asks work out their trial outside any lock and store it after; readers take no lock at all.
@Suite("Short transactions")
struct ShortTransactionTests {
    /// A storage where another worker stores a trial between an ask's read and its insert, once.
    final class InterleavingStorage: StudyStorage {
        let inner: InMemoryStudyStorage
        private let interleaved = Mutex<Study.Trial?>(nil)
        init(_ inner: InMemoryStudyStorage) { self.inner = inner }
        var settings: StudySettings { inner.settings }
        var other: Study.Trial? { interleaved.withLock { $0 } }
        func trials(from firstID: Int) throws -> [Study.Trial] { try inner.trials(from: firstID) }
        func budget() throws -> Int? { try inner.budget() }
        func setBudget(_ budget: Int?) throws { try inner.setBudget(budget) }
        func replaceRunning(_ trial: Study.Trial) throws -> Study.Trial { try inner.replaceRunning(trial) }
        func insert(_ trial: Study.Trial) throws -> Bool {
            try interleaved.withLock { other in
                if other == nil { other = try Study(storage: inner).ask() }
            }
            return try inner.insert(trial)
        }
    }

    @Test("a trial chosen while another worker stored one is stored after it, as a distinct running trial")
    func choiceStoredAfterAnInterleavedTrial() throws {
        let settings = StudySettings(space: try Spaces.mixed(), optimizer: try OptimizerRegistry.standard.preset(named: "bo-rf").spec, seed: 1)
        let inner = InMemoryStudyStorage(settings: settings)
        let plain = Study(storage: inner)
        for value in [3.0, 1, 2] { try plain.tell(try plain.ask(), value: value) }
        let storage = InterleavingStorage(inner)
        let mine = try Study(storage: storage).ask()
        let other = try #require(storage.other)
        #expect(other.id == 4 && mine.id == 5)
        #expect(mine.configuration != other.configuration)
        #expect(try inner.trials().map(\.state) == [.complete, .complete, .complete, .running, .running])
    }

    @Test("insert stores only the next id and one re-run per interrupted trial; replaceRunning changes running trials only")
    func compareAndSet() throws {
        let path = Spaces.temporaryStudyPath("cas")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.finite(), optimizer: .random(RandomSearch.Settings()), seed: 2)
        for storage in [InMemoryStudyStorage(settings: settings), try SQLiteStudyStorage(path: path, creating: settings)] as [any StudyStorage] {
            let configuration = try settings.space.configuration(json: Data(#"{"kind": "a", "units": 1}"#.utf8))
            func trial(_ id: Int, retryOf: Int? = nil) -> Study.Trial {
                Study.Trial(id: id, state: .running, configuration: configuration, config: settings.space.dictionary(of: configuration),
                            startedAt: Date(), retryOf: retryOf)
            }
            #expect(try !storage.insert(trial(2)), "a gap")
            #expect(try storage.insert(trial(1)))
            #expect(try !storage.insert(trial(1)), "an id taken")
            let interrupted = try storage.replaceRunning(trial(1).finished(with: .interrupted(reason: "x"), at: Date()))
            #expect(interrupted.state == .interrupted)
            #expect(try storage.replaceRunning(trial(1).finished(with: .complete(1), at: Date())).state == .interrupted, "no longer running")
            #expect(try storage.insert(trial(2, retryOf: 1)))
            #expect(try !storage.insert(trial(3, retryOf: 1)), "a second re-run of trial 1")
            #expect(throws: StudyError.unknownTrial(id: 9, count: 2)) { try storage.replaceRunning(trial(9)) }
        }
    }

    @Test("while another process holds the study file's write lock, the study opens, and read-only it reads, without waiting")
    func readersTakeNoLock() throws {
        let path = Spaces.temporaryStudyPath("locked")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.mixed(), optimizer: .random(RandomSearch.Settings()), seed: 2)
        let study = Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
        try study.tell(try study.ask(), value: 1)
        let writer = try DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            // busyTimeout 0: any lock the open needed would fail at once with "database is locked".
            let opened = try SQLiteStudyStorage(path: path, busyTimeout: 0)
            #expect(opened.settings == settings)
            #expect(try opened.trials().count == 1)
            let reader = try SQLiteStudyStorage(readingOnly: path)
            #expect(try reader.trials().map(\.value) == [1])
            #expect(try reader.budget() == nil)
        }
    }

    @Test("a new study file locked by another process while it opens waits for the lock instead of failing")
    func newFileLockedWhileOpening() throws {
        let path = Spaces.temporaryStudyPath("creating")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.mixed(), optimizer: .random(RandomSearch.Settings()), seed: 2)
        // Another process's connection is writing the new file (as one creating the study is):
        // switching to WAL mode needs the exclusive lock, and SQLite returns "database is locked"
        // at once instead of waiting for it.
        var unsafe = Configuration()
        unsafe.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: unsafe)
        try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE; CREATE TABLE other (x); ") }
        let released = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            try? other.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
        }
        released.start()
        let storage = try SQLiteStudyStorage(path: path, creating: settings, busyTimeout: 10)
        #expect(storage.settings == settings)
        let study = Study(storage: storage)
        try study.tell(try study.ask(), value: 1)
        #expect(try study.trials().count == 1)
    }

    @Test("a study opened read-only writes nothing and refuses writes with a clear message")
    func readOnlyWritesNothing() throws {
        let path = Spaces.temporaryStudyPath("readonly")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.mixed(), optimizer: .random(RandomSearch.Settings()), seed: 2)
        let study = Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
        try study.tell(try study.ask(), value: 1)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = Study(storage: try SQLiteStudyStorage(readingOnly: path))
        #expect(try reader.trials().count == 1)
        #expect(throws: StudyError.storage(file: path, message: "it was opened read-only")) { try reader.ask() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(throws: StudyError.noStudy(file: path + ".missing")) { try SQLiteStudyStorage(readingOnly: path + ".missing") }
    }

    @Test("eight workers, each with its own connection, ask and tell 15 trials each on one file at once: 120 distinct ids, all complete, no error")
    func concurrentWorkers() async throws {
        let path = Spaces.temporaryStudyPath("eight")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.mixed(), optimizer: try OptimizerRegistry.standard.preset(named: "bo-rf").spec, seed: 5)
        _ = try SQLiteStudyStorage(path: path, creating: settings)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let study = Study(storage: try SQLiteStudyStorage(path: path))
                    for _ in 0..<15 {
                        let trial = try study.ask(owner: TrialOwner(pid: Int32(worker), host: "worker"), lease: 60)
                        try study.tell(trial, value: trial.configuration[2] + Double(worker))
                    }
                }
            }
            try await group.waitForAll()
        }
        let trials = try SQLiteStudyStorage(path: path).trials()
        #expect(trials.map(\.id) == Array(1...120))
        #expect(trials.allSatisfy { $0.state == .complete })
    }
}
