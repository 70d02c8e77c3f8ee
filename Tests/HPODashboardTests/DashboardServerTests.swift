import Foundation
import HPOOptimizers
import HPORun
import HPOSpace
import Testing

@testable import HPODashboard

@Suite("Dashboard server")
struct DashboardServerTests {
    @Test("the index and each study's page are served whole: well-formed SVG, nothing from another host, data as JSON and CSV")
    func pages() async throws {
        let failing = try TestStudyFile("tuning.sqlite", space: try TestSpaces.mixed())
        let continuous = try TestStudyFile("branin study.sqlite", space: try TestSpaces.continuous())
        defer { failing.remove(); continuous.remove() }
        try failing.study.addTrials(14, failEvery: 4)
        try continuous.study.addTrials(30)
        try await RunningDashboard.with([failing.entry, continuous.entry]) { dashboard in

            let index = try await dashboard.get("/")
            #expect(index.status == 200)
            #expect(index.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(index.body.contains("<a href=\"/study/tuning.sqlite\">tuning.sqlite</a>"))
            #expect(index.body.contains("<a href=\"/study/branin-study.sqlite\">branin study.sqlite</a>"))
            #expect(PageChecks.externalReferences(in: index.body).isEmpty)

            for (path, title, count) in [("/study/tuning.sqlite", "Study tuning.sqlite", 14), ("/study/branin-study.sqlite", "Study branin study.sqlite", 30)] {
                let page = try await dashboard.get(path)
                #expect(page.status == 200)
                #expect(page.body.contains("<h1>\(title)</h1>"))
                #expect(page.body.contains("\(count) trials:"))
                #expect(page.body.contains("<script>") && page.body.contains("data-events=\"events\""))
                let svgs = PageChecks.wellFormedSVGs(in: page.body)
                #expect(svgs.count >= 5 && svgs.malformed == 0)
                #expect(PageChecks.externalReferences(in: page.body) == [])
                #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
            }
            let failures = try await dashboard.get("/study/tuning.sqlite")
            #expect(failures.body.contains("exit status 1 &lt;oom&gt;"))

            let data = try await dashboard.get("/study/tuning.sqlite/data.json")
            #expect(data.status == 200 && data.headers["content-type"] == "application/json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(data.body.utf8)) as? [String: Any])
            let summary = try #require(json["summary"] as? [String: Any])
            #expect(json["name"] as? String == "tuning.sqlite")
            #expect((json["trials"] as? [Any])?.count == 14)
            #expect(summary["complete"] as? Int == 11 && summary["failed"] as? Int == 3 && summary["budget"] as? Int == 100)

            let csv = try await dashboard.get("/study/tuning.sqlite/trials.csv")
            #expect(csv.status == 200 && csv.headers["content-type"]?.hasPrefix("text/csv") == true)
            #expect(csv.body.hasPrefix("id,state,value,"))
            let rows = try NSRegularExpression(pattern: "^[0-9]+,(complete|failed),", options: .anchorsMatchLines)
            #expect(rows.numberOfMatches(in: csv.body, range: NSRange(csv.body.startIndex..., in: csv.body)) == 14)
        }
    }

    @Test("one study: the index leads to it, and a trailing slash finds it too")
    func oneStudy() async throws {
        let file = try TestStudyFile("only.sqlite", space: try TestSpaces.continuous())
        defer { file.remove() }
        try file.study.addTrials(3)
        try await RunningDashboard.with([file.entry]) { dashboard in
            let index = try await dashboard.get("/")
            #expect((300..<400).contains(index.status))
            #expect(index.headers["location"] == "/study/only.sqlite")
            #expect(try await dashboard.get("/study/only.sqlite/").body.contains("3 trials:"))
        }
    }

    @Test("a study without trials has its page, which says so")
    func emptyStudy() async throws {
        let file = try TestStudyFile("new.sqlite", space: try TestSpaces.mixed())
        defer { file.remove() }
        try await RunningDashboard.with([file.entry]) { dashboard in
            let page = try await dashboard.get("/study/new.sqlite")
            #expect(page.status == 200)
            #expect(page.body.contains("0 trials: 0 complete, 0 failed"))
            #expect(page.body.contains("<span id=\"hpo-changed\">no trials yet</span>"))
            #expect(PageChecks.wellFormedSVGs(in: page.body).malformed == 0)
            let data = try await dashboard.get("/study/new.sqlite/data.json")
            #expect(data.status == 200 && data.body.contains("\"trials\":[]"))
        }
    }

    @Test("an event follows a trial asked and told through the study, and the page fetched then shows it", .timeLimit(.minutes(2)))
    func liveUpdate() async throws {
        let file = try TestStudyFile("live.sqlite", space: try TestSpaces.continuous())
        defer { file.remove() }
        try file.study.addTrials(5)
        try await RunningDashboard.with([file.entry]) { dashboard in
            #expect(try await dashboard.get("/study/live.sqlite").body.contains("5 trials:"))

            let events = try await dashboard.events("/study/live.sqlite/events")
            var iterator = events.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            #expect(first.event == "change")
            #expect(try Self.payload(first)["trials"] as? Int == 5)

            let trial = try file.study.ask()
            let running = try #require(try await iterator.next())
            #expect(try Self.payload(running)["running"] as? Int == 1)

            try file.study.tell(trial, value: 0.25)
            let complete = try #require(try await iterator.next())
            let payload = try Self.payload(complete)
            #expect(payload["trials"] as? Int == 6 && payload["complete"] as? Int == 6 && payload["running"] as? Int == 0)

            let page = try await dashboard.get("/study/live.sqlite").body
            #expect(page.contains("6 trials: 6 complete"))
            #expect(page.contains("data-version=\"\(try #require(payload["version"] as? String))\""))
        }
    }

