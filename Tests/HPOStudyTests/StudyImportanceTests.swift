import Foundation
import HPOOptimizers
import HPORun
import HPOSpace
import HPOSurrogate
import Testing

@testable import HPOStudy

@Suite("Study importance and report")
struct StudyImportanceTests {
    /// A study of `count` random-search trials whose loss depends on `lr` only; every 5th fails.
    private func study(count: Int) throws -> Study {
        let study = Study(space: try Spaces.mixed(), optimizer: RandomSearch.Kind().spec(), seed: 5)
        for _ in 0..<count {
            let trial = try study.ask()
            if trial.id % 5 == 0 {
                _ = try study.tell(trial, failure: "exit status 1", stderrTail: "boom")
            } else {
                _ = try study.tell(trial, value: log10(trial.configuration[2]) * log10(trial.configuration[2]))
            }
        }
        return study
    }

    @Test("importance is fitted to the complete trials only and ranks the one parameter the loss depends on first")
    func importance() throws {
        let importance = try study(count: 60).importance()
        #expect(importance.trialCount == 48)
        #expect(importance.mainEffects.first?.parameters == ["lr"])
        #expect((importance.mainEffects.first?.share ?? 0) > 0.8)
    }

    @Test("the report's records carry each trial's state, loss, failure and owner")
    func reportRecords() throws {
        let report = try study(count: 10).report(name: "s.db")
        #expect(report.trials.map(\.id) == Array(1...10))
        #expect(report.trials.filter { $0.state == "failed" }.map(\.id) == [5, 10])
        #expect(report.trials[4].failureReason == "exit status 1" && report.trials[4].stderrTail == "boom")
        #expect(report.trials[0].value != nil && report.seed == 5 && report.optimizer == "random")
    }

    @Test("one complete trial is refused by importance with the count")
    func tooFew() throws {
        #expect(throws: ImportanceError.notEnoughTrials(count: 1, needed: 2)) { try study(count: 1).importance() }
    }
}
