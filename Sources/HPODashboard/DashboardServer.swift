#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// A read-only web server that shows studies live: an index of the studies, each study's report
/// page, which updates itself as trials start and finish, and its trials as JSON and CSV (see
/// ``DashboardRoutes`` for the addresses).
///
/// Each study is read through its ``HPORun/Study`` only, every `pollInterval` while a page
/// follows it; its page is rendered once per change, however many pages follow it. Nothing the
/// pages show comes from another host, and no address writes.
///
/// ```swift
/// let server = try DashboardServer(studies: [DashboardStudy(name: "tuning", study: study)])
/// try await server.run(gracefulShutdownSignals: [.sigint, .sigterm]) { address in print(address.url) }
/// ```
public struct DashboardServer: Sendable {
    /// Where the server listens and how often it reads the studies.
    public struct Configuration: Sendable {
        /// The host name or address to listen on; by default only this machine (127.0.0.1).
        public var host: String
        /// The port; 0 lets the system pick a free one (``DashboardAddress/port`` tells which).
        public var port: Int
        /// The shortest time between two readings of a study that a page follows.
        public var pollInterval: Duration
        /// How often an idle event stream sends a comment, so that a closed connection is noticed.
        public var heartbeat: Duration

        /// A configuration; by default 127.0.0.1 port 8080, reading every half second.
        public init(
            host: String = "127.0.0.1", port: Int = 8080, pollInterval: Duration = .milliseconds(500),
            heartbeat: Duration = .seconds(15)
        ) {
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.heartbeat = heartbeat
        }
    }

    /// The studies shown, in the index's order.
    public let studies: [DashboardStudy]
    /// Where the server listens and how often it reads.
    public let configuration: Configuration

    /// A server of `studies`; throws ``DashboardError/noStudies`` for none.
    public init(studies: [DashboardStudy], configuration: Configuration = Configuration()) throws {
        guard !studies.isEmpty else { throw DashboardError.noStudies }
        self.studies = studies
        self.configuration = configuration
    }

    /// The address of each study's page, relative to the server's, e.g. `/study/tuning.sqlite`,
    /// in the order of ``studies``.
    public var studyPaths: [String] {
        DashboardStudy.pathSegments(of: studies.map(\.name)).map { "/study/\($0)" }
    }

    /// Serves until the task is cancelled or one of `gracefulShutdownSignals` arrives; then open
    /// event streams end and the server stops gracefully. Calls `onListening` once it accepts
    /// connections.
    /// Throws ``DashboardError`` when it cannot listen, e.g. ``DashboardError/portInUse(host:port:)``.
    public func run(
        gracefulShutdownSignals: [UnixSignal] = [],
        onListening: @escaping @Sendable (DashboardAddress) async -> Void = { _ in }
    ) async throws {
        let page = DashboardPage(linksIndex: studies.count > 1)
        let watchers = zip(DashboardStudy.pathSegments(of: studies.map(\.name)), studies).map { path, study in
            (path: path, watcher: StudyWatcher(entry: study, interval: configuration.pollInterval) { report in
                page.study(report, path: path)
            })
        }
        let routes = DashboardRoutes(watchers: watchers, page: page, heartbeat: configuration.heartbeat)
        var logger = Logger(label: "hpo.dashboard")
        logger.logLevel = .warning
        let (host, port) = (configuration.host, configuration.port)
        let application = Application(
            router: routes.router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                let address = channel.localAddress
                await onListening(DashboardAddress(host: address?.ipAddress ?? host, port: address?.port ?? port))
            },
            logger: logger)
        var group = ServiceGroupConfiguration(services: [application], logger: logger)
        group.gracefulShutdownSignals = gracefulShutdownSignals
        group.maximumGracefulShutdownDuration = .seconds(5)
        let services = ServiceGroup(configuration: group)
        // Cancelling the caller's task stops the server as a signal does, gracefully: the group
        // runs in a task of its own, which the caller's cancellation does not reach.
        let serving = Task { try await services.run() }
        do {
            try await withTaskCancellationHandler {
                try await serving.value
            } onCancel: {
                Task { await services.triggerGracefulShutdown() }
            }
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw DashboardError.portInUse(host: host, port: port)
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw DashboardError.cannotListen(host: host, port: port, reason: "\(host) is not an address of this machine")
        } catch let error as IOError {
            throw DashboardError.cannotListen(host: host, port: port, reason: String(cString: strerror(error.errnoCode)))
        } catch is SocketAddressError.UnknownHost {
            throw DashboardError.unknownHost(host)
        }
    }
}

/// Where a dashboard listens.
public struct DashboardAddress: Hashable, Sendable {
    /// The address it is bound to, e.g. `127.0.0.1`.
    public var host: String
    /// The port, the one the system picked for port 0.
    public var port: Int

    /// A dashboard bound to `host` and `port`.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// The index's URL, e.g. `http://127.0.0.1:8080/` (an IPv6 address in brackets).
    public var url: String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
    }
}
