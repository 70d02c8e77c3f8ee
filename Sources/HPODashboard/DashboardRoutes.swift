import Foundation
import Hummingbird
import ServiceLifecycle

/// The dashboard's addresses, all read-only (GET and HEAD):
///
/// - `/`: the index of the studies (with one study, a redirect to it);
/// - `/events`: server-sent events, one whenever any study changes;
/// - `/study/NAME`: the study's report page, live;
/// - `/study/NAME/events`: server-sent events, the study as it is on connecting, then each change;
/// - `/study/NAME/data.json`: the trials and a summary as JSON;
/// - `/study/NAME/FILE.csv`: the report's CSV files (`trials.csv`, `importance.csv`, ...).
///
/// An address that names nothing gets a 404 page listing the studies; a method other than GET or
/// HEAD gets 405.
struct DashboardRoutes: Sendable {
    /// The studies' watchers, in the order given, and the path segment of each.
    let watchers: [(path: String, watcher: StudyWatcher)]
    /// The pages.
    let page: DashboardPage
    /// How often an idle event stream sends a comment, so that a closed connection is noticed.
    let heartbeat: Duration

    /// The router of these addresses.
    func router() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.addMiddleware { ReadOnlyMiddleware(routes: self) }
        router.get("/") { _, _ in try await index() }
        router.get("/events") { request, _ in indexEvents(request) }
        router.get("/study/:study") { _, context in
            try await withStudy(context) { watcher in
                let rendered = try await watcher.rendered()
                return Self.response(rendered.files["index.html"] ?? "", type: "text/html; charset=utf-8")
            }
        }
        router.get("/study/:study/events") { request, context in
            try await withStudy(context) { watcher in studyEvents(request, watcher: watcher) }
        }
        router.get("/study/:study/data.json") { _, context in
            try await withStudy(context) { watcher in
                Self.response(try await watcher.data().json, type: "application/json")
            }
        }
        router.get("/study/:study/:file") { _, context in
            try await withStudy(context) { watcher in
                let name = context.parameters.get("file") ?? ""
                guard name.hasSuffix(".csv"), let file = try await watcher.rendered().files[name] else {
                    return notFound("file \(name) of study \(watcher.entry.name)")
                }
                return Self.response(file, type: "text/csv; charset=utf-8")
            }
        }
        return router
    }

    // MARK: - Pages

    private func index() async throws -> Response {
        if watchers.count == 1 { return .redirect(to: "/study/\(watchers[0].path)") }
        var entries: [DashboardPage.IndexEntry] = []
        for (path, watcher) in watchers {
            let reading: Result<StudySnapshot, any Error>
            do { reading = .success(try await watcher.latest()) } catch { reading = .failure(error) }
            entries.append(DashboardPage.IndexEntry(study: watcher.entry, path: path, reading: reading))
        }
        let version = Self.version(entries.map { try? $0.reading.get().fingerprint.version })
        return Self.response(page.index(entries, version: version), type: "text/html; charset=utf-8")
    }

    /// The response of `handle` for the study named by the path, or the not-found page.
    private func withStudy(
        _ context: BasicRequestContext, _ handle: (StudyWatcher) async throws -> Response
    ) async throws -> Response {
        let path = context.parameters.get("study") ?? ""
        guard let watcher = watchers.first(where: { $0.path == path })?.watcher else {
            return notFound("study named \(path.removingPercentEncoding ?? path)")
        }
        return try await handle(watcher)
    }

    /// The 404 page for `what`.
    func notFound(_ what: String) -> Response {
        var response = Self.response(
            page.notFound(what, studies: watchers.map { ($0.watcher.entry.name, $0.path) }), type: "text/html; charset=utf-8")
        response.status = .notFound
        return response
    }

    /// A complete response of `body`, never cached, that may load nothing from anywhere else.
    private static func response(_ body: some StringProtocol, type: String) -> Response {
        response(Data(body.utf8), type: type)
    }

    private static func response(_ body: Data, type: String) -> Response {
        let headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'self'; form-action 'none'; frame-ancestors 'none'",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    // MARK: - Events

    /// The index's events: one whenever any study changes, carrying the versions of all.
    private func indexEvents(_ request: Request) -> Response {
        let watchers = self.watchers.map(\.watcher)
        return eventStream(request) { send in
            await withTaskGroup(of: Void.self) { group in
                let (events, input) = AsyncStream<(Int, StudyWatcher.Event)>.makeStream()
                for (index, watcher) in watchers.enumerated() {
                    group.addTask {
                        for await event in await watcher.changes() { input.yield((index, event)) }
                    }
                }
                var versions = [String?](repeating: nil, count: watchers.count)
                var heard = Set<Int>()
                for await (index, event) in events {
                    heard.insert(index)
                    if case .changed(let snapshot) = event { versions[index] = snapshot.fingerprint.version } else { versions[index] = nil }
                    if heard.count == watchers.count { send(.init(event: "change", data: Self.json(["version": Self.version(versions)]))) }
                }
                group.cancelAll()
            }
        }
    }

    /// A study's events: `change` with its counts and version, or `unreadable` with the reason.
    private func studyEvents(_ request: Request, watcher: StudyWatcher) -> Response {
        let name = watcher.entry.name
        return eventStream(request) { send in
            for await event in await watcher.changes() {
                switch event {
                case .changed(let snapshot):
                    let f = snapshot.fingerprint
                    send(.init(event: "change", data: Self.json([
                        "study": name, "version": f.version, "trials": f.trials, "complete": f.complete, "failed": f.failed,
                        "running": f.running, "interrupted": f.interrupted, "budget": f.budget ?? NSNull(),
                        "read_at": snapshot.readAt.timeIntervalSince1970,
                    ])))
                case .unreadable(let message):
                    send(.init(event: "unreadable", data: Self.json(["study": name, "message": message])))
                }
            }
        }
    }

    /// A `text/event-stream` response of the events `produce` sends, with a comment every
    /// `heartbeat`. It ends when the client goes away or the server shuts down gracefully.
    private func eventStream(
        _ request: Request, _ produce: @escaping @Sendable (_ send: @escaping @Sendable (ServerSentEvent) -> Void) async -> Void
    ) -> Response {
        let (lines, output) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        output.yield(ServerSentEvent.retry(milliseconds: 2000))
        let heartbeat = self.heartbeat
        let producer = Task {
            await produce { output.yield($0.text) }
            output.finish()
        }
        let beat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                output.yield(ServerSentEvent.comment("still here"))
            }
        }
        output.onTermination = { _ in
            producer.cancel()
            beat.cancel()
        }
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await withGracefulShutdownHandler {
                try await request.body.consumeWithInboundCloseHandler { _ in
                    for await line in lines { try await writer.write(ByteBuffer(string: line)) }
                } onInboundClosed: {
                    output.finish()
                }
            } onGracefulShutdown: {
                output.finish()
            }
            try await writer.finish(nil)
        })
    }

    // MARK: - Helpers

    /// The version of several studies' readings, one token each (`?` for one that cannot be read).
    private static func version(_ versions: [String?]) -> String {
        versions.map { $0 ?? "?" }.joined(separator: " ")
    }

    /// `object` as compact JSON with sorted keys.
    private static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Answers the not-found page for addresses the router does not know and 405 for any method
/// that could change something: the dashboard only reads.
struct ReadOnlyMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let routes: DashboardRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(
                status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "The dashboard only reads: use GET.\n")))
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return routes.notFound("page at \(request.uri.path)")
        }
    }
}
