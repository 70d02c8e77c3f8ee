import Foundation
import GRDB
import HPOOptimizers
import HPORun
import HPOSpace
import HPOStudy
import Synchronization
import Testing

/// Liveness by lease and heartbeat, late and repeated tells, on every storage of this module.
@Suite("Leases, heartbeats and late tells")
struct StudyLeaseTests {
    /// The storages each test runs on: in memory, and a new SQLite file (removed by the caller).
    static func storages(_ name: String, space: SearchSpace, optimizer: OptimizerSpec = .random(RandomSearch.Settings()))
        throws -> [(storage: any StudyStorage, path: String?)]
    {
        let settings = StudySettings(space: space, optimizer: optimizer, seed: 3)
        let path = Spaces.temporaryStudyPath("lease-\(name)")
        Spaces.remove(path)
        return [(InMemoryStudyStorage(settings: settings), nil), (try SQLiteStudyStorage(path: path, creating: settings), path)]
    }

    @Test("a trial whose lease runs out is re-queued by the next ask and its configuration handed out again")
    func expiredLeaseIsRequeued() throws {
        for (storage, path) in try Self.storages("expired", space: Spaces.mixed()) {
            defer { path.map(Spaces.remove) }
            let study = Study(storage: storage)
            let lost = try study.ask(owner: TrialOwner(pid: 7, host: "lost"), lease: 0.2)
            let other = try study.ask()
            #expect(other.retryOf == nil)
            Thread.sleep(forTimeInterval: 0.3)
            let rerun = try study.ask()
            #expect(rerun.retryOf == lost.id && rerun.configuration == lost.configuration)
            let requeued = try #require(try study.storage.trial(lost.id))
            #expect(requeued.state == .interrupted)
            #expect(requeued.failureReason == "re-queued: its worker 7@lost sent no heartbeat for 0.2 s (its lease)")
            #expect(try study.storage.trial(other.id)?.state == .running, "a trial without a lease never expires")
        }
    }

    @Test("heartbeats keep a trial its worker's; a heartbeat for a re-queued or lease-less trial is refused")
    func heartbeats() throws {
        for (storage, path) in try Self.storages("heartbeat", space: Spaces.mixed()) {
            defer { path.map(Spaces.remove) }
            let study = Study(storage: storage)
            let kept = try study.ask(lease: 1)
            for _ in 0..<8 {
                Thread.sleep(forTimeInterval: 0.1)
                let renewed = try study.heartbeat(trialID: kept.id)
                #expect(renewed.lease?.renewedAt ?? .distantPast > kept.startedAt)
            }
            #expect(try study.ask().retryOf == nil, "renewed every 0.1 s with a 1 s lease: not re-queued")
            #expect(try study.tell(kept, value: 2).state == .complete)
            let lost = try study.ask(lease: 0.1)
            Thread.sleep(forTimeInterval: 0.2)
            #expect(throws: StudyError.alreadyFinished(id: lost.id, state: .interrupted)) { try study.heartbeat(trialID: lost.id) }
            let plain = try study.ask()
            #expect(throws: StudyError.noLease(id: plain.id)) { try study.heartbeat(trialID: plain.id) }
            #expect(throws: StudyError.unknownTrial(id: 99, count: plain.id)) { try study.heartbeat(trialID: 99) }
        }
    }

    @Test("a late tell of a re-queued trial lands in its running re-run, or in a new re-run, and is refused once a re-run finished")
    func lateTell() throws {
        for (storage, path) in try Self.storages("late", space: Spaces.mixed()) {
            defer { path.map(Spaces.remove) }
            let study = Study(storage: storage)
            // Re-run running: the late value goes to it; the re-run's own tell is then refused.
            let slow = try study.ask(lease: 0.1)
            Thread.sleep(forTimeInterval: 0.2)
            let rerun = try study.ask()
            #expect(rerun.retryOf == slow.id)
            let told = try study.tell(slow, value: 0.5)
            #expect(told.id == rerun.id && told.state == .complete && told.value == 0.5)
            #expect(throws: StudyError.alreadyFinished(id: rerun.id, state: .complete)) { try study.tell(rerun, value: 0.7) }
            // No re-run yet: the late value makes one, finished.
            let second = try study.ask(lease: 0.1)
            Thread.sleep(forTimeInterval: 0.2)
            #expect(try study.requeueExpiredTrials().map(\.id) == [second.id])
            let made = try study.tell(second, value: 0.25)
            #expect(made.retryOf == second.id && made.configuration == second.configuration && made.value == 0.25)
            #expect(try study.ask().retryOf == nil, "its configuration has its value: no re-run is asked")
            // Told twice the same: nothing changes, and nothing counts twice.
            #expect(try study.tell(second, value: 0.25) == made)
            let count = try study.trials().count
            #expect(try study.tell(made, value: 0.25) == made)
            #expect(try study.trials().count == count)
            #expect(throws: StudyError.alreadyFinished(id: made.id, state: .complete)) { try study.tell(made, value: 1) }
        }
    }

