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
            another trial is evaluating it. A new study is created from --space. --evaluations \
            stores the study's budget, which an intensifying optimizer (bo-rf-noisy, \
            bo-dngo-noisy) plans its final confirmations by, and refuses to ask once the study \
            has that many finished or running trials. An interrupted trial's configuration is \
            handed out again before a new one. With --lease the trial is re-queued (handed out \
            again) unless its worker renews it with `hpo heartbeat` within that many seconds: \
            workers that die then lose no trial. A re-queued trial can still be told.
            """
    )

    @OptionGroup var studyOptions: StudyOptions

    @Option(help: "The number of evaluations (complete or failed trials) the study is to make, stored as its budget (default: the stored budget, if any).")
    var evaluations: Int?

    @Option(help: "Seconds the trial stays the worker's without `hpo heartbeat`; after that any worker re-queues it (default: no lease, the trial stays running until told).")
    var lease: Double?

    func validate() throws {
        if let lease, !(lease > 0 && lease <= TrialLease.longestSeconds) {
            throw ValidationError("--lease must be a positive number of seconds, at most a week (604800), not \(lease)")
        }
        if let evaluations, evaluations < 1 {
            throw ValidationError("--evaluations must be a positive integer, not \(evaluations)")
        }
    }

    func run() throws {
        let study = try studyOptions.openExisting()
        let trial: Study.Trial
        if let evaluations {
            try study.setBudget(evaluations)
            guard let asked = try study.ask(lease: lease, limit: evaluations) else {
                throw CommandLineError(
                    "the study already has \(evaluations) finished or running trials (--evaluations \(evaluations)): no trial is left to hand out; give a larger --evaluations to continue it")
            }
            trial = asked
        } else {
            trial = try study.ask(lease: lease)
        }
        print(Self.line(for: trial))
    }

    /// A trial handed out, as `hpo ask` prints it: `{"trial": ID, "config": {...}}`.
    static func line(for trial: Study.Trial) -> String {
        let config = (try? SortedJSON.encode(trial.config, newline: false)) ?? Data("{}".utf8)
        return "{\"trial\": \(trial.id), \"config\": \(String(decoding: config, as: UTF8.self))}"
    }
}
