import ArgumentParser
import Foundation
import HPO

extension StudyCommand {
    /// `hpo study copy FROM TO`: a study's settings, budget and trials into a new study.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a study (settings, budget and every trial) into a new study, in any storage.",
            discussion: "Either side is a file or a database URL (see hpo optimize --help): copy a study from an SQLite file to a PostgreSQL database to share it between hosts, or back into a file. The destination is created; one that already holds trials is refused. Trials keep their ids, states, values, times and leases."
        )

        @Argument(help: ArgumentHelp("The study to copy: a file or a database URL.", valueName: "from"))
        var source: String

        @Argument(help: ArgumentHelp("The new study: a file or a database URL.", valueName: "to"))
        var destination: String

        func run() throws {
            let storages = StudyStorages.standard
            let study = try openStudyForReading(source)
            let target = try storages.open(destination, creating: study.settings)
            let trials: [Study.Trial]
            do {
                trials = try study.copy(to: target.storage)
            } catch StudyError.copyIntoStudyWithTrials(let count) {
                throw CommandLineError(
                    "'\(storages.displayed(destination))' already holds a study with \(count) trial\(count == 1 ? "" : "s"): "
                        + "copy into a new study (a new file, or another ?study= name in the database)")
            }
            let counts = Dictionary(grouping: trials, by: \.state).mapValues(\.count)
            let states = [TrialState.complete, .failed, .running, .interrupted].map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            let budget = try study.budget().map { "budget \($0)" } ?? "no budget"
            print("copied \(storages.displayed(source)) to \(storages.displayed(destination)): "
                + "optimizer \(study.settings.optimizer.label), seed \(study.settings.seed), \(budget), "
                + "\(trials.count) trial\(trials.count == 1 ? "" : "s") (\(states))")
        }
    }
}
