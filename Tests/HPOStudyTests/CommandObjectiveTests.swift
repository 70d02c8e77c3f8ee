import Foundation
import HPOSpace
import HPORun
import HPOStudy
import Testing

@Suite("External command objectives")
struct CommandObjectiveTests {
    /// A trial of a two-parameter space with `kind = b`, `learning-rate = 0.01`.
    static func trial() throws -> Study.Trial {
        let space = try SearchSpace([.categorical("kind", ["a", "b"]), .real("learning-rate", 1e-4, 1, log: true)])
        let configuration = Configuration([1, 0.01])
        return Study.Trial(
            id: 7, state: .running, configuration: configuration, config: space.dictionary(of: configuration), startedAt: Date())
    }

    @Test("the command gets the configuration as JSON on stdin and in the environment")
    func inputs() async throws {
        let stdin = try await CommandObjective(command: #"read line; test "$line" = '{"kind":"b","learning-rate":0.01}' && echo 1 || echo 0"#)
            .evaluate(try Self.trial())
        #expect(stdin == 1)
        let environment = try await CommandObjective(command: #"echo "$HPO_PARAM_KIND $HPO_PARAM_LEARNING_RATE $HPO_TRIAL" >&2; echo "$HPO_PARAM_LEARNING_RATE""#)
            .evaluate(try Self.trial())
        #expect(environment == 0.01)
        #expect(CommandObjective.environmentName(of: "learning-rate") == "HPO_PARAM_LEARNING_RATE")
        #expect(CommandObjective.environmentName(of: "n_units.1") == "HPO_PARAM_N_UNITS_1")
    }

    @Test("the loss is the last line: a number or JSON with a loss field")
    func losses() async throws {
        let trial = try Self.trial()
        #expect(try await CommandObjective(command: "echo epoch 1; echo 0.5; echo '  0.25  '; echo").evaluate(trial) == 0.25)
        #expect(try await CommandObjective(command: #"echo '{"loss": 1.5e-3, "accuracy": 0.9}'"#).evaluate(trial) == 1.5e-3)
        #expect(try await CommandObjective(command: "printf '%s' -2").evaluate(trial) == -2)
    }

    /// A command whose trial must fail, and the reason it must give.
    struct Failing: Sendable, CustomStringConvertible {
        let label: String
        let command: String
        let reason: String
        var timeout: Double? = nil
        var outputLimit = 16 << 20
        var description: String { label }
    }

    static let failing: [Failing] = [
        Failing(label: "empty output", command: "true", reason: "the command printed nothing on standard output: its last line must be the loss"),
        Failing(label: "only blank lines", command: "printf '\\n  \\n'", reason: "the command printed nothing on standard output"),
        Failing(label: "NaN", command: "echo nan", reason: "the command reported a loss of nan: a loss must be a finite number"),
        Failing(label: "infinity", command: "echo inf", reason: "the command reported a loss of inf: a loss must be a finite number"),
        Failing(label: "minus infinity", command: "echo -Infinity", reason: "the command reported a loss of -inf"),
        Failing(label: "text", command: "echo done", reason: "the last line of standard output is not a number: 'done'"),
        Failing(label: "JSON without loss", command: #"echo '{"acc": 1}'"#, reason: "the JSON on the last line of standard output has no 'loss' field"),
        Failing(label: "JSON non-numeric loss", command: #"echo '{"loss": "low"}'"#, reason: "the 'loss' field on the last line of standard output is not a number"),
        Failing(label: "broken JSON", command: #"echo '{"loss": '"#, reason: "the last line of standard output is not valid JSON"),
        Failing(label: "non-zero exit", command: "echo 0.5; echo 'CUDA out of memory' >&2; exit 3", reason: "the command exited with status 3"),
        Failing(label: "killed by a signal", command: "kill -9 $$", reason: "the command was killed by signal 9"),
        Failing(label: "timeout", command: "sleep 30 & wait; echo 1", reason: "the command timed out after 0.3 s and was killed", timeout: 0.3),
        Failing(label: "huge output", command: "yes 0.5", reason: "the command wrote more than 100000 bytes to standard output and was killed",
                outputLimit: 100_000),
        Failing(label: "huge last line", command: "head -c 5000 /dev/zero | tr '\\0' 7; echo",
                reason: "the last line of standard output is 5000 characters long"),
    ]

    @Test("failures are reported with their specific reason", arguments: failing)
    func failures(_ example: Failing) async throws {
        let objective = CommandObjective(command: example.command, timeout: example.timeout, outputLimit: example.outputLimit)
        await #expect {
            _ = try await objective.evaluate(try Self.trial())
        } throws: { error in
            (error as? ObjectiveFailure)?.reason.hasPrefix(example.reason) == true
        }
    }

    @Test("a timed-out command is killed with everything it started")
    func timeoutKillsTheProcessGroup() throws {
        // Both sleeps hold standard output open: the run ends only when both are gone, which
        // takes 30 s unless the whole process group is killed at the 0.5 s timeout.
        let command = ShellCommand(command: "sleep 30 & sleep 30; echo 1", timeout: 0.5)
        let clock = ContinuousClock()
        var result: ShellCommand.Result?
        let elapsed = try clock.measure { result = try command.runBlocking(input: Data()) }
        #expect(result?.termination == .timedOut)
        #expect(result?.stdoutBytes == 0)
        #expect(elapsed < .seconds(20))
    }

    @Test("a failed command's stderr tail is kept, up to 20 lines")
    func stderrTail() async throws {
        let objective = CommandObjective(command: "for i in $(seq 1 30); do echo line $i >&2; done; exit 1")
        await #expect {
            _ = try await objective.evaluate(try Self.trial())
        } throws: { error in
            let tail = (error as? ObjectiveFailure)?.stderrTail ?? ""
            return tail.hasPrefix("line 11\n") && tail.hasSuffix("line 30\n") && tail.split(separator: "\n").count == 20
        }
    }
}
