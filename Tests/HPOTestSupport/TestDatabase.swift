import Foundation

/// The PostgreSQL server that tests of studies in a database use: `HPO_TEST_POSTGRESQL`, a URL
/// such as `postgresql://postgres@127.0.0.1:5432/hpo_test` (the CI starts a server and sets it).
///
/// Without it those tests are skipped, and say why, unless `CI` or `HPO_REQUIRE_POSTGRESQL` is
/// set: then they run, and fail when there is no server to reach.
public enum TestDatabase {
    /// The server's URL, without a study.
    public static let url = ProcessInfo.processInfo.environment["HPO_TEST_POSTGRESQL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the tests must run: in CI, or when `HPO_REQUIRE_POSTGRESQL` is set.
    public static let isRequired = ["CI", "HPO_REQUIRE_POSTGRESQL"].contains { ProcessInfo.processInfo.environment[$0] != nil }

    /// Whether the tests run: a server is given, or they are required.
    public static let isEnabled = url != nil || isRequired

    /// Why they are skipped when they are.
    public static let skipReason = "no PostgreSQL server: set HPO_TEST_POSTGRESQL (the CI sets it)"

    /// The location of a new study of its own for a test (so that tests run in parallel):
    /// `name` with a random suffix, and `parameters` added to the URL's query.
    public static func study(_ name: String, parameters: [String: String] = [:]) throws -> String {
        guard let url else { throw Missing() }
        let unique = "\(name)-\(UUID().uuidString.prefix(8).lowercased())"
        let query = (["study": unique].merging(parameters) { $1 }).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return url + (url.contains("?") ? "&" : "?") + query.joined(separator: "&")
    }

    /// A required test without a server.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "HPO_TEST_POSTGRESQL is not set, but CI or HPO_REQUIRE_POSTGRESQL asks for the PostgreSQL tests: start a server and set it"
        }
    }
}
