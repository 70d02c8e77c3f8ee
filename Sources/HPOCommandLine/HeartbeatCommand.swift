import ArgumentParser
import Foundation
import HPO

/// `hpo heartbeat`: renews the lease of a trial handed out by `hpo ask --lease`.
struct HeartbeatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heartbeat",
        abstract: "Renew the lease of a running trial asked with --lease, so that it is not re-queued.",
        discussion: """
            Call it more often than the lease's length while the trial is evaluated (e.g. every \
            quarter of it). It fails with a non-zero exit when the trial is no longer running: \
            told already, or re-queued because its lease ran out (its result can still be told).
            """
    )

    @Option(help: ArgumentHelp("The study: a file or a database URL.", valueName: "location"))
    var study: String

    @Option(help: "The trial id `hpo ask` printed.")
    var trial: Int

    func run() throws {
        let renewed = try openExistingStudy(study).heartbeat(trialID: trial)
        guard let lease = renewed.lease else { return }
        print("trial \(trial): lease renewed until \(lease.expiresAt.formatted(.iso8601))")
    }
}
