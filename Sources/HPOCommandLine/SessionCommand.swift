import ArgumentParser
import Dispatch
import Foundation
import HPO
import Synchronization

/// `hpo session`: asks and tells many trials through one long-lived process, for a worker in any
/// language that would otherwise start `hpo ask` and `hpo tell` for every trial.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Ask and tell trials of a study through one process: a JSON request per line in, a JSON reply per line out.",
        discussion: """
            For workers in any language that evaluate many trials: start `hpo session` once and \
            write requests to its standard input, one JSON object per line; each gets one JSON \
            line on standard output, written at once.

              {"op": "ask"}
                -> {"trial": 7, "config": {"lr": 0.01, ...}}
              {"op": "tell", "trial": 7, "value": 0.25}
                -> {"state": "complete", "trial": 7, "value": 0.25}
              {"op": "tell", "trial": 7, "failed": true, "reason": "diverged"}
                -> {"state": "failed", "trial": 7}

            When no trial is left (the study has --evaluations finished or running trials, or \
            the optimizer has evaluated every configuration of a finite space) an ask replies \
            {"done": true, "reason": "..."}. A request that cannot be carried out replies \
            {"error": "..."} and the session goes on. A tell of a trial re-queued meanwhile \
            adds "recorded_as": ID, the trial that holds its result.

            Trials are handed out as by `hpo ask` and told as by `hpo tell`, and several \
            sessions, `hpo ask` processes and `hpo optimize` workers may share a study. The \
            session holds every trial it handed out with a lease of --lease seconds and renews \
            it while it runs: the worker sends no heartbeat. When its input ends (the worker \
            exited or closed it) or it gets SIGINT, SIGTERM or SIGHUP, the trials it handed out \
            and that were not told are marked interrupted, so the next ask evaluates them again; \
            if the session is killed outright, their leases run out and any worker re-queues \
            them. Within one session the optimizer is kept from ask to ask, and each ask reads \
            only the trials added since the last one.
            """
    )

    @OptionGroup var studyOptions: StudyOptions

    @Option(help: "The number of evaluations (complete or failed trials) the study is to make, stored as its budget (default: the stored budget, if any); asks reply done once the study has that many finished or running trials.")
    var evaluations: Int?

    @Option(help: "Seconds a trial handed out stays this session's without a renewal; the session renews it every quarter of that while it runs.")
    var lease: Double = TrialLease.defaultSeconds

    func validate() throws {
        guard lease > 0, lease <= TrialLease.longestSeconds else {
            throw ValidationError("--lease must be a positive number of seconds, at most a week (604800), not \(lease)")
        }
        if let evaluations, evaluations < 1 {
            throw ValidationError("--evaluations must be a positive integer, not \(evaluations)")
        }
    }

    func run() throws {
        let study = try studyOptions.openExisting()
        if let evaluations { try study.setBudget(evaluations) }
        let session = Session(study: study, lease: lease, limit: evaluations)
        let renewal = session.renewLeases(every: lease / 4)
        let signals = SignalForwarding { number in
            session.interruptOutstanding(because: "hpo session received \(CommandInterruption.name(of: number))")
            Foundation.exit(128 + number)
        }
        defer { signals.cancel() }
        signal(SIGPIPE, SIG_IGN) // a reader gone shows as a failed write, not as the end of this process
        var ending = "its worker ended the hpo session (its input closed) before telling it"
        while let line = readLine(strippingNewline: true) {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            var reply = session.reply(to: line)
            reply.append(0x0A)
            do {
                try FileHandle.standardOutput.write(contentsOf: reply) // unbuffered: the reply leaves at once
            } catch {
                ending = "its worker stopped reading the hpo session's replies (its output closed) before telling it"
                break
            }
        }
        renewal.cancel()
        session.interruptOutstanding(because: ending)
    }
}

/// What one `hpo session` holds: the study, and the trials it handed out and was not told yet.
/// Every use of the study goes through one lock, so the renewals never run beside an ask.
private final class Session: Sendable {
    private struct State {
        var study: Study
        var outstanding: Set<Int> = []
    }

    private let state: Mutex<State>
    private let lease: Double
    private let limit: Int?

    init(study: Study, lease: Double, limit: Int?) {
        state = Mutex(State(study: study))
        self.lease = lease
        self.limit = limit
    }

