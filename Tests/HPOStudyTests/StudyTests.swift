import Foundation
import HPOOptimizers
import HPORandom
import HPOSpace
import HPORun
import HPOStudy
import HPOSurrogate
import Testing

/// A finite space of 3 x 4 = 12 configurations and an infinite one.
enum Spaces {
    static func finite() throws -> SearchSpace {
        try SearchSpace([.categorical("kind", ["a", "b", "c"]), .integer("units", 1, 4)])
    }

    static func mixed() throws -> SearchSpace {
        try SearchSpace([.categorical("kind", ["a", "b"]), .integer("units", 1, 64), .real("lr", 1e-4, 1, log: true)])
    }

    /// A temporary path for a study file, removed with its WAL files by the caller.
    static func temporaryStudyPath(_ name: String) -> String {
        NSTemporaryDirectory() + "/hpo-study-test-\(name)-\(ProcessInfo.processInfo.processIdentifier).sqlite"
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

@Suite("Study ask and tell")
struct StudyTests {
    @Test("ask hands out increasing ids, tell records values, the summary finds the best")
    func askTell() throws {
        let study = Study(space: try Spaces.mixed(), seed: 3)
        let first = try study.ask()
        let second = try study.ask()
        #expect(first.id == 1 && second.id == 2)
        #expect(first.state == .running)
        try study.tell(first, value: 0.5)
        try study.tell(second, value: 0.25)
        let summary = try study.summary()
        #expect(summary.complete == 2 && summary.failed == 0 && summary.running == 0)
        #expect(summary.best?.id == 2)
        #expect(summary.best?.value == 0.25)
        #expect(try study.trials().map(\.state) == [.complete, .complete])
    }

    @Test("with intensification the study repeats its incumbent and names the best configuration by its mean")
    func intensifiedStudy() throws {
        let optimizer = OptimizerSpec.bayesianOptimization(
            surrogate: .randomForest(.init()),
            settings: .init(intensification: Intensification(maximumEvaluations: 2, interval: 1)))
        let study = Study(space: try Spaces.finite(), optimizer: optimizer, seed: 4)
        let a = try study.ask()
        try study.tell(a, value: 0.5)
        let again = try study.ask()  // a has 1 evaluation of the 2 required
        #expect(again.configuration == a.configuration)
        try study.tell(again, value: 0.125)  // a: mean 0.3125 over 2
        let b = try study.ask()
        #expect(b.configuration != a.configuration)
        try study.tell(b, value: 0.25)  // b leads with one evaluation...
        let bAgain = try study.ask()
        #expect(bAgain.configuration == b.configuration)
        try study.tell(bAgain, value: 0.75)  // ...and falls behind: mean 0.5
        let summary = try study.summary()
        #expect(summary.best?.id == a.id)
        #expect(summary.bestMean == 0.3125 && summary.bestCount == 2)
        #expect(summary.description.contains("best: trial 1, mean value 0.3125 over the 2 complete trials of its configuration"))
        // No preset has these settings: the label names the nearest and what differs.
        #expect(summary.description.contains("(optimizer bo-rf[intensify=true,intensify_max=2,intensify_every=1,intensify_final=0.1], seed 4)"))
        let noisy = Study(space: try Spaces.finite(), optimizer: try OptimizerRegistry.standard.optimizer(named: "bo-rf-noisy").spec)
        #expect(try noisy.summary().description.contains("(optimizer bo-rf-noisy, seed 0)"))
    }

    /// bo-rf with a short initial design and intensification whose last quarter confirms.
    static let confirmingOptimizer = OptimizerSpec.bayesianOptimization(
        surrogate: .randomForest(.init()),
        settings: .init(initialDesignSize: 3, intensification: Intensification(maximumEvaluations: 2, interval: 4, finalShare: 0.25)))

    /// A noisy objective on ``Spaces/finite()``: the trial's id sets the noise.
    static func noisyLoss(_ trial: Study.Trial) -> Double {
        trial.configuration[0] * 0.5 + trial.configuration[1] + Double(trial.id * 7 % 5) * 0.05
    }

    @Test("a study optimized to a limit gives the optimizer that budget: its final share confirms")
    func budgetReachesTheOptimizer() async throws {
        let study = Study(space: try Spaces.finite(), optimizer: Self.confirmingOptimizer, seed: 3)
        try await study.optimize(evaluations: 16) { Self.noisyLoss($0) }
        let trials = try study.trials()
        #expect(trials.count == 16)
        for (index, trial) in trials.enumerated().suffix(4) {
            #expect(trials[..<index].contains { $0.configuration == trial.configuration }, "trial \(trial.id) of the final 4 is new")
        }
    }

    @Test("parallel workers in the final share confirm different configurations, not a random new one")
    func parallelConfirmation() throws {
        let study = Study(space: try Spaces.finite(), optimizer: Self.confirmingOptimizer, seed: 3)
        for _ in 0..<12 {
            let trial = try #require(try study.ask(limit: 16))
            try study.tell(trial, value: Self.noisyLoss(trial))
        }
        let evaluated = Set(try study.trials().map(\.configuration))
        let first = try #require(try study.ask(limit: 16))  // running while the second worker asks
        let second = try #require(try study.ask(limit: 16))
        #expect(evaluated.contains(first.configuration), "the first final trial confirms")
        #expect(evaluated.contains(second.configuration), "the second final trial confirms too")
        #expect(second.configuration != first.configuration)
    }

    @Test("telling twice and telling an unknown trial are refused with their messages")
    func tellRefusals() throws {
        let study = Study(space: try Spaces.finite())
        let trial = try study.ask()
        try study.tell(trial, value: 1)
        #expect(throws: StudyError.alreadyFinished(id: 1, state: .complete)) { try study.tell(trial, value: 2) }
        #expect(throws: StudyError.unknownTrial(id: 7, count: 1)) { try study.tell(trialID: 7, outcome: .complete(1)) }
        #expect(StudyError.alreadyFinished(id: 1, state: .complete).description
            == "trial 1 was already told (it is complete): a trial is told once")
        #expect(StudyError.unknownTrial(id: 7, count: 1).description == "there is no trial 7: the study's trials are 1...1")
        #expect(try study.trials()[0].value == 1)
    }

    @Test("a non-finite value makes a failed trial that says why", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteValue(_ value: Double) throws {
        let study = Study(space: try Spaces.finite())
        let told = try study.tell(try study.ask(), value: value)
        #expect(told.state == .failed)
        #expect(told.value == nil)
        #expect(told.failureReason == "the objective returned \(value): a loss must be a finite number")
    }

    @Test("optimize runs to the budget; throwing objectives fail their trial and the study goes on")
    func optimizeWithFailures() async throws {
        let study = Study(space: try Spaces.mixed(), seed: 11)
        let summary = try await study.optimize(evaluations: 12) { trial in
            if trial.id % 3 == 0 { throw ObjectiveFailure(reason: "diverged", stderrTail: "loss exploded") }
            if trial.id % 4 == 0 { return .nan }
            return trial.configuration[2]
        }
        #expect(summary.total == 12)
        #expect(summary.failed == 4 + 2) // ids 3, 6, 9, 12 and 4, 8
        let trials = try study.trials()
        #expect(trials[2].failureReason == "diverged")
        #expect(trials[2].stderrTail == "loss exploded")
        #expect(trials[3].failureReason?.hasPrefix("the objective returned nan") == true)
        let complete = trials.filter { $0.state == .complete }
        #expect(summary.best?.value == complete.map { $0.value ?? .infinity }.min())
        // Running again with the same budget does nothing more.
        #expect(try await study.optimize(evaluations: 12) { _ in 0 }.total == 12)
    }

    @Test("the same seed gives the same configurations; another seed others")
    func reproducible() async throws {
        func sequence(seed: UInt64) async throws -> [Configuration] {
            let study = Study(space: try Spaces.mixed(), seed: seed)
            try await study.optimize(evaluations: 20) { $0.configuration[2] }
            return try study.trials().map(\.configuration)
        }
        let a = try await sequence(seed: 5), b = try await sequence(seed: 5), c = try await sequence(seed: 6)
        #expect(a == b)
        #expect(a != c)
        // Trial n's configuration is random search's draw from stream n of the seed.
        var generator = SeededGenerator(seed: 5, stream: 3)
        #expect(a[2] == (try Spaces.mixed()).sample(using: &generator))
    }

    @Test("in a finite space no configuration is handed out twice while running")
    func noConcurrentDuplicates() throws {
        let space = try Spaces.finite()
        let study = Study(space: space, optimizer: .random(.init()), seed: 1)  // random search may repeat a configuration
        let running = try (0..<12).map { _ in try study.ask() }
        #expect(Set(running.map(\.configuration)).count == 12)
        #expect(throws: StudyError.everyConfigurationRunning(size: 12)) { try study.ask() }
        try study.tell(running[4], value: 0)
        #expect(try study.ask().configuration == running[4].configuration)
    }

    @Test("ask with a limit stops at the limit")
    func limit() throws {
        let study = Study(space: try Spaces.finite())
        #expect(try study.ask(limit: 1) != nil)
        #expect(try study.ask(limit: 1) == nil)
    }
}
