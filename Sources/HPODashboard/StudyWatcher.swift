import Foundation
import HPOReport
import HPORun

/// Watches one study for the dashboard: reads its storage every `interval` while anyone listens
/// for changes (or less often when a reading takes long), tells the listeners when its
/// fingerprint changes, and keeps the page and the JSON of the latest fingerprint, so that many
/// clients share one rendering.
actor StudyWatcher {
    /// What a listener hears.
    enum Event: Sendable {
        /// The study as it is now; sent first, then whenever its fingerprint changes.
        case changed(StudySnapshot)
        /// The study could not be read, and why; a `changed` event follows once it can be again.
        case unreadable(String)
    }

    /// The study watched.
    nonisolated let entry: DashboardStudy
    /// The shortest time between two readings.
    let interval: Duration
    /// How a report becomes the page and files served.
    private let render: @Sendable (StudyReport) -> RenderedStudy

    private var snapshot: StudySnapshot?
    private var readAt: ContinuousClock.Instant?
    private var reading: Task<StudySnapshot, any Error>?
    private var failure: String?
    private var listeners: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextListener = 0
    private var polling: Task<Void, Never>?
    private var page: (version: String, rendering: Task<RenderedStudy, any Error>)?
    private var json: (version: String, data: Data)?

    /// A watcher of `entry` that reads it at most every `interval` and renders its page with `render`.
    init(entry: DashboardStudy, interval: Duration, render: @escaping @Sendable (StudyReport) -> RenderedStudy) {
        self.entry = entry
        self.interval = interval
        self.render = render
    }

    // MARK: - Readings

    /// The study as read within the last `interval`, reading it again if that is older.
    func latest() async throws -> StudySnapshot {
        if let snapshot, let readAt, readAt.duration(to: .now) < interval { return snapshot }
        return try await read()
    }

    /// Reads the study (or waits for the reading under way) and tells the listeners if it changed.
    private func read() async throws -> StudySnapshot {
        let task: Task<StudySnapshot, any Error>
        if let reading {
            task = reading
        } else {
            let study = entry.study
            task = Task { try await BlockingWork.run { StudySnapshot(trials: try study.trials(), budget: try study.budget()) } }
            reading = task
        }
        let result = await task.result
        if reading == task { reading = nil }
        switch result {
        case .success(let new):
            let changed = snapshot?.fingerprint != new.fingerprint || failure != nil
            snapshot = new
            readAt = .now
            failure = nil
            if changed { publish(.changed(new)) }
            return new
        case .failure(let error):
            let message = String(describing: error)
            if failure != message { publish(.unreadable(message)) }
            failure = message
            throw error
        }
    }

    private func publish(_ event: Event) {
        for listener in listeners.values { listener.yield(event) }
    }

    // MARK: - Listeners

    /// The study's changes: the study as it is first, then each change. The study is read while
    /// any such stream is open; a slow listener gets the latest event only.
    func changes() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.removeListener(id) } }
        if let failure {
            continuation.yield(.unreadable(failure))
        } else if let snapshot {
            continuation.yield(.changed(snapshot))
        }
        if polling == nil { polling = Task { await poll() } }
        return stream
    }

    private func removeListener(_ id: Int) {
        listeners[id] = nil
        if listeners.isEmpty {
            polling?.cancel()
            polling = nil
        }
    }

    /// Reads the study every `interval`, or every eight readings' time when a reading takes
    /// longer than an eighth of it (a study of many thousand trials), so that following a study
    /// takes at most about a ninth of a core, until cancelled.
    private func poll() async {
        while !Task.isCancelled {
            let start = ContinuousClock.now
            _ = try? await latest()
            let pause = max(interval, start.duration(to: .now) * 8)
            try? await Task.sleep(for: pause)
        }
    }

    // MARK: - What is served

    /// The page and data files for the study as it is now, rendered once per fingerprint.
    func rendered() async throws -> RenderedStudy {
        let version = try await latest().fingerprint.version
        if let page, page.version == version, let rendered = try? await page.rendering.value { return rendered }
        let (study, name, render) = (entry.study, entry.name, self.render)
        let task = Task { try await BlockingWork.run { render(try study.report(name: name)) } }
        page = (version, task)
        return try await task.value
    }

    /// The study's trials and summary as JSON (``StudyData``), encoded once per fingerprint.
    func data() async throws -> (fingerprint: StudyFingerprint, json: Data) {
        let snapshot = try await latest()
        let version = snapshot.fingerprint.version
        if let json, json.version == version { return (snapshot.fingerprint, json.data) }
        let (name, settings) = (entry.name, entry.study.settings)
        let data = try await BlockingWork.run { try StudyData(name: name, settings: settings, snapshot: snapshot).json() }
        json = (version, data)
        return (snapshot.fingerprint, data)
    }
}
