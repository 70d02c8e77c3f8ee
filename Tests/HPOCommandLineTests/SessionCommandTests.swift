import Foundation
import HPO
import HPORun
import HPOStudy
import HPOTestSupport
import Synchronization
import Testing

/// A running `hpo session`: requests written to its standard input, a reply read per request.
private final class SessionProcess {
    let process = Process()
    private let input = Pipe(), output = Pipe(), error = Pipe()
    private var buffered = Data()
    private var outputClosed = false

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = try HPOProcess.executable
        process.arguments = ["session"] + arguments
        process.currentDirectoryURL = directory
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
    }

    /// Writes `request` as one line and returns the reply's line; the empty string if the
    /// session ended instead.
    func send(_ request: String) -> String {
        input.fileHandleForWriting.write(Data((request + "\n").utf8))
        guard !outputClosed else { return "" }
        while true {
            if let newline = buffered.firstIndex(of: 0x0A) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered = Data(buffered[(newline + 1)...])
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return "" }
            buffered.append(chunk)
        }
    }

    /// The reply to `request` as a JSON object.
    func object(_ request: String) throws -> [String: Any] {
        let line = send(request)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "reply: \(line)")
    }

    /// Asks for a trial and returns its id and configuration.
    func ask() throws -> StudyCommandLineTests.AskReply {
        let line = send(#"{"op": "ask"}"#)
        return try JSONDecoder().decode(StudyCommandLineTests.AskReply.self, from: Data(line.utf8))
    }

    /// Closes this end of its output, as a worker that stops reading does.
    func closeOutput() {
        try? output.fileHandleForReading.close()
        outputClosed = true
    }

    /// Closes its input and waits for it to exit; returns its standard error.
    func finish() -> String {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// `hpo session`: ask and tell through one process, a JSON line per request and per reply.
@Suite("hpo session")
struct SessionCommandTests {
    @Test("a session suggests what hpo optimize does for the same seed and results (the default optimizer, a Gaussian process here)")
    func sameAsOptimize() throws {
        let directory = try StudyCommandLineTests.workspace("session-same")
        defer { try? FileManager.default.removeItem(at: directory) }
        let optimized = try HPOProcess.run(
            ["optimize", "--space", "space.json", "--objective", "echo \"$HPO_PARAM_X\"", "--seed", "5", "--evaluations", "12",
             "--study", "optimized.sqlite", "--quiet"], in: directory)
        #expect(optimized.status == 0, "\(optimized.stderr)")

        let session = try SessionProcess(["--study", "session.sqlite", "--space", "space.json", "--seed", "5"], in: directory)
        for _ in 0..<12 {
            let asked = try session.ask()
            let value = try #require(asked.config["x"]?.number)
            let told = try session.object(#"{"op": "tell", "trial": \#(asked.trial), "value": \#(value)}"#)
            #expect(told["state"] as? String == "complete" && told["trial"] as? Int == asked.trial)
        }
        #expect(session.finish().isEmpty)
        #expect(session.process.terminationStatus == 0)
        let expected = try StudyCommandLineTests.trials(directory.appendingPathComponent("optimized.sqlite"))
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("session.sqlite"))
        #expect(trials.count == 12)
        #expect(trials.map(\.configuration) == expected.map(\.configuration))
        #expect(trials.map(\.value) == expected.map(\.value))
    }

    @Test("requests that cannot be carried out get an error line naming what is wrong and the session goes on; the budget ends with done")
    func errorsAndDone() throws {
        let directory = try StudyCommandLineTests.workspace("session-errors")
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try SessionProcess(
            ["--study", "s.sqlite", "--space", "space.json", "--optimizer", "random", "--evaluations", "2"], in: directory)
        let first = try session.ask()
        let errors = [
            ("nonsense", "not a request: \"nonsense\""),
            (#"{"op": "fly"}"#, #"unknown op "fly": the ops are "ask" and "tell""#),
            (#"{"op": "tell", "value": 1}"#, #"a tell needs "trial""#),
            (#"{"op": "tell", "trial": \#(first.trial)}"#, #"a tell needs the trial's result: "value": LOSS, or "failed": true"#),
            (#"{"op": "tell", "trial": \#(first.trial), "value": 1, "failed": true}"#, "not both"),
            (#"{"op": "tell", "trial": 99, "value": 1}"#, "there is no trial 99"),
        ]
        for (request, message) in errors {
            let reply = try session.object(request)
            let error = try #require(reply["error"] as? String, "\(request) -> \(reply)")
            #expect(error.contains(message), "\(request) -> \(error)")
        }
        let failed = try session.object(#"{"op": "tell", "trial": \#(first.trial), "failed": true, "reason": "diverged"}"#)
        #expect(failed["state"] as? String == "failed")
        #expect(try session.object(#"{"op": "tell", "trial": \#(first.trial), "value": 3}"#)["error"] != nil, "a trial is told once")
        let second = try session.ask()
        #expect(try session.object(#"{"op": "tell", "trial": \#(second.trial), "value": 0.5}"#)["value"] as? Double == 0.5)
        let done = try session.object(#"{"op": "ask"}"#)
        #expect(done["done"] as? Bool == true)
        #expect((done["reason"] as? String)?.contains("--evaluations 2") == true)
        _ = session.finish()
        #expect(session.process.terminationStatus == 0)
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.map(\.state) == [.failed, .complete])
        #expect(trials.first?.failureReason == "diverged")
    }

    @Test("trials handed out and not told are marked interrupted when the input ends, and the next ask evaluates them again")
    func endOfInputInterrupts() throws {
        let directory = try StudyCommandLineTests.workspace("session-eof")
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["--study", "s.sqlite", "--space", "space.json", "--optimizer", "random"]
        let session = try SessionProcess(arguments, in: directory)
        let asked = try session.ask()
        #expect(session.finish().isEmpty)
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.map(\.state) == [.interrupted])
        #expect(trials.first?.failureReason?.contains("ended the hpo session") == true)

        let next = try SessionProcess(arguments, in: directory)
        let again = try next.ask()
        _ = next.finish()
        #expect(again.config == asked.config)
        #expect(try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite")).last?.retryOf == asked.trial)
    }

    @Test("a worker that stops reading the replies ends the session: the trials it was handed are marked interrupted at once, and the session exits without a crash")
    func closedOutputInterrupts() throws {
        let directory = try StudyCommandLineTests.workspace("session-closed-output")
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try SessionProcess(["--study", "s.sqlite", "--space", "space.json", "--optimizer", "random"], in: directory)
        _ = try session.ask()
        session.closeOutput()
        _ = session.send(#"{"op": "ask"}"#) // its reply goes nowhere
        let stderr = session.finish()
        #expect(session.process.terminationReason == .exit && session.process.terminationStatus == 0, "\(stderr)")
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.map(\.state) == [.interrupted, .interrupted])
        #expect(trials.allSatisfy { $0.failureReason?.contains("stopped reading the hpo session's replies") == true })
    }

    @Test("SIGTERM marks the trials handed out and not told interrupted and exits with 128 + 15")
    func signalInterrupts() throws {
        let directory = try StudyCommandLineTests.workspace("session-signal")
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try SessionProcess(["--study", "s.sqlite", "--space", "space.json", "--optimizer", "random"], in: directory)
        _ = try session.ask()
        kill(session.process.processIdentifier, SIGTERM)
        session.process.waitUntilExit()
        #expect(session.process.terminationReason == .exit && session.process.terminationStatus == 128 + SIGTERM)
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.map(\.state) == [.interrupted])
        #expect(trials.first?.failureReason == "hpo session received SIGTERM")
    }

    @Test("the session renews the lease of a trial it handed out: after twice the lease, another worker's ask does not re-queue it")
    func renewsLeases() throws {
        let directory = try StudyCommandLineTests.workspace("session-lease")
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try SessionProcess(
            ["--study", "s.sqlite", "--space", "space.json", "--optimizer", "random", "--lease", "1"], in: directory)
        let asked = try session.ask()
        Thread.sleep(forTimeInterval: 2.5)
        let other = try HPOProcess.run(["ask", "--study", "s.sqlite"], in: directory)
        #expect(other.status == 0, "\(other.stderr)")
        let told = try session.object(#"{"op": "tell", "trial": \#(asked.trial), "value": 1}"#)
        _ = session.finish()
        #expect(told["state"] as? String == "complete" && told["recorded_as"] == nil, "\(told)")
        let trials = try StudyCommandLineTests.trials(directory.appendingPathComponent("s.sqlite"))
        #expect(trials.map(\.state) == [.complete, .running])
        #expect(trials.last?.retryOf == nil, "the other worker got a new configuration, not this trial's")
    }

    @Test("four sessions started at once on a new study file: each trial handed out once, every value as told, the budget exactly")
    func concurrentSessionsOnAFile() throws {
        try Self.concurrentSessions(location: "s.sqlite", name: "session-concurrent")
    }

    @Test("four sessions started at once on a new PostgreSQL study: the same",
          .enabled(if: TestDatabase.isEnabled, Comment(rawValue: TestDatabase.skipReason)))
    func concurrentSessionsInPostgreSQL() throws {
        try Self.concurrentSessions(location: try TestDatabase.study("session"), name: "session-concurrent-pg")
    }

    /// Four workers, each a session it asks and tells until the study's 40 evaluations are spent;
    /// the sessions create the study together.
    static func concurrentSessions(location: String, name: String) throws {
        let directory = try StudyCommandLineTests.workspace(name)
        defer { try? FileManager.default.removeItem(at: directory) }
        let told = Mutex<[Int: Double]>([:]), problems = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let session = try SessionProcess(
                    ["--study", location, "--space", "space.json", "--optimizer", "random", "--evaluations", "40"], in: directory)
                while true {
                    let line = session.send(#"{"op": "ask"}"#)
                    if line.hasPrefix(#"{"done":true"#) { break }
                    if line.isEmpty {
                        throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "worker \(worker)'s session ended: \(session.finish())"])
                    }
                    let reply = try JSONDecoder().decode(StudyCommandLineTests.AskReply.self, from: Data(line.utf8))
                    guard let x = reply.config["x"]?.number else {
                        throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "worker \(worker) asked: \(line)"])
                    }
                    let trial = reply.trial
                    let answer = session.send(#"{"op": "tell", "trial": \#(trial), "value": \#(x)}"#)
                    guard answer.contains(#""state":"complete""#) else {
                        throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "worker \(worker) told: \(answer)"])
                    }
                    let repeated = told.withLock { $0.updateValue(x, forKey: trial) != nil }
                    if repeated { problems.withLock { $0.append("trial \(trial) was handed out twice") } }
                }
                let stderr = session.finish()
                if session.process.terminationStatus != 0 { problems.withLock { $0.append("worker \(worker): \(stderr)") } }
            } catch {
                problems.withLock { $0.append("\(error)") }
            }
        }
        #expect(problems.withLock { $0 }.isEmpty, "\(problems.withLock { $0 })")
        let stored = location.hasPrefix("postgresql") ? location : directory.appendingPathComponent(location).path
        let trials = try StudyStorages.standard.open(stored).trials()
        #expect(trials.map(\.id) == Array(1...40))
        #expect(trials.allSatisfy { $0.state == .complete })
        let values = told.withLock { $0 }
        #expect(values.count == 40)
        for trial in trials {
            #expect(trial.value == values[trial.id] && trial.value == trial.config["x"]?.number, "trial \(trial.id)")
        }
    }
}