    @Test("the index's stream sends an event when any study changes", .timeLimit(.minutes(1)))
    func indexEvents() async throws {
        let one = try TestStudyFile("one.sqlite", space: try TestSpaces.continuous())
        let two = try TestStudyFile("two.sqlite", space: try TestSpaces.continuous())
        defer { one.remove(); two.remove() }
        try await RunningDashboard.with([one.entry, two.entry]) { dashboard in
            var iterator = try await dashboard.events("/events").makeAsyncIterator()
            let first = try Self.payload(try await iterator.next())["version"] as? String
            try two.study.addTrials(1)
            var version = try #require(first)
            while !(version.split(separator: " ").last?.hasPrefix("1.1.0.0.0.") ?? false) {  // past the running trial
                version = try #require(try Self.payload(try await iterator.next())["version"] as? String)
            }
            let index = try await dashboard.get("/").body
            #expect(index.contains("data-version=\"\(version)\""))
            #expect(version.split(separator: " ").count == 2)
        }
    }

    @Test("an unknown study or address is a 404 page naming the studies; writing is refused")
    func notFound() async throws {
        let file = try TestStudyFile("known.sqlite", space: try TestSpaces.continuous())
        defer { file.remove() }
        try await RunningDashboard.with([file.entry]) { dashboard in
            for path in ["/study/unknown.sqlite", "/study/unknown.sqlite/events", "/study/known.sqlite/nothing.csv", "/elsewhere"] {
                let response = try await dashboard.get(path)
                #expect(response.status == 404, "\(path)")
                #expect(response.body.contains("<a href=\"/study/known.sqlite\">known.sqlite</a>"), "\(path)")
            }
            #expect(try await dashboard.get("/study/unknown.sqlite").body.contains("no study named unknown.sqlite"))
            let post = try await TestHTTPClient.fetch("/study/known.sqlite", method: .POST, port: dashboard.address.port)
            #expect(post.status == 405)
        }
    }

    @Test("the server binds 127.0.0.1 unless told otherwise, and a port in use is a clear error")
    func binding() async throws {
        let file = try TestStudyFile("bound.sqlite", space: try TestSpaces.continuous())
        defer { file.remove() }
        try await RunningDashboard.with([file.entry]) { dashboard in
            #expect(dashboard.address.host == "127.0.0.1")
            #expect(dashboard.address.port > 0)
            #expect(dashboard.address.url == "http://127.0.0.1:\(dashboard.address.port)/")
            #expect(DashboardServer.Configuration().host == "127.0.0.1")

            let taken = try DashboardServer(studies: [file.entry], configuration: .init(port: dashboard.address.port))
            await #expect(throws: DashboardError.portInUse(host: "127.0.0.1", port: dashboard.address.port)) {
                try await taken.run()
            }
            #expect(throws: DashboardError.noStudies) { try DashboardServer(studies: []) }
        }
    }

    @Test("a study of 10,000 trials renders (its speed is in BENCHMARKS.md), once for many clients")
    func largeStudy() async throws {
        let space = try TestSpaces.continuous()
        let study = Study(space: space, optimizer: try OptimizerRegistry.standard.preset(named: "random").spec, seed: 3)
        try study.addTrials(10_000, failEvery: 50)
        try await RunningDashboard.with([DashboardStudy(name: "large", study: study)]) { dashboard in
            let page = try await dashboard.get("/study/large")
            #expect(page.status == 200 && page.body.contains("10000 trials"))
            let svgs = PageChecks.wellFormedSVGs(in: page.body)
            #expect(svgs.count >= 3 && svgs.malformed == 0)

            let pages = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 { group.addTask { try await dashboard.get("/study/large").body } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(pages.allSatisfy { $0 == page.body })
        }
    }

    @Test("study names become distinct address segments that need no escaping")
    func pathSegments() {
        #expect(DashboardStudy.pathSegments(of: ["a b.sqlite", "a b.sqlite", "a-b.sqlite", "x/y", "", "é"]) == [
            "a-b.sqlite", "a-b.sqlite-2", "a-b.sqlite-3", "x-y", "study", "-",
        ])
    }

    @Test("the fingerprint changes with every trial asked, told or interrupted, and with the budget")
    func fingerprint() throws {
        let study = Study(space: try TestSpaces.continuous(), budget: 10)
        var seen: Set<String> = []
        func note() throws { seen.insert(StudyFingerprint(trials: try study.trials(), budget: try study.budget()).version) }
        try note()
        let trial = try study.ask()
        try note()
        try study.tell(trial, value: 1)
        try note()
        let other = try study.ask()
        try note()
        try study.tell(trialID: other.id, outcome: .interrupted(reason: "stopped"))
        try note()
        try study.setBudget(20)
        try note()
        #expect(seen.count == 6)
    }

    /// An event's JSON payload.
    private static func payload(_ event: TestHTTPClient.Event?) throws -> [String: Any] {
        let data = try #require(event, "the event stream ended").data
        return try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
    }
}
