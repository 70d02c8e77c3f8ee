import Foundation
import HPORun
import PostgresNIO
import Synchronization

/// One connection to a PostgreSQL server, used from synchronous code, that is made again when
/// it is lost.
///
/// PostgresNIO runs the connection on NIO's shared event loops; a query's future is waited for
/// on the caller's thread, which is never one of those loops (study storages are called from
/// user threads and from Swift concurrency's pool). Each operation is one or a few statements;
/// one that fails because the connection failed or was lost (the server restarted, the backend
/// was terminated, the network dropped) is run again on a new connection after 0.1 s, then 0.2,
/// doubling up to 5 s between attempts, for ``patience`` seconds in all. The operation learns
/// that it is run again, so that a compare-and-set whose first attempt may have committed can
/// recognise its own write. Statements that the server refuses are not retried.
final class PostgreSQLSession: Sendable {
    let location: PostgreSQLLocation
    /// How long an operation keeps trying to reach the server.
    let patience: TimeInterval
    /// How long one statement may take before its connection is given up as lost.
    let statementTimeout: TimeAmount
    private let configuration: PostgresConnection.Configuration
    private let connection = Mutex<PostgresConnection?>(nil)
    private let logger: Logger

    /// A session to the server of `location`, read-only when `readOnly` (the server refuses
    /// writes); nothing is connected until the first operation.
    init(location: PostgreSQLLocation, readOnly: Bool, patience: TimeInterval, statementTimeout: TimeInterval = 30) throws {
        self.location = location
        self.patience = patience
        self.statementTimeout = .milliseconds(Int64(statementTimeout * 1000))
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try Self.tls(location.sslMode))
        var parameters = [("application_name", location.applicationName)]
        if let schema = location.schema { parameters.append(("search_path", schema)) }
        if readOnly { parameters.append(("default_transaction_read_only", "on")) }
        configuration.options.additionalStartupParameters = parameters
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        var logger = Logger(label: "hpo.postgresql")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        connection.withLock { if let open = $0 { Self.close(open) } }
    }

    private static func tls(_ mode: PostgreSQLLocation.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer:
            tls.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: tls))
        case .require:
            tls.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: tls))
        }
    }

    // MARK: - Operations

    /// Runs `operation` with a connection, making one first if there is none, and runs it again
    /// on a new connection while the connection fails, for `patience` seconds (by default the
    /// session's); its second argument is `true` when an earlier attempt may have reached the
    /// server. Errors come out as ``StudyError/storage(file:message:)`` naming the location (a
    /// ``StudyError`` thrown by `operation` comes out as it is).
    func run<T>(patience: TimeInterval? = nil, _ operation: (Connection, _ retried: Bool) throws -> T) throws -> T {
        let patience = patience ?? self.patience
        var backoff = RetryBackoff(first: 0.1, ceiling: 5, patience: patience)
        var retried = false
        while true {
            var used: PostgresConnection?
            do {
                let connection = try connected()
                used = connection
                return try operation(Connection(session: self, connection: connection), retried)
            } catch let error as StudyError {
                throw error
            } catch let error where Self.isConnectionFailure(error) {
                if let used { drop(used) }
                guard backoff.wait() else { throw failure(error, retriedFor: retried ? patience : nil) }
                retried = retried || used != nil
            } catch {
                throw failure(error, retriedFor: nil)
            }
        }
    }

    /// The statements of one operation on one connection.
    struct Connection {
        let session: PostgreSQLSession
        let connection: PostgresConnection

        /// Runs `query` and returns its rows; gives the connection up if it takes longer than
        /// the session's statement timeout.
        ///
        /// The wait ends at the timeout even if PostgresNIO never completes the query: a query
        /// sent just as the server ended the connection was seen to wait forever, its
        /// connection closed and the close not passed on to it.
        @discardableResult
        func query(_ query: PostgresQuery) throws -> [PostgresRow] {
            let connection = connection
            let answer = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
            let seconds = Double(session.statementTimeout.nanoseconds) / 1e9
            let timeout = connection.eventLoop.scheduleTask(in: session.statementTimeout) {
                answer.fail(NoAnswer(seconds: seconds))
                PostgreSQLSession.close(connection)
            }
            defer { timeout.cancel() }
            connection.query(query, logger: session.logger).cascade(to: answer)
            return try answer.futureResult.wait().rows
        }

        /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
        func transaction<T>(_ body: () throws -> T) throws -> T {
            try query("BEGIN")
            do {
                let result = try body()
                try query("COMMIT")
                return result
            } catch {
                _ = try? query("ROLLBACK")
                throw error
            }
        }
    }

    /// The open connection, made if there is none.
    private func connected() throws -> PostgresConnection {
        try connection.withLock { current in
            if let open = current, !open.isClosed { return open }
            if let closed = current { Self.close(closed) }
            current = nil
            let made = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                id: Self.nextID.add(1, ordering: .relaxed).newValue, logger: logger
            ).wait()
            current = made
            return made
        }
    }

    private static let nextID = Atomic<Int>(0)

    /// A statement the server did not answer within the statement timeout; its connection is
    /// given up.
    struct NoAnswer: Error {
        let seconds: Double
    }

    /// Forgets `failed` if it is still the session's connection, so the next operation connects anew.
    private func drop(_ failed: PostgresConnection) {
        connection.withLock { current in
            if current === failed { current = nil }
        }
        Self.close(failed)
    }

    /// Closes `connection`, keeping it until the channel has closed (PostgresNIO wants it
    /// closed before it goes).
    fileprivate static func close(_ connection: PostgresConnection) {
        let closed: EventLoopFuture<Void> = connection.close()
        closed.whenComplete { _ in _ = connection }
    }

    // MARK: - Errors

    /// Whether `error` says that the connection failed or was lost, or that the server cannot
    /// take it now (starting, shutting down, too many connections), so that the operation may
    /// pass on a new connection.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else {
            return error is IOError || error is NIOConnectionError || error is ChannelError || error is NoAnswer
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300"].contains(state)
        default:
            return false
        }
    }

    /// `error` as a study error that names the location, says what went wrong and what would help.
    func failure(_ error: any Error, retriedFor seconds: TimeInterval?) -> StudyError {
        var message = Self.describe(error, address: location.address)
        if let seconds { message += " (tried again for \(Int(seconds)) s)" }
        return StudyError.storage(file: location.description, message: message)
    }

    /// What `error` means for a user, with what would help.
    static func describe(_ error: any Error, address: String) -> String {
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                let info = error.serverInfo
                let state = info?[.sqlState] ?? ""
                var text = "the server says: " + (info?[.message] ?? "an error") + (state.isEmpty ? "" : " (\(state))")
                if let hint = info?[.hint] { text += "; " + hint }
                switch state {
                case "28P01", "28000": text += "; check the user and password (in the URL or PGPASSWORD) and the server's pg_hba.conf"
                case "3D000": text += "; create the database (createdb) or name one that exists"
                case "42501": text += "; the user needs the right to create tables in the database, or they must exist"
                default: break
                }
                return text
            case .connectionError:
                return "could not connect to \(address): " + (error.underlying.map(describeConnection) ?? "the connection failed")
                    + "; is the server running and accepting TCP connections there?"
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return "the connection to \(address) was lost; is the server running?"
            case .authMechanismRequiresPassword:
                return "the server asks for a password: give it in the URL (postgresql://USER:PASSWORD@HOST/...) or in PGPASSWORD"
            case .sslUnsupported:
                return "the server at \(address) does not offer TLS: use sslmode=prefer or sslmode=disable"
            case .failedToAddSSLHandler:
                return "TLS to \(address) failed: \(error.underlying.map { "\($0)" } ?? "no reason given")"
            default:
                return "PostgreSQL error \(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
            }
        }
        if let error = error as? DecodingError { return "its stored settings cannot be read: " + error.readableDescription }
        if let error = error as? NoAnswer {
            let seconds = error.seconds.rounded() == error.seconds ? "\(Int(error.seconds))" : "\(error.seconds)"
            return "\(address) did not answer a statement within \(seconds) s; is the server or the network overloaded?"
        }
        if error is IOError || error is NIOConnectionError || error is ChannelError {
            return "could not connect to \(address): " + describeConnection(error) + "; is the server running?"
        }
        return "\(error)"
    }

    /// Why a connection could not be made, e.g. `connection refused`.
    private static func describeConnection(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let dns = error.dnsAError ?? error.dnsAAAAError { return "the host name cannot be resolved (\(dns))" }
            return error.connectionErrors.first.map { describeConnection($0.error) } ?? "no address to connect to"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case ChannelError.connectTimeout:
            return "no answer within 10 s"
        default:
            return "\(error)"
        }
    }
}
