#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import HPO

/// While installed, SIGINT, SIGTERM and SIGHUP no longer end `hpo` at once: each is handed to a
/// handler, such as a ``CommandInterruption`` that forwards it to the running objective's process
/// group, so that the command can record the trial interrupted and exit with 128 + the signal. A
/// signal `hpo` was started ignoring (SIGHUP under `nohup`) stays ignored.
struct SignalForwarding {
    /// The signals that stop `hpo optimize`.
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers, which call `interruption.interrupt(signal:)`.
    init(to interruption: CommandInterruption) {
        self.init { interruption.interrupt(signal: $0) }
    }

    /// Installs the handlers, which call `handler` with the signal's number on a thread of their own.
    init(handler: @escaping @Sendable (Int32) -> Void) {
        sources = Self.signals.compactMap { number in
            // The default action must not run: the dispatch source sees the signal all the same.
            let previous = signal(number, SIG_IGN)
            guard !Self.isIgnore(previous) else { return nil }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    /// Removes the handlers: the signals end `hpo` again.
    func cancel() {
        for source in sources {
            source.cancel()
            _ = signal(Int32(source.handle), SIG_DFL)
        }
    }

    private static func isIgnore(_ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
        handler.map { unsafeBitCast($0, to: Int.self) } == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
