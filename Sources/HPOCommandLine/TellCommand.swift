import ArgumentParser
import Foundation
import HPO

/// `hpo tell`: records the result of a trial handed out by `hpo ask`.
struct TellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tell",
        abstract: "Record the loss of a running trial (--value) or its failure (--failed).",
        discussion: """
            A trial is told once: telling it again the same result does nothing (a retried tell \
            never counts twice); another result, or a trial that does not exist, is refused. A \
            trial re-queued because its lease ran out can still be told: its result is recorded \
            in the trial that re-runs its configuration if that one has not finished first.
            """
    )

    @Option(help: ArgumentHelp("The study: a file or a database URL.", valueName: "location"))
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
        let study = try openExistingStudy(study)
        let outcome: TrialOutcome =
            if let value { TrialOutcome(value: value) }
            else { .failed(reason: reason ?? "reported failed by the worker", stderrTail: nil) }
        let told = try study.tell(trialID: trial, outcome: outcome)
        if told.id != trial {
            FileHandle.standardError.write(Data("trial \(trial) had been re-queued (its lease ran out); its result was recorded as trial \(told.id), which re-runs its configuration\n".utf8))
        }
        print(TrialLine(trial: told).text)
    }
}