    @Test("workers that die leave no deadlock in a finite space: once their leases run out their configurations are asked again")
    func finiteSpaceRecovers() throws {
        let space = try SearchSpace([.categorical("c", ["a", "b"]), .integer("n", 1, 2)])
        for (storage, path) in try Self.storages("finite", space: space, optimizer: try OptimizerRegistry.standard.preset(named: "random-without-replacement").spec) {
            defer { path.map(Spaces.remove) }
            let study = Study(storage: storage)
            let dead = try (0..<4).map { _ in try study.ask(lease: 0.2) }
            #expect(throws: (any Error).self, "every configuration is running") { try study.ask() }
            Thread.sleep(forTimeInterval: 0.3)
            let again = try (0..<4).map { _ in try study.ask() }
            #expect(again.map(\.retryOf) == dead.map(\.id))
            #expect(Set(again.map(\.configuration)) == Set(dead.map(\.configuration)))
        }
    }

    @Test("a live trial of a worker whose pid means nothing here (another host or pid namespace) is left alone while its lease runs, and its result is taken")
    func pidsAreNotLiveness() async throws {
        for (storage, path) in try Self.storages("pid", space: Spaces.mixed()) {
            defer { path.map(Spaces.remove) }
            // Same host name, a pid that does not exist here: a worker in another container.
            let elsewhere = TrialOwner(pid: Int32.max - 1, host: ProcessInfo.processInfo.hostName)
            // A lease far longer than the test: on a loaded machine the test's own continuation
            // may wait more than a minute for a thread, and theirs must not run out meanwhile.
            let theirs = try Study(storage: storage).ask(owner: elsewhere, lease: 3600)
            let run = Task { try await Study(storage: storage).optimize(evaluations: 4, lease: 60) { _ in 1 } }
            try await Task.sleep(for: .milliseconds(500))
            // This worker is done with its 3 trials and waits for theirs, which it does not reclaim.
            #expect(try storage.trial(theirs.id)?.state == .running)
            #expect(try Study(storage: storage).tell(theirs, value: 3).state == .complete)
            let summary = try await run.value
            #expect(summary.complete == 4 && summary.interrupted == 0)
        }
    }

    @Test("optimize goes on when its own trial was re-queued while it ran and the re-run finished first")
    func optimizeOutlivesItsRequeuedTrial() async throws {
        let storage = InMemoryStudyStorage(settings: StudySettings(space: try Spaces.mixed(), optimizer: .random(RandomSearch.Settings()), seed: 3))
        let other = Study(storage: storage)
        let seen = Mutex<[Study.Trial]>([])
        let summary = try await Study(storage: storage).optimize(evaluations: 3, progress: { trial in seen.withLock { $0.append(trial) } }) { trial in
            if trial.id == 1 { // as if this process had been stopped past its lease: another worker re-ran it
                try other.tell(trialID: 1, outcome: .interrupted(reason: "re-queued"))
                try other.tell(try other.ask(), value: 7)
            }
            return 1
        }
        #expect(summary.complete == 3)
        let trials = try storage.trials()
        #expect(trials.map(\.state) == [.interrupted, .complete, .complete, .complete])
        #expect(trials[1].retryOf == 1 && trials[1].value == 7)
        #expect(seen.withLock { $0.first?.state } == .interrupted, "the lost trial is reported, not dropped silently")
    }
}