    /// A request of one line.
    private struct Request: Decodable {
        var op: String
        var trial: Int?
        var value: Double?
        var failed: Bool?
        var reason: String?
    }

    /// The reply to one request line, as JSON without the line break.
    func reply(to line: String) -> Data {
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: Data(line.utf8))
        } catch {
            return Self.error("not a request: \(Self.excerpt(line)); write one JSON object per line, such as {\"op\": \"ask\"} or {\"op\": \"tell\", \"trial\": 7, \"value\": 0.25}")
        }
        do {
            switch request.op {
            case "ask": return try ask()
            case "tell": return try tell(request)
            default:
                return Self.error("unknown op \(Self.quoted(request.op)): the ops are \"ask\" and \"tell\"")
            }
        } catch {
            return Self.error(String(describing: error))
        }
    }

    private func ask() throws -> Data {
        try state.withLock { state in
            let trial: Study.Trial?
            do {
                if let limit {
                    trial = try state.study.ask(lease: lease, limit: limit)
                } else {
                    trial = try state.study.ask(lease: lease)
                }
            } catch OptimizerError.spaceExhausted(let size) {
                return Self.encode(Done(reason: "the optimizer has evaluated every one of the \(size) configurations of the space"))
            }
            guard let trial else {
                return Self.encode(Done(reason: "the study has \(limit ?? 0) finished or running trials (--evaluations \(limit ?? 0))"))
            }
            state.outstanding.insert(trial.id)
            return Data(AskCommand.line(for: trial).utf8)
        }
    }

    private func tell(_ request: Request) throws -> Data {
        guard let id = request.trial else { return Self.error("a tell needs \"trial\": the id its ask replied") }
        let outcome: TrialOutcome
        switch (request.value, request.failed ?? false) {
        case (let value?, false):
            outcome = TrialOutcome(value: value)
        case (nil, true):
            outcome = .failed(reason: request.reason ?? "reported failed by the worker", stderrTail: nil)
        case (.some, true):
            return Self.error("a tell has either \"value\" or \"failed\": true, not both (trial \(id))")
        case (nil, false):
            return Self.error("a tell needs the trial's result: \"value\": LOSS, or \"failed\": true (trial \(id))")
        }
        if request.reason != nil, request.failed != true { return Self.error("\"reason\" goes with \"failed\": true (trial \(id))") }
        return try state.withLock { state in
            let told = try state.study.tell(trialID: id, outcome: outcome)
            state.outstanding.remove(id)
            return Self.encode(Told(trial: id, state: told.state, value: told.value, recordedAs: told.id == id ? nil : told.id))
        }
    }

    /// Renews the leases of the outstanding trials every `interval` seconds until cancelled; a
    /// renewal that fails (the storage unreachable for a moment) is tried again at the next.
    func renewLeases(every interval: Double) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [self] in
            state.withLock { state in
                for id in state.outstanding { _ = try? state.study.heartbeat(trialID: id) }
            }
        }
        timer.resume()
        return timer
    }

    /// Marks every trial handed out and not told interrupted, so that the next ask evaluates it
    /// again.
    func interruptOutstanding(because reason: String) {
        state.withLock { state in
            for id in state.outstanding.sorted() {
                _ = try? state.study.tell(trialID: id, outcome: .interrupted(reason: reason))
            }
            state.outstanding = []
        }
    }

    /// The replies, as JSON objects with sorted keys and no line break.
    private struct Done: Encodable { var done = true; var reason: String }
    private struct Failure: Encodable { var error: String }
    private struct Told: Encodable {
        var trial: Int
        var state: TrialState
        var value: Double?
        var recordedAs: Int?

        enum CodingKeys: String, CodingKey { case trial, state, value, recordedAs = "recorded_as" }
    }

    private static func encode(_ reply: some Encodable) -> Data {
        (try? SortedJSON.encode(reply, newline: false)) ?? Data(#"{"error": "the reply could not be encoded"}"#.utf8)
    }

    private static func error(_ message: String) -> Data {
        encode(Failure(error: message))
    }

    private static func excerpt(_ line: String) -> String {
        quoted(line.count > 80 ? line.prefix(80) + "…" : line)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text + "\""
    }
}
