import ArgumentParser
import Foundation
import HPO

/// `hpo optimize`: tunes an external command, trial by trial, in a study that survives restarts.
struct OptimizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Minimize the loss an external command reports, over a search space.",
        discussion: """
            For each trial the command (run by /bin/sh -c) gets the configuration as a JSON object \
            on standard input and as environment variables HPO_PARAM_<NAME> (the parameter's name \
            in upper case, other characters than letters, digits and _ replaced by _), HPO_CONFIG \
            (the JSON, unless it exceeds the 128 KiB an environment variable may hold), \
            HPO_CONFIG_FILE (a file holding the JSON) and HPO_TRIAL (the trial id). The command runs \
            in a process group of its own. The last line of its standard output is the \
            loss: a number, or a JSON object with a 'loss' field. A command that fails, times out, \
            writes more than --max-output bytes, or reports no finite loss makes a failed trial \
            (reason and stderr tail are kept) and the study goes on. With --study the trials are \
            committed one by one: running the same command again continues the study until it \
            has --evaluations finished trials, and several processes (on several hosts, with a \
            PostgreSQL study) can share it. Each trial has a lease (--lease) that hpo renews while \
            the command runs: a trial whose process was killed or whose host was lost is re-queued \
            by any worker once its lease runs out, and its configuration evaluated again. A worker \
            with nothing left to ask waits for the other workers' running trials. \
            On SIGINT (Ctrl-C), SIGTERM or SIGHUP the signal is forwarded to the command's process \
            group (SIGKILL follows after \(ShellCommand.killAfter.shortDescription) s), the trial is marked interrupted and hpo exits with \
            128 + the signal's number.
            """
    )

    @OptionGroup var studyOptions: StudyOptions

    @Option(help: "The command that evaluates a configuration.")
    var objective: String

    @Option(help: "The number of evaluations (complete or failed trials) the study should have: those already in the study count, interrupted ones do not. It is stored as the study's budget.")
    var evaluations: Int = 100

    @Option(help: "Seconds a trial may take before the command is stopped (SIGTERM, then SIGKILL \(ShellCommand.killAfter.shortDescription) s later) and the trial failed.")
    var timeout: Double?

    @Option(help: "Bytes of standard output after which the command is killed and the trial failed.")
    var maxOutput: Int = 16 << 20

    @Option(help: "Seconds a trial stays this process's without a heartbeat; hpo renews it every quarter of that while the command runs. A trial whose worker died is re-queued once its lease runs out.")
    var lease: Double = TrialLease.defaultSeconds

    @Flag(help: "Print only the summary, not a line per trial.")
    var quiet = false

    func validate() throws {
        guard evaluations > 0 else { throw ValidationError("--evaluations must be a positive integer, not \(evaluations)") }
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
        guard lease > 0, lease <= TrialLease.longestSeconds else {
            throw ValidationError("--lease must be a positive number of seconds, at most a week (604800), not \(lease)")
        }
        guard maxOutput > 0 else { throw ValidationError("--max-output must be a positive number of bytes, not \(maxOutput)") }
        guard !objective.allSatisfy(\.isWhitespace) else { throw ValidationError("--objective must be a command, not empty") }
    }

    func run() async throws {
        let study = try studyOptions.open()
        let interruption = CommandInterruption(watchdog: try CommandWatchdog())
        let signals = SignalForwarding(to: interruption)
        defer { signals.cancel() }
        ShellCommand.removeAbandonedInputFiles()
        let command = CommandObjective(command: objective, timeout: timeout, outputLimit: maxOutput, interruption: interruption)
        for trial in try study.requeueExpiredTrials() where !quiet {
            print(TrialLine(trial: trial).text)
        }
        let quiet = self.quiet
        let summary: StudySummary
        do {
            summary = try await study.optimize(evaluations: evaluations, lease: lease, progress: { trial in
                if !quiet { print(TrialLine(trial: trial).text) }
            }, command.evaluate)
        } catch let stop as TrialInterruption {
            let signal = interruption.signal ?? SIGTERM
            print(try study.summary())
            FileHandle.standardError.write(Data("""
                hpo optimize: \(stop.reason): the trial is marked interrupted; run the same hpo optimize again \
                to continue the study (it evaluates that configuration again)\n
                """.utf8))
            throw ExitCode(128 + signal)
        }
        print(summary)
        if summary.finished < evaluations, summary.running == 0, let size = study.space.size {
            print("stopped at \(summary.finished) of \(evaluations) evaluations: the optimizer has evaluated every one of the \(size) configurations of the space")
        }
    }
}
