import HPODashboard

/// A dashboard served by this process on a free port of 127.0.0.1 until ``stop()``.
struct RunningDashboard {
    /// Where it listens.
    let address: DashboardAddress
    private let serving: Task<Void, any Error>

    /// The result of `body` given a dashboard serving `studies`, which is stopped afterwards.
    static func with<T>(
        _ studies: [DashboardStudy], configuration: DashboardServer.Configuration = .init(port: 0),
        _ body: (RunningDashboard) async throws -> T
    ) async throws -> T {
        let dashboard = try await start(studies, configuration: configuration)
        do {
            let result = try await body(dashboard)
            await dashboard.stop()
            return result
        } catch {
            await dashboard.stop()
            throw error
        }
    }

    /// Starts serving `studies` and returns once the server listens.
    static func start(_ studies: [DashboardStudy], configuration: DashboardServer.Configuration = .init(port: 0)) async throws -> RunningDashboard {
        let server = try DashboardServer(studies: studies, configuration: configuration)
        let (addresses, listening) = AsyncStream<DashboardAddress>.makeStream()
        let serving = Task {
            defer { listening.finish() }
            try await server.run { listening.yield($0) }
        }
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next() else {
            try await serving.value
            throw TestHTTPError("the dashboard stopped before it listened")
        }
        return RunningDashboard(address: address, serving: serving)
    }

    /// The response to GET `path`.
    func get(_ path: String) async throws -> TestHTTPClient.Response {
        try await TestHTTPClient.fetch(path, port: address.port)
    }

    /// The events of the stream at `path`.
    func events(_ path: String) async throws -> AsyncThrowingStream<TestHTTPClient.Event, any Error> {
        try await TestHTTPClient.events(path, port: address.port)
    }

    /// Stops the server and waits for it.
    func stop() async {
        serving.cancel()
        _ = try? await serving.value
    }
}
