/// One message of a `text/event-stream` response (the HTML standard's server-sent events).
struct ServerSentEvent: Sendable {
    /// The event's type, which the page listens for.
    var event: String
    /// The payload; each of its lines is sent as a `data:` line.
    var data: String

    /// The event as sent: its fields, one per line, and a blank line.
    var text: String {
        var out = "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { out += "data: \(line)\n" }
        return out + "\n"
    }

    /// A comment line, which clients ignore: sent now and then so that a closed connection is
    /// noticed and no proxy times the stream out.
    static func comment(_ text: String) -> String {
        ": \(text)\n\n"
    }

    /// The field that sets how long a client waits before reconnecting after the stream breaks.
    static func retry(milliseconds: Int) -> String {
        "retry: \(milliseconds)\n\n"
    }
}
