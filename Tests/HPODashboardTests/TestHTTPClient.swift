import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal HTTP/1.1 client over loopback for the dashboard's tests: whole responses, and
/// server-sent events as they arrive. It follows no redirect.
enum TestHTTPClient {
    /// A complete response.
    struct Response: Sendable {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    /// One server-sent event.
    struct Event: Sendable {
        let event: String
        let data: String
        /// When it arrived.
        let receivedAt: ContinuousClock.Instant
    }

    private typealias Connection = NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>

    private static func connect(host: String, port: Int) async throws -> Connection {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: host, port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                return try Connection(wrappingChannelSynchronously: channel)
            }
        }
    }

    private static func request(_ method: HTTPMethod, _ path: String, host: String, port: Int) -> HTTPRequestHead {
        HTTPRequestHead(version: .http1_1, method: method, uri: path, headers: ["Host": "\(host):\(port)", "Connection": "close"])
    }

    /// The response to `method` on `path`.
    static func fetch(_ path: String, method: HTTPMethod = .GET, host: String = "127.0.0.1", port: Int) async throws -> Response {
        let connection = try await connect(host: host, port: port)
        return try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(.head(request(method, path, host: host, port: port)))
            try await outbound.write(.end(nil))
            var status = 0
            var headers: [String: String] = [:]
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let head):
                    status = Int(head.status.code)
                    for (name, value) in head.headers { headers[name.lowercased()] = value }
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    return Response(status: status, headers: headers, body: String(buffer: body))
                }
            }
            throw TestHTTPError("the connection closed before the response ended")
        }
    }

    /// The events of the stream at `path`, as they arrive; the connection closes when the
    /// stream is dropped or its consumer is cancelled.
    static func events(_ path: String, host: String = "127.0.0.1", port: Int) async throws -> AsyncThrowingStream<Event, any Error> {
        let connection = try await connect(host: host, port: port)
        let (stream, continuation) = AsyncThrowingStream<Event, any Error>.makeStream()
        let reader = Task {
            do {
                try await connection.executeThenClose { inbound, outbound in
                    try await outbound.write(.head(request(.GET, path, host: host, port: port)))
                    try await outbound.write(.end(nil))
                    var parser = EventParser()
                    for try await part in inbound {
                        guard case .body(let chunk) = part else { continue }
                        for event in parser.feed(String(buffer: chunk)) { continuation.yield(event) }
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in
            reader.cancel()
            connection.channel.close(promise: nil)
        }
        return stream
    }

    /// Splits a `text/event-stream` body into events: fields up to a blank line; comments and
    /// `retry:` lines are skipped.
    private struct EventParser {
        var pending = ""

        mutating func feed(_ text: String) -> [Event] {
            pending += text
            var events: [Event] = []
            while let end = pending.range(of: "\n\n") {
                let block = pending[..<end.lowerBound]
                pending = String(pending[end.upperBound...])
                var event: String?
                var data: [Substring] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(line.dropFirst(6)) }
                }
                if let event { events.append(Event(event: event, data: data.joined(separator: "\n"), receivedAt: .now)) }
            }
            return events
        }
    }
}

/// A failure of the test client.
struct TestHTTPError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
