import Foundation
import HPOOptimizers
import HPOSpace
import Testing
@testable import HPORun

/// A study keeps what its settled trials imply between asks (``TrialLedger``) and its optimizer
/// (``StudyCache``); a study opened anew on the same storage reads everything afresh.
/// Both must hand out the same next trial whatever happened: parallel trials finishing out of
/// order, interrupted trials before and after running ones, re-runs.
@Suite("Trial ledger")
struct TrialLedgerTests {
    let space = try! SearchSpace([
        try! .real("x", -5, 10), try! .real("y", 0, 15), try! .categorical("c", ["a", "b", "c"]),
    ])

    func branin(_ trial: Study.Trial) -> Double {
        let x = trial.configuration[0], y = trial.configuration[1]
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        return (y - b * x * x + c * x - 6) * (y - b * x * x + c * x - 6) + 10 * (1 - t) * cos(x) + 10
    }

    /// The next trial as the long-lived study hands it out and as a fresh study on a copy of the
    /// same trials would: the configuration and the interrupted trial it re-runs, if any.
    func expectSameNext(_ study: Study, _ storage: InMemoryStudyStorage) throws -> Study.Trial {
        let copy = InMemoryStudyStorage(settings: storage.settings, budget: try storage.budget())
        for trial in try storage.trials() { #expect(try copy.insert(trial)) }
        let fresh = try Study(storage: copy).ask()
        let kept = try study.ask()
        #expect(kept.configuration == fresh.configuration)
        #expect(kept.retryOf == fresh.retryOf)
        return kept
    }

    @Test("out-of-order finishes, interruptions and re-runs: the kept ledger and a fresh read agree")
    func keptAndFreshAgree() throws {
        for preset in ["bo-rf", "bo-rf-noisy"] {
            let optimizer = try OptimizerRegistry.standard.optimizer(named: preset).spec
            let storage = InMemoryStudyStorage(settings: StudySettings(space: space, optimizer: optimizer, seed: 9), budget: 40)
            let study = Study(storage: storage)
            for _ in 0..<12 { let t = try study.ask(); try study.tell(t, value: branin(t)) }
            // Three in parallel, finished 3rd, 1st; the 2nd is interrupted (its worker died).
            let a = try study.ask(), b = try study.ask(), c = try study.ask()
            try study.tell(c, value: branin(c))
            try study.tell(a, value: branin(a))
            let d = try expectSameNext(study, storage)  // b still running: d is a new configuration
            #expect(d.retryOf == nil && d.configuration != b.configuration)
            try study.tell(trialID: b.id, outcome: .interrupted(reason: "worker died"))
            try study.tell(d, value: branin(d))
            let rerun = try expectSameNext(study, storage)
            #expect(rerun.retryOf == b.id && rerun.configuration == b.configuration)
            try study.tell(rerun, failure: "the objective failed")
            for _ in 0..<5 { let t = try expectSameNext(study, storage); try study.tell(t, value: branin(t)) }
            #expect(try study.trials().count(where: { $0.state != .interrupted }) == 21)
            #expect(try study.ask(limit: 22) != nil)
            #expect(try study.ask(limit: 22) == nil)  // 22 running or finished, the interrupted one not counted
        }
    }
}

@Suite("Replaying a stateful optimizer")
struct ReplayTests {
    @Test("a stateful optimizer replays its suggestions for trials run one at a time, and only tells the results of trials run in parallel")
    func replayOnlySequentialStudies() throws {
        let space = try SearchSpace([try .real("x", 0, 1), try .real("y", 0, 1)])
        // bo-dngo warm-starts its networks from the previous fit: it keeps state between suggestions.
        let settings = StudySettings(space: space, optimizer: try OptimizerRegistry.standard.preset(named: "bo-dngo").spec, seed: 1)
        let sequential = Study(storage: InMemoryStudyStorage(settings: settings))
        for _ in 0..<4 { let t = try sequential.ask(); try sequential.tell(t, value: t.configuration[0]) }
        let parallel = Study(storage: InMemoryStudyStorage(settings: settings))
        let a = try parallel.ask(), b = try parallel.ask()
        try parallel.tell(b, value: 1)
        try parallel.tell(a, value: 2)
        #expect(StudyOptimizer.ranOneAtATime(try sequential.trials()))
        #expect(!StudyOptimizer.ranOneAtATime(try parallel.trials()))
        #expect(try StudyOptimizer(settings: settings, budget: nil, trials: try sequential.trials()).replaysSuggestions)
        #expect(try !StudyOptimizer(settings: settings, budget: nil, trials: try parallel.trials()).replaysSuggestions)
    }
}
