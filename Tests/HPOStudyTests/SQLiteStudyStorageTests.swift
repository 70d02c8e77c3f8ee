import Foundation
import HPOOptimizers
import HPOSpace
import HPORun
import HPOStudy
import Testing

@Suite("SQLite study storage")
struct SQLiteStudyStorageTests {
    @Test("a reopened study has its settings and trials, and continues the same sequence")
    func persistence() async throws {
        let path = Spaces.temporaryStudyPath("persist")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.mixed(), optimizer: .random(RandomSearch.Settings()), seed: 9)
        let first = Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
        try await first.optimize(evaluations: 5) { $0.configuration[2] }
        let failed = try first.tell(try first.ask(), failure: "out of memory", stderrTail: "Killed")

        let reopened = Study(storage: try SQLiteStudyStorage(path: path))
        #expect(reopened.settings == settings)
        let trials = try reopened.trials()
        #expect(trials.map(\.id) == [1, 2, 3, 4, 5, 6])
        #expect(trials[5] .failureReason == "out of memory" && trials[5].stderrTail == "Killed" && trials[5].state == .failed)
        #expect(trials[5].configuration == failed.configuration)
        #expect(trials[0].value == trials[0].configuration[2]) // a real value survives the file exactly
        try await reopened.optimize(evaluations: 10) { $0.configuration[2] }

        let inMemory = Study(space: try Spaces.mixed(), optimizer: .random(RandomSearch.Settings()), seed: 9)
        try await inMemory.optimize(evaluations: 5) { $0.configuration[2] }
        try inMemory.tell(try inMemory.ask(), failure: "out of memory")
        try await inMemory.optimize(evaluations: 10) { $0.configuration[2] }
        #expect(try reopened.trials().map(\.configuration) == inMemory.trials().map(\.configuration))
    }

    @Test("opening a study with other settings is refused and says what differs")
    func mismatch() throws {
        let path = Spaces.temporaryStudyPath("mismatch")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.finite(), optimizer: .random(RandomSearch.Settings()), seed: 1)
        _ = try SQLiteStudyStorage(path: path, creating: settings)
        var other = settings
        other.seed = 2
        #expect(throws: StudyError.settingsMismatch(file: path, differences: ["seed 2 (not 1)"])) {
            _ = try SQLiteStudyStorage(path: path, creating: other)
        }
    }

    @Test("a file that is not a study is refused with a message")
    func notADatabase() throws {
        let path = Spaces.temporaryStudyPath("garbage")
        defer { Spaces.remove(path) }
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteStudyStorage(path: path)
        } throws: { error in
            "\(error)".hasPrefix("cannot use '\(path)' as a study file: ")
        }
        let empty = Spaces.temporaryStudyPath("empty")
        defer { Spaces.remove(empty) }
        #expect(throws: StudyError.noStudy(file: empty)) { _ = try SQLiteStudyStorage(path: empty) }
    }

    @Test("a trial whose lease ran out (its worker died) is re-queued and re-run by the next optimize; one without a lease stays running")
    func abandoned() async throws {
        let path = Spaces.temporaryStudyPath("abandoned")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.finite(), optimizer: .random(RandomSearch.Settings()), seed: 4)
        let study = Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
        let dead = TrialOwner(pid: 4242, host: "lost-host")
        _ = try study.ask(owner: dead, lease: 0.2)
        _ = try study.ask() // an ask/tell trial with no lease stays running
        try await Task.sleep(for: .milliseconds(300))
        let summary = try await study.optimize(evaluations: 4) { _ in 1 }
        let trials = try study.trials()
        #expect(trials[0].state == .interrupted)
        #expect(trials[0].failureReason == "re-queued: its worker \(dead) sent no heartbeat for 0.2 s (its lease)")
        #expect(trials[1].state == .running)
        #expect(trials[2].retryOf == 1 && trials[2].configuration == trials[0].configuration && trials[2].state == .complete)
        #expect(trials.dropFirst(3).allSatisfy { $0.retryOf == nil })
        #expect(summary.complete == 3 && summary.failed == 0 && summary.running == 1 && summary.interrupted == 1)
    }
}
