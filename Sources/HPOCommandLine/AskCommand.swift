import ArgumentParser
import Foundation
import HPO

/// `hpo ask`: hands out the next trial of a study, for a worker in any language.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Print the next trial of a study as {\"trial\": ID, \"config\": {...}}.",
        discussion: """
            The trial is stored as running before it is printed; report its result with \
            `hpo tell`. Several processes may ask and tell on one study file at once: each trial \
            id is handed out once, and in a finite space no configuration is handed out while \
            another trial is evaluating it. A new study is created from --space.
            """
    )

    @OptionGroup var studyOptions: StudyOptions

    func run() throws {
        let study = try studyOptions.openExisting()
        let trial = try study.ask()
        let config = String(decoding: try SortedJSON.encode(trial.config, newline: false), as: UTF8.self)
        print("{\"trial\": \(trial.id), \"config\": \(config)}")
    }
}
