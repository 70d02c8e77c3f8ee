import Foundation
import HPORandom
import HPOSpace
import Testing

@testable import HPOReport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A space with every kind of parameter: log and linear reals, log and linear integers,
/// categorical and ordinal.
private func mixedSpace() throws -> SearchSpace {
    try SearchSpace([
        .real("lr", 1e-5, 1, log: true), .real("momentum", 0, 1), .integer("layers", 1, 8),
        .integer("width", 16, 1024, log: true), .categorical("optimizer", ["sgd", "adam", "rmsprop"]),
        .ordinal("batch", [16, 32, 64, 128]),
    ])
}

/// `count` random trials over `space`, two workers, one second each; every `failEvery`th fails.
private func syntheticReport(count: Int, failEvery: Int?, space: SearchSpace) -> StudyReport {
    var generator = SeededGenerator(seed: 42)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let trials = (1...max(count, 1)).prefix(count).map { id -> StudyReport.Trial in
        let configuration = space.sample(using: &generator)
        let begin = start.addingTimeInterval(Double(id / 2))
        if let failEvery, id % failEvery == 0 {
            return StudyReport.Trial(
                id: id, state: "failed", configuration: configuration, value: nil, startedAt: begin,
                finishedAt: begin.addingTimeInterval(0.9), failureReason: "exit status 1 <&> \"quoted\"",
                stderrTail: "Traceback\nRuntimeError: out of memory", worker: "\(100 + id % 2)@host")
        }
        let loss = configuration.values.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * space.parameters[$1.offset].unit(ofInternal: $1.element) }
        return StudyReport.Trial(
            id: id, state: "complete", configuration: configuration, value: loss, startedAt: begin,
            finishedAt: begin.addingTimeInterval(0.9), worker: "\(100 + id % 2)@host")
    }
    return StudyReport(name: "test.db", space: space, optimizer: "random", seed: 3, budget: count, trials: trials)
}

/// The inline SVG documents of a page.
private func svgs(in html: String) -> [String] {
    var out: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
        out.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return out
}

/// Whether `xml` parses as a well-formed XML document.
private func isWellFormed(_ xml: String) -> Bool {
    XMLParser(data: Data(xml.utf8)).parse()
}

/// The references to anything outside the page: links, sources, imports, scripts. The SVG
/// namespace name is an identifier, not a reference, and is left out.
private func externalReferences(in html: String) -> [String] {
    let text = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    return ["http", "=\"//", "='//", "src=", "<script", "<link", "@import", "url("].filter { text.contains($0) }
}

@Suite("Study report")
struct StudyReportTests {
    @Test("a study with failures: every SVG is well-formed XML, nothing external, every section and CSV present")
    func studyWithFailures() throws {
        let report = syntheticReport(count: 120, failEvery: 9, space: try mixedSpace())
        let files = report.files()
        let html = try #require(files.first { $0.name == "index.html" }?.contents)
        let figures = svgs(in: html)
        // 2 history, importance, 6 slices, contour, parallel coordinates, timeline.
        #expect(figures.count == 12)
        for svg in figures { #expect(isWellFormed(svg)) }
        #expect(externalReferences(in: html).isEmpty)
        for id in ["history", "importance", "slices", "contour", "parallel", "best", "failures", "timeline", "settings"] {
            #expect(html.contains("id=\"\(id)\""))
        }
        // 13 failed trials, each listed with its escaped reason.
        #expect(html.components(separatedBy: "exit status 1 &lt;&amp;&gt; &quot;quoted&quot;").count - 1 == 13)
        #expect(Set(files.map(\.name)) == ["index.html", "trials.csv", "importance.csv", "marginals.csv", "contour.csv"])
        let trials = try #require(files.first { $0.name == "trials.csv" }?.contents)
        #expect(trials.split(separator: "\n").first?.hasPrefix("id,state,value") == true)
        #expect(report.files().map(\.contents) == files.map(\.contents))
    }

    @Test("one trial, and only failures, render with notes instead of plots that need a model",
          arguments: [(1, nil), (5, 1)] as [(Int, Int?)])
    func degenerateStudies(count: Int, failEvery: Int?) throws {
        let report = syntheticReport(count: count, failEvery: failEvery, space: try mixedSpace())
        let html = try #require(report.files().first?.contents)
        for svg in svgs(in: html) { #expect(isWellFormed(svg)) }
        #expect(externalReferences(in: html).isEmpty)
        #expect(html.contains("Not available: parameter importance needs at least 2 complete trials"))
        // History (2) and timeline always; one slice per parameter only with a complete trial.
        #expect(svgs(in: html).count == (failEvery == nil ? 2 + 6 + 1 + 1 : 3))
    }

    @Test("10,000 trials make a page under 5 MB with well-formed SVG")
    func largeStudy() throws {
        let space = try SearchSpace([.real("x", 0, 1), .real("y", 1e-3, 1, log: true), .categorical("c", ["a", "b"])])
        let report = syntheticReport(count: 10_000, failEvery: 50, space: space)
        let html = try #require(report.files().first?.contents)
        #expect(html.utf8.count < 5_000_000)
        for svg in svgs(in: html) { #expect(isWellFormed(svg)) }
    }
}
