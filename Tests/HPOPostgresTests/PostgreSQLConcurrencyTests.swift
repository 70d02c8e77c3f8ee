import Foundation
@testable import HPOPostgres
import HPORun
import HPOSpace
import Synchronization
import Testing

/// Many workers on one study: concurrent asks, leases, late and repeated tells, racing schema
/// migrations and lost connections.
@Suite("PostgreSQL study storage, many workers", .needsPostgreSQL)
struct PostgreSQLConcurrencyTests {
    @Test("8 workers asking at once get ids 1 to 8 and 8 different configurations of a finite space")
    func concurrentAsks() throws {
        let test = try TestStudy("concurrent")
        let settings = Spaces.randomSearch(try Spaces.finite(), seed: 2)  // random search may repeat a configuration
        _ = try test.open(settings)
        let workers = try (0..<8).map { _ in Study(storage: try test.open()) }
        func askTogether() throws -> [Study.Trial] {
            let asked = Mutex<[Result<Study.Trial, any Error>]>([])
            DispatchQueue.concurrentPerform(iterations: workers.count) { index in
                let result = Result { try workers[index].ask() }
                asked.withLock { $0.append(result) }
            }
            return try asked.withLock { try $0.map { try $0.get() } }
        }
        let first = try askTogether()
        #expect(Set(first.map(\.id)) == Set(1...8))
        #expect(Set(first.map(\.configuration)).count == 8, "no configuration runs twice")
        for trial in first.prefix(4) { try workers[0].tell(trial, value: 1) }
        // 4 still run: the next 8 take the other 8 configurations of the 12.
        let second = try askTogether()
        #expect(Set(second.map(\.id)) == Set(9...16))
        #expect(Set((first.suffix(4) + second).map(\.configuration)).count == 12, "no configuration runs twice")
        #expect(try workers[3].trials().count == 16)
    }

    @Test("a trial whose lease ran out is re-queued and re-run; its late tell lands in the re-run, and a retried tell does nothing")
    func leases() throws {
        let test = try TestStudy("leases")
        _ = try test.open(Spaces.randomSearch(try Spaces.mixed()))
        let first = Study(storage: try test.open()), second = Study(storage: try test.open())
        let lost = try first.ask(owner: TrialOwner(pid: 7, host: "lost-host"), lease: 0.2)
        let renewed = try first.heartbeat(trialID: lost.id)
        #expect(renewed.lease?.renewedAt ?? .distantPast > lost.lease?.renewedAt ?? .distantFuture)
        Thread.sleep(forTimeInterval: 0.5)
        let rerun = try second.ask(lease: 60)
        #expect(rerun.id == 2 && rerun.retryOf == 1 && rerun.config == lost.config)
        let requeued = try #require(try second.trials().first)
        #expect(requeued.state == .interrupted)
        #expect(requeued.failureReason == "re-queued: its worker 7@lost-host sent no heartbeat for 0.2 s (its lease)")
        #expect(throws: StudyError.alreadyFinished(id: 1, state: .interrupted)) { try first.heartbeat(trialID: 1) }
        // The lost worker comes back and tells: its value lands in the running re-run.
        let late = try first.tell(lost, value: 0.5)
        #expect(late.id == 2 && late.state == .complete && late.value == 0.5)
        #expect(try first.tell(lost, value: 0.5).id == 2, "told again: nothing changes")
        #expect(throws: StudyError.alreadyFinished(id: 2, state: .complete)) { try second.tell(rerun, value: 0.75) }
        #expect(try second.tell(rerun, value: 0.5).value == 0.5)
        #expect(try second.trials().map(\.state) == [.interrupted, .complete])
    }

