import Foundation
import HPORun
import HPOSpace

/// An objective evaluated by an external command, in any language.
///
/// For each trial the command (run by `/bin/sh -c`) gets the configuration as a JSON object of
/// name -> value on standard input, and in the environment as `HPO_PARAM_<NAME>` (the name in
/// upper case, characters other than letters, digits and `_` replaced by `_`), `HPO_CONFIG`
/// (the same JSON, unless it is longer than an environment variable may be: see
/// ``environmentVariableLimit``), `HPO_CONFIG_FILE` (the path of a file holding the JSON, deleted
/// after the trial) and `HPO_TRIAL` (the trial id). It reports the loss as the last line of
/// standard output: a number, or a JSON object with a numeric `loss` field. A command that exits
/// non-zero, is killed, times out, writes more than the output limit, or whose last line is not
/// a finite loss fails the trial with an ``ObjectiveFailure`` carrying its stderr tail. A command
/// stopped by its ``interruption`` throws a ``TrialInterruption``.
public struct CommandObjective: Sendable {
    /// The command line.
    public var command: String
    /// Seconds a trial may take before it is stopped and failed; `nil` for no limit.
    public var timeout: Double?
    /// Bytes of standard output after which the command is killed and the trial failed.
    public var outputLimit: Int
    /// What stops the running command when the process is told to stop, if anything.
    public var interruption: CommandInterruption?

    /// The longest last line read as a loss.
    public static let maximumLossLineLength = 1000
    /// The number of lines of standard error kept with a failed trial.
    public static let stderrTailLines = 20
    /// The most bytes one environment variable may take, `NAME=value` and its terminating zero byte:
    /// Linux's `MAX_ARG_STRLEN` (32 pages of 4 KiB). A longer `HPO_CONFIG` is not set.
    public static let environmentVariableLimit = 128 << 10

    /// Creates an objective.
    public init(command: String, timeout: Double? = nil, outputLimit: Int = 16 << 20, interruption: CommandInterruption? = nil) {
        self.command = command
        self.timeout = timeout
        self.outputLimit = outputLimit
        self.interruption = interruption
    }

    /// The environment variable that carries `parameter`, e.g. `HPO_PARAM_LEARNING_RATE`.
    public static func environmentName(of parameter: String) -> String {
        "HPO_PARAM_" + String(parameter.uppercased().unicodeScalars.map { scalar in
            ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" ? Character(scalar) : "_"
        })
    }

    /// The first two of `parameters` (in their order) that ``environmentName(of:)`` gives the same
    /// variable, such as `a-b` and `a_b` (both `HPO_PARAM_A_B`), or `nil` if every name has its own.
    public static func environmentNameCollision(among parameters: [String]) -> (first: String, second: String, variable: String)? {
        var owners: [String: String] = [:]
        for parameter in parameters {
            let variable = environmentName(of: parameter)
            if let first = owners[variable] { return (first, parameter, variable) }
            owners[variable] = parameter
        }
        return nil
    }

