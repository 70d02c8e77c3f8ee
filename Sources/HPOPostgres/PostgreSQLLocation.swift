import Foundation

/// Where a study lives in a PostgreSQL server, read from a URL of the form
/// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?study=NAME` (or `postgres://`).
///
/// The query may also give `sslmode` (`disable`, `prefer`, the default, `require`, which
/// encrypts without checking the server's certificate, as libpq does, or `verify-full`), `schema`
/// (the PostgreSQL schema that holds the tables, created if needed; by default the server's
/// search path, usually `public`) and `application_name` (what `pg_stat_activity` shows). The
/// password may come from `PGPASSWORD` instead of the URL, the user from `PGUSER` (else the
/// login name).
public struct PostgreSQLLocation: Hashable, Sendable, CustomStringConvertible {
    /// How the connection is encrypted.
    public enum SSLMode: String, Hashable, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    /// The URL's scheme as given: `postgresql` or `postgres`.
    public var scheme: String
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// The study's name: many studies share one database.
    public var study: String
    public var sslMode: SSLMode
    /// The PostgreSQL schema that holds the tables, or `nil` for the server's search path.
    public var schema: String?
    /// The name the server shows for the connection.
    public var applicationName: String

    /// The schemes accepted.
    public static let schemes = ["postgresql", "postgres"]

    /// The study named when the URL names none.
    public static let defaultStudy = "default"

    /// Whether `text` has the form of a PostgreSQL URL (a scheme of ``schemes``).
    public static func isURL(_ text: String) -> Bool {
        schemes.contains { text.lowercased().hasPrefix($0 + "://") }
    }

    /// Reads `url`; `environment` supplies `PGPASSWORD` and `PGUSER`. Throws
    /// ``PostgreSQLLocationError`` for a URL that does not have the form.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isURL(url), let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw PostgreSQLLocationError(url: url, problem: "it is not a URL of the form " + Self.form)
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgreSQLLocationError(url: url, problem: "it names no host; the form is " + Self.form)
        }
        self.scheme = scheme
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? 5432
        guard let user = components.user.map(Self.decoded) ?? environment["PGUSER"] ?? Optional(NSUserName()), !user.isEmpty else {
            throw PostgreSQLLocationError(url: url, problem: "it names no user; the form is " + Self.form)
        }
        self.user = user
        password = components.password.map(Self.decoded) ?? environment["PGPASSWORD"]
        database = Self.decoded(String(components.percentEncodedPath.drop { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgreSQLLocationError(url: url, problem: "it names no database; the form is " + Self.form)
        }
        var study = Self.defaultStudy, sslMode = SSLMode.prefer, schema: String?, applicationName = "hpo"
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "study":
                guard !value.isEmpty else { throw PostgreSQLLocationError(url: url, problem: "study= needs a name") }
                study = value
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw PostgreSQLLocationError(
                        url: url, problem: "sslmode=\(value) is not known; use one of " + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                sslMode = mode
            case "schema":
                guard value.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
                    throw PostgreSQLLocationError(
                        url: url, problem: "schema=\(value) is not a plain schema name (lower-case letters, digits and _, not first a digit)")
                }
                schema = value
            case "application_name":
                applicationName = value
            default:
                throw PostgreSQLLocationError(
                    url: url, problem: "its parameter '\(item.name)' is not known; known are study, sslmode, schema and application_name")
            }
        }
        self.study = study
        self.sslMode = sslMode
        self.schema = schema
        self.applicationName = applicationName
    }

    /// The URL's form, for messages.
    public static let form = "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?study=NAME"

    /// The URL without its password, for messages and listings.
    public var description: String {
        var text = "\(scheme)://\(Self.encoded(user))@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(Self.encoded(database))"
        text += "?study=\(Self.encoded(study))"
        if sslMode != .prefer { text += "&sslmode=\(sslMode.rawValue)" }
        if let schema { text += "&schema=\(schema)" }
        return text
    }

    /// The server's address, as people write it.
    public var address: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func decoded(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?&=#"))) ?? text
    }
}

/// A study location that is not a PostgreSQL URL of the expected form.
public struct PostgreSQLLocationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL as given (its password is left out of the message).
    public let url: String
    /// What is wrong and the expected form.
    public let problem: String

    public var description: String {
        "'\(Self.withoutPassword(url))' is not a PostgreSQL study location: \(problem)"
    }

    /// `url` with any password replaced by `***`.
    static func withoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
