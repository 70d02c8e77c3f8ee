import ArgumentParser
import Foundation
import HPO

/// `hpo tell`: records the result of a trial handed out by `hpo ask`.
struct TellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tell",
        abstract: "Record the loss of a running trial (--value) or its failure (--failed).",
        discussion: "A trial is told once: telling it again, or telling a trial that does not exist, is refused."
    )

    @Option(help: "The study file.")
    var study: String

    @Option(help: "The trial id `hpo ask` printed.")
    var trial: Int

    @Option(help: "The trial's loss (a non-finite value makes the trial failed).")
    var value: Double?

    @Flag(help: "The trial failed.")
    var failed = false

    @Option(help: "Why the trial failed (with --failed).")
    var reason: String?

    func validate() throws {
        switch (value, failed) {
        case (nil, false): throw ValidationError("give the trial's result: --value LOSS, or --failed")
        case (.some, true): throw ValidationError("--value and --failed conflict: a trial either has a loss or failed")
        default: break
        }
        if reason != nil, !failed { throw ValidationError("--reason goes with --failed") }
    }

    func run() throws {
        let study = Study(storage: try SQLiteStudyStorage(path: try existingStudyFile(study)))
        let outcome: TrialOutcome =
            if let value { TrialOutcome(value: value) }
            else { .failed(reason: reason ?? "reported failed by the worker", stderrTail: nil) }
        print(TrialLine(trial: try study.tell(trialID: trial, outcome: outcome)).text)
    }
}