    /// Runs the command on `trial`'s configuration and returns its loss, or throws an
    /// ``ObjectiveFailure`` that says what went wrong (or a ``TrialInterruption``).
    public func evaluate(_ trial: Study.Trial) async throws -> Double {
        let json = String(decoding: try SortedJSON.encode(trial.config, newline: false), as: UTF8.self)
        if let collision = Self.environmentNameCollision(among: trial.config.keys.sorted()) {
            throw ObjectiveFailure(
                reason: "parameters '\(collision.first)' and '\(collision.second)' would both be passed as \(collision.variable): rename one of them in the space")
        }
        var environment = ["HPO_TRIAL": "\(trial.id)"]
        for (name, value) in trial.config {
            let variable = Self.environmentName(of: name), text = value.description
            guard Self.fitsEnvironment(name: variable, value: text) else {
                throw ObjectiveFailure(
                    reason: "the value of parameter '\(name)' is \(text.utf8.count) bytes long, too long for the environment variable \(variable) (at most \(Self.environmentVariableLimit) bytes with its name): use shorter values in the space")
            }
            environment[variable] = text
        }
        // A JSON too long for one variable would make every start fail: the file and standard input carry it.
        let configOmitted = !Self.fitsEnvironment(name: "HPO_CONFIG", value: json)
        if !configOmitted { environment["HPO_CONFIG"] = json }
        let shell = ShellCommand(
            command: command, environment: environment, timeout: timeout, outputLimit: outputLimit,
            inputPathVariable: "HPO_CONFIG_FILE", interruption: interruption)
        let result = try await shell.run(input: Data((json + "\n").utf8))
        let stderrTail = Self.lastLines(of: result.stderrTail, count: Self.stderrTailLines)
        func failure(_ reason: String) -> ObjectiveFailure {
            let note = configOmitted
                ? " (HPO_CONFIG was not set: the configuration's JSON is \(json.utf8.count) bytes, more than an environment variable may hold; read it from the file HPO_CONFIG_FILE names or from standard input)"
                : ""
            return ObjectiveFailure(reason: reason + note, stderrTail: stderrTail)
        }
        switch result.termination {
        case .exit(0): break
        case .exit(let status): throw failure("the command exited with status \(status)")
        case .signal(let signal): throw failure("the command was killed by signal \(signal)")
        case .timedOut: throw failure("the command timed out after \((timeout ?? 0).shortDescription) s and was killed")
        case .outputLimitExceeded:
            throw failure("the command wrote more than \(outputLimit) bytes to standard output and was killed")
        case .interrupted(let signal):
            throw TrialInterruption(reason: "stopped: hpo received \(CommandInterruption.name(of: signal))")
        }
        switch Self.loss(fromOutput: result.stdoutTail) {
        case .success(let loss): return loss
        case .failure(let problem): throw failure(problem.reason)
        }
    }

    /// Whether `NAME=value` and its terminating zero byte fit in ``environmentVariableLimit``.
    static func fitsEnvironment(name: String, value: String) -> Bool {
        name.utf8.count + 1 + value.utf8.count + 1 <= environmentVariableLimit
    }

    /// The loss in a command's standard output: its last non-empty line, a number or a JSON
    /// object with a numeric `loss` field, which must be finite.
    public static func loss(fromOutput output: Data) -> Result<Double, ObjectiveFailure> {
        let text = String(decoding: output, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return .failure(ObjectiveFailure(reason: "the command printed nothing on standard output: its last line must be the loss"))
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= maximumLossLineLength else {
            return .failure(ObjectiveFailure(
                reason: "the last line of standard output is \(trimmed.count) characters long: expected a number or a JSON object with a 'loss' field"))
        }
        let loss: Double
        if trimmed.hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                return .failure(ObjectiveFailure(reason: "the last line of standard output is not valid JSON: '\(trimmed)'"))
            }
            guard object["loss"] != nil else {
                return .failure(ObjectiveFailure(reason: "the JSON on the last line of standard output has no 'loss' field: '\(trimmed)'"))
            }
            guard let report = try? JSONDecoder().decode(LossReport.self, from: Data(trimmed.utf8)) else {
                return .failure(ObjectiveFailure(reason: "the 'loss' field on the last line of standard output is not a number: '\(trimmed)'"))
            }
            loss = report.loss
        } else {
            guard let number = Double(trimmed) else {
                return .failure(ObjectiveFailure(
                    reason: "the last line of standard output is not a number: '\(trimmed)' (expected a number or a JSON object with a 'loss' field)"))
            }
            loss = number
        }
        guard loss.isFinite else {
            return .failure(ObjectiveFailure(reason: "the command reported a loss of \(loss): a loss must be a finite number"))
        }
        return .success(loss)
    }

    private struct LossReport: Decodable {
        let loss: Double
    }

    /// The last `count` lines of `data` as text, or `nil` if it is empty.
    static func lastLines(of data: Data, count: Int) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let tail = lines.suffix(lines.last?.isEmpty == true ? count + 1 : count).joined(separator: "\n")
        return tail.allSatisfy(\.isWhitespace) ? nil : tail
    }
}
