import Foundation
import HPOOptimizers
import HPORandom
import HPOSpace
import HPORun
import HPOStudy
import HPOSurrogate
import Testing

/// A study keeps its optimizer between asks, and a study opened anew rebuilds the same one.
@Suite("Study optimizer state")
struct StudyOptimizerStateTests {
    /// bo-dngo small enough for a test: two narrow layers, few epochs, a fresh start every 4th fit.
    static let smallDNGO = OptimizerSpec.bayesianOptimization(
        surrogate: .dngo(DNGO.Settings(
            hiddenWidths: [8, 8], training: NetworkTraining(epochs: 20, batchSize: 10, learningRate: 0.01),
            warmStartEpochs: 3, freshStartInterval: 4)),
        settings: BayesianOptimization.Settings(
            acquisition: .expectedImprovement, maximizer: .randomSampling(samples: 50), initialDesignSize: 3))

    static let smallForest = OptimizerSpec.bayesianOptimization(
        surrogate: .randomForest(RandomForest.Settings(trees: 5)),
        settings: BayesianOptimization.Settings(maximizer: .randomSampling(samples: 50), initialDesignSize: 3))

    /// A deterministic loss on ``Spaces/mixed()``.
    static func loss(_ configuration: Configuration) -> Double {
        configuration[0] + abs(configuration[1] - 20) / 10 + abs(log(configuration[2]) + 3)
    }

    static let evaluations = 12

    /// What one optimizer kept for the whole run suggests, as `hpo run` keeps it: told each
    /// result, suggesting trial `n` from stream `n` of the seed.
    static func keptOptimizerSequence(_ spec: OptimizerSpec, seed: UInt64) throws -> [Configuration] {
        let space = try Spaces.mixed()
        var optimizer = try spec.makeOptimizer(space: space)
        var history = History(space: space, budget: evaluations)
        var sequence: [Configuration] = []
        for id in 1...evaluations {
            var generator = SeededGenerator(seed: seed, stream: UInt64(id))
            let configuration = try optimizer.suggest(given: history, using: &generator)
            let observation = Observation(configuration: configuration, value: loss(configuration))
            history.append(observation)
            optimizer.tell(observation, history: history)
            sequence.append(configuration)
        }
        return sequence
    }

    @Test(
        "a study run straight through and one restarted after every trial both suggest what one kept optimizer does",
        arguments: [
            ("bo-dngo", smallDNGO), ("bo-rf", smallForest), ("bo-gp", BayesianOptimization.GaussianProcessKind().spec()),
            ("random", OptimizerSpec.random(.init())),
        ])
    func restarted(_ label: String, _ spec: OptimizerSpec) async throws {
        let expected = try Self.keptOptimizerSequence(spec, seed: 6)

        let straight = Study(space: try Spaces.mixed(), optimizer: spec, seed: 6)
        try await straight.optimize(evaluations: Self.evaluations) { Self.loss($0.configuration) }
        #expect(try straight.trials().map(\.configuration) == expected, "\(label) straight through")

        // A new Study value per trial: nothing kept but the stored trials, as in a new process.
        let storage = InMemoryStudyStorage(settings: StudySettings(space: try Spaces.mixed(), optimizer: spec, seed: 6))
        while let trial = try Study(storage: storage).ask(limit: Self.evaluations) {
            try Study(storage: storage).tell(trial, value: Self.loss(trial.configuration))
        }
        #expect(try storage.trials().map(\.configuration) == expected, "\(label) restarted after every trial")
    }

    @Test("with parallel workers and interrupted trials, the kept optimizer suggests what a rebuilt one does")
    func keptEqualsRebuiltUnderParallelAsks() throws {
        let settings = StudySettings(space: try Spaces.mixed(), optimizer: Self.smallDNGO, seed: 9)
        let kept = Study(storage: InMemoryStudyStorage(settings: settings, budget: 14))
        let rebuilt = InMemoryStudyStorage(settings: settings, budget: 14)
        /// Asks both studies, the second through a new Study value, and expects the same trial.
        func ask() throws -> Study.Trial {
            let trial = try kept.ask()
            let twin = try Study(storage: rebuilt).ask()
            #expect(trial.configuration == twin.configuration && trial.retryOf == twin.retryOf, "trial \(trial.id)")
            return trial
        }
        func tell(_ trial: Study.Trial, _ outcome: TrialOutcome) throws {
            try kept.tell(trialID: trial.id, outcome: outcome)
            try Study(storage: rebuilt).tell(trialID: trial.id, outcome: outcome)
        }
        for round in 0..<5 {
            let (a, b) = (try ask(), try ask())  // two workers at once
            try tell(b, .complete(Self.loss(b.configuration)))
            let c = try ask()
            try tell(a, round == 2 ? .interrupted(reason: "preempted") : .complete(Self.loss(a.configuration)))
            try tell(c, round == 3 ? .failed(reason: "diverged", stderrTail: nil) : .complete(Self.loss(c.configuration)))
        }
        #expect(try kept.trials().count == 15)
        #expect(try kept.trials().contains { $0.retryOf != nil })
    }

    @Test("bo-dngo keeps state between suggestions; random search and bo-rf do not")
    func statefulness() throws {
        let space = try Spaces.mixed()
        #expect(try Self.smallDNGO.makeOptimizer(space: space).keepsStateBetweenSuggestions)
        #expect(try !Self.smallForest.makeOptimizer(space: space).keepsStateBetweenSuggestions)
        #expect(try !OptimizerSpec.random(.init()).makeOptimizer(space: space).keepsStateBetweenSuggestions)
    }
}
