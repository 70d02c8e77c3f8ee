/// Why the dashboard cannot start.
public enum DashboardError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No study was given.
    case noStudies
    /// Another program listens on the port already.
    case portInUse(host: String, port: Int)
    /// The host name does not resolve to an address.
    case unknownHost(String)
    /// The server cannot listen on the address, and the system's reason.
    case cannotListen(host: String, port: Int, reason: String)

    /// The reason in a sentence, naming what to change.
    public var description: String {
        switch self {
        case .noStudies:
            "no study to show"
        case .portInUse(let host, let port):
            "port \(port) is in use on \(host); choose another port (0 picks a free one)"
        case .unknownHost(let host):
            "unknown host '\(host)': give a name or address of this machine, such as 127.0.0.1"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host) port \(port): \(reason)"
        }
    }
}