    @Test("a late tell whose trial has no re-run yet makes one, finished")
    func lateTellWithoutRerun() throws {
        let test = try TestStudy("late")
        let study = Study(storage: try test.open(Spaces.randomSearch(try Spaces.mixed())))
        let trial = try study.ask(lease: 0.1)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try study.requeueExpiredTrials().map(\.id) == [1])
        let told = try study.tell(trial, value: 2)
        #expect(told.id == 2 && told.retryOf == 1 && told.state == .complete && told.value == 2)
        #expect(try study.ask().retryOf == nil)
    }

    @Test("workers starting together on a new schema create the tables once")
    func racingCreation() throws {
        let schema = "hpo_race_" + UUID().uuidString.prefix(8).lowercased()
        let test = try TestStudy("race", parameters: ["schema": schema])
        let settings = Spaces.randomSearch(try Spaces.finite())
        let opened = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            if (try? test.open(settings)) != nil { opened.withLock { $0 += 1 } }
        }
        #expect(opened.withLock { $0 } == 6)
        #expect(try test.integers("SELECT version::bigint FROM \(schema).hpo_schema ORDER BY version") == PostgreSQLSchema.steps.map(\.version))
        try test.integers("DROP SCHEMA \(schema) CASCADE")
    }

    @Test("migration steps are applied once, in order, however many openers race; newer tables are refused")
    func racingMigrations() throws {
        let schema = "hpo_steps_" + UUID().uuidString.prefix(8).lowercased()
        let test = try TestStudy("steps", parameters: ["schema": schema])
        let first = PostgreSQLSchema.Step(version: 1, summary: "a table", statements: ["CREATE TABLE applied (step integer)"])
        let second = PostgreSQLSchema.Step(
            version: 2, summary: "a column", statements: ["ALTER TABLE applied ADD COLUMN note text", "INSERT INTO applied VALUES (2, 'once')"])
        let applied = Mutex<[Int]>([])
        for steps in [[first], [first, second]] {
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let session = try? PostgreSQLSession(location: test.location, readOnly: false, patience: 10)
                let versions = try? session?.run { connection, _ in
                    try PostgreSQLSchema.migrate(on: connection, schema: schema, steps: steps)
                }
                applied.withLock { $0 += versions ?? [-1] }
            }
        }
        #expect(applied.withLock { $0.sorted() } == [1, 2])
        #expect(try test.integers("SELECT count(*) FROM applied WHERE note = 'once'") == [1])
        try test.integers("INSERT INTO hpo_schema (version, summary) VALUES (99, 'from the future')")
        #expect {
            _ = try test.open(Spaces.randomSearch(try Spaces.finite()))
        } throws: { error in
            "\(error)".contains("its swift-hpo tables are at version 99, made by a newer swift-hpo")
        }
        try test.integers("DROP SCHEMA \(schema) CASCADE")
    }

    @Test("a connection ended by the server between operations is made again, and the study goes on")
    func connectionLoss() throws {
        let name = "hpo-test-loss-" + UUID().uuidString.prefix(8).lowercased()
        let test = try TestStudy("loss", parameters: ["application_name": name])
        let study = Study(storage: try test.open(Spaces.randomSearch(try Spaces.mixed())))
        let trial = try study.ask()
        #expect(try test.terminateConnections(named: name) == 1)
        try study.tell(trial, value: 0.5)
        #expect(try test.terminateConnections(named: name) == 1)
        let next = try study.ask()
        #expect(try test.terminateConnections(named: name) == 1)
        try study.setBudget(4)
        #expect(try test.terminateConnections(named: name) == 1)
        #expect(try study.trials().map(\.id) == [1, 2] && study.budget() == 4 && next.id == 2)
    }

    /// A statement that gets no answer ends at the statement timeout with a clear error, however
    /// long the server would take (a query PostgresNIO never completed once hung a whole test run).
    @Test("a statement without an answer within the timeout gives its connection up and says so; the session goes on")
    func unansweredStatement() throws {
        let test = try TestStudy("unanswered")
        let session = try PostgreSQLSession(location: test.location, readOnly: false, patience: 0.5, statementTimeout: 0.5)
        let started = Date()
        #expect {
            try session.run { connection, _ in try connection.query("SELECT pg_sleep(20)") }
        } throws: { error in
            "\(error)".contains("did not answer a statement within")
        }
        #expect(Date().timeIntervalSince(started) < 15, "the wait ended at the timeout, not when the server answered")
        let answer = try session.run { connection, _ in try connection.query("SELECT 7::bigint").map { try $0.decode(Int.self) } }
        #expect(answer == [7])
    }

    @Test("an insert or a replacement retried after a lost answer recognises its own write")
    func retriedWrites() throws {
        let test = try TestStudy("retried")
        let storage = try test.open(Spaces.randomSearch(try Spaces.mixed()))
        let study = Study(storage: storage)
        let trial = try study.ask(owner: TrialOwner(pid: 1, host: "h"))
        let stored = try #require(try storage.trial(1))
        let other = Study.Trial(
            id: 1, state: .running, configuration: trial.configuration, config: trial.config, startedAt: Date(), owner: trial.owner)
        try storage.session.run { (connection: PostgreSQLSession.Connection, _: Bool) throws -> Void in
            #expect(try storage.insert(trial, on: connection, retried: true), "the first attempt stored it")
            #expect(try !storage.insert(trial, on: connection, retried: false), "a first attempt finds the id taken")
            #expect(try !storage.insert(other, on: connection, retried: true), "another worker's trial 1")
            let told = trial.finished(with: .complete(0.25), at: Date())
            #expect(try storage.replaceRunning(told, on: connection, retried: false) == told)
            #expect(try storage.replaceRunning(told, on: connection, retried: true) == told, "the first attempt replaced it")
            #expect(try storage.replaceRunning(told, on: connection, retried: false).matches(told))
            let otherTell = trial.finished(with: .complete(0.5), at: Date())
            #expect(try storage.replaceRunning(otherTell, on: connection, retried: true).value == 0.25)
        }
        #expect(stored.matches(trial))
    }
}
