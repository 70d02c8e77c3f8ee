import Foundation
import HPOOptimizers
import HPOSpace
import HPORun
import HPOStudy
import Testing

/// The stored budget reaches the optimizer at every ask.
@Suite("Study budget")
struct StudyBudgetTests {
    /// The history the optimizer sees after `trials`, in a study of `budget` evaluations.
    static func history(of trials: [Study.Trial], space: SearchSpace, budget: Int?) -> History {
        var history = History(space: space, budget: budget)
        for trial in trials where trial.state.isFinished {
            history.append(Observation(configuration: trial.configuration, value: trial.value))
        }
        return history
    }

    @Test("ask() after optimize(evaluations:) plans by the stored budget: in its final share it confirms")
    func askAfterOptimize() async throws {
        let study = Study(space: try Spaces.finite(), optimizer: StudyTests.confirmingOptimizer, seed: 3)
        try await study.optimize(evaluations: 12) { StudyTests.noisyLoss($0) }
        let trials = try study.trials()
        let settings = try #require(StudyTests.confirmingOptimizer.bayesianOptimization).settings
        let intensification = try #require(settings.intensification)
        let confirmed = try #require(intensification.confirmed(given: Self.history(of: trials, space: study.space, budget: 12)))
        #expect(try study.ask().configuration == confirmed)
    }

    @Test("a study given a budget hands out by ask() what optimize(evaluations:) does, final share included")
    func askWithBudget() async throws {
        let optimized = Study(space: try Spaces.finite(), optimizer: StudyTests.confirmingOptimizer, seed: 3)
        try await optimized.optimize(evaluations: 16) { StudyTests.noisyLoss($0) }
        let asked = Study(space: try Spaces.finite(), optimizer: StudyTests.confirmingOptimizer, seed: 3, budget: 16)
        #expect(try asked.budget() == 16)
        for _ in 0..<16 {
            let trial = try asked.ask()
            try asked.tell(trial, value: StudyTests.noisyLoss(trial))
        }
        let trials = try asked.trials()
        #expect(trials.map(\.configuration) == (try optimized.trials().map(\.configuration)))
        for (index, trial) in trials.enumerated().suffix(4) {
            #expect(trials[..<index].contains { $0.configuration == trial.configuration }, "trial \(trial.id) of the final 4 is new")
        }
    }

    @Test("the budget is stored in the study file, optimize changes it, and it must be positive")
    func storedBudget() async throws {
        let path = Spaces.temporaryStudyPath("budget")
        defer { Spaces.remove(path) }
        let settings = StudySettings(space: try Spaces.finite(), optimizer: StudyTests.confirmingOptimizer, seed: 3)
        let study = Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
        #expect(try study.budget() == nil)
        try study.setBudget(16)
        #expect(try Study(storage: SQLiteStudyStorage(path: path)).budget() == 16)
        try await study.optimize(evaluations: 6) { StudyTests.noisyLoss($0) }
        #expect(try Study(storage: SQLiteStudyStorage(path: path)).budget() == 6)
        #expect(throws: StudyError.invalidCount(name: "budget", value: 0)) { try study.setBudget(0) }
        #expect(StudyError.invalidCount(name: "budget", value: 0).description == "invalid budget 0: it must be a positive integer")
        try study.setBudget(nil)
        #expect(try study.budget() == nil)
    }
}
