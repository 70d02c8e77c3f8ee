import Foundation
import HPOOptimizers
import HPOReport
import HPORun

extension Study {
    /// The study's HTML report (see ``StudyReport``), titled `name`, on the trials stored now.
    public func report(name: String) throws -> StudyReport {
        let trials = try trials().map { trial in
            StudyReport.Trial(
                id: trial.id, state: trial.state.rawValue, configuration: trial.configuration, value: trial.value,
                startedAt: trial.startedAt, finishedAt: trial.finishedAt, failureReason: trial.failureReason,
                stderrTail: trial.stderrTail, worker: trial.owner?.description)
        }
        return StudyReport(
            name: name, space: space, optimizer: OptimizerRegistry.standard.label(of: settings.optimizer),
            seed: settings.seed, budget: try budget(), trials: trials)
    }
}
