import ArgumentParser
import Foundation
import HPO

/// `hpo study`: looks into a study, or copies it.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Show, export, report on or copy a study.",
        subcommands: [Show.self, Export.self, Importance.self, Report.self, Copy.self]
    )

    /// `hpo study show FILE`: the settings, every trial and the best.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a study's settings, its trials and the best one.")

        @Argument(help: ArgumentHelp("The study: a file or a database URL (see hpo optimize --help).", valueName: "study"))
        var file: String

        func run() throws {
            let study = try openStudyForReading(file)
            let space = study.space
            print("study \(StudyStorages.standard.displayed(file)): \(space.dimension) parameters (\(space.names.joined(separator: ", "))), space size \(space.size.map(String.init) ?? "infinite")")
            for trial in try study.trials() {
                print(TrialLine(trial: trial).text)
            }
            print(try study.summary())
        }
    }

    /// `hpo study export FILE --format csv|json`: the trials on standard output.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a study's trials to standard output as CSV or JSON.",
            discussion: "JSON: an object with optimizer, seed, space and a trials list; each trial has id, state, config, value (null unless complete), started_at and, when set, finished_at, failure_reason, stderr_tail and retry_of (the interrupted trial a trial re-runs). State is running, complete, failed or interrupted."
        )

        @Argument(help: ArgumentHelp("The study: a file or a database URL (see hpo optimize --help).", valueName: "study"))
        var file: String

        @Option(help: "csv (one row per trial) or json.")
        var format: Format = .json

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case csv, json
        }

        func run() throws {
            let study = try openStudyForReading(file)
            let export = StudyExport(settings: study.settings, trials: try study.trials())
            switch format {
            case .json: FileHandle.standardOutput.write(try export.json())
            case .csv: print(export.csv(), terminator: "")
            }
        }
    }
}
