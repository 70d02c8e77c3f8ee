import Foundation
import HPOObjective
import HPOOptimizers
import HPORun
import Testing
@testable import HPOReport

@Suite("Suite report")
struct SuiteReportTests {
    let folders = TemporaryFolders()

    /// Two optimizers on two problems of budget 4 with hand-made trajectories.
    static func results() throws -> SuiteResults {
        try SuiteResults(suite: "tiny", optimizers: ["a", "b"], problems: [
            .init(name: "p1", kind: .continuous, evaluations: 4, entries: [
                .init(optimizer: "a", runs: [[4, 3, 2, 1], [4, 4, 2, 2]]),
                .init(optimizer: "b", runs: [[5, 5, 5, 5], [1, 1, 1, 1]]),
            ]),
            .init(name: "p2", kind: .mixed, evaluations: 4, entries: [
                .init(optimizer: "a", runs: [[1, 1, 0, 0]]),
                .init(optimizer: "b", runs: [[2, 1, 1, 0]]),
            ]),
        ])
    }

    @Test("cells take each run's regret at 25%, 50% and 100% of the budget and rank the means")
    func cells() throws {
        let report = SuiteReport(results: try Self.results())
        #expect(SuiteReport.evaluations(25, of: 4) == 1 && SuiteReport.evaluations(50, of: 4) == 2 && SuiteReport.evaluations(25, of: 10) == 3)
        let p1 = report.cells.filter { $0.problem == "p1" && $0.fraction == 100 }
        #expect(p1.map(\.summary.mean) == [1.5, 3])
        #expect(p1.map(\.rank) == [1, 2])
        let p2 = report.cells.filter { $0.problem == "p2" && $0.fraction == 100 }
        #expect(p2.map(\.rank) == [1.5, 1.5])
        // At 100%: a ranks 1 and 1.5, b 2 and 1.5.
        #expect(report.ranks[2].mean == [1.25, 1.75])
        // At 25%: p1 means a 4, b 3 → (2, 1); p2 a 1, b 2 → (1, 2).
        #expect(report.ranks[0].mean == [1.5, 1.5])
    }

    @Test("index.html, ranks.csv and problems.csv are written, well formed, with every problem and optimizer")
    func files() throws {
        let folder = try folders.folder("suite")
        try SuiteReport(results: try Self.results(), links: ["p1": "p1/index.html"]).write(to: folder)
        let ranks = try String(contentsOf: folder.appendingPathComponent("ranks.csv"), encoding: .utf8)
        let problems = try String(contentsOf: folder.appendingPathComponent("problems.csv"), encoding: .utf8)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let rankLines = ranks.split(separator: "\n")
        #expect(rankLines.first == "fraction,optimizer,average_rank,ci_low,ci_high,problems")
        #expect(rankLines.count == 1 + 3 * 2)
        let problemLines = problems.split(separator: "\n")
        #expect(problemLines.count == 1 + 2 * 3 * 2)
        #expect(problemLines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 11 })
        for name in ["p1", "p2"] {
            #expect(problems.contains("\n\(name),"))
            #expect(html.contains("row\">\(name) (4)</th>") || html.contains(">\(name)</a> (4)</th>"))
        }
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "<table").count == html.components(separatedBy: "</table>").count)
        #expect(html.contains("<a href=\"p1/index.html\">p1</a>"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures/average-rank.svg").path))
    }

    @Test("peers are read from CSV, ordered by seed, and appended to every problem")
    func peers() throws {
        let csv = """
            optimizer,problem,seed,evaluation,regret
            tpe,p1,1,1,9
            tpe,p1,1,2,8
            tpe,p1,1,3,7
            tpe,p1,1,4,0.5
            tpe,p1,0,1,3
            tpe,p1,0,2,3
            tpe,p1,0,3,3
            tpe,p1,0,4,3
            tpe,p2,0,1,1
            tpe,p2,0,2,1
            tpe,p2,0,3,1
            tpe,p2,0,4,1

            """
        let peers = try PeerResults(csv: csv, file: "peers.csv")
        #expect(peers.optimizers == ["tpe"])
        #expect(peers.runs["p1"]?["tpe"] == [[3, 3, 3, 3], [9, 8, 7, 0.5]])
        let results = try Self.results().adding(peers)
        #expect(results.optimizers == ["a", "b", "tpe"])
        // p1 final means: a 1.5, b 3, tpe 1.75 → ranks 1, 3, 2.
        let p1 = SuiteReport(results: results).cells.filter { $0.problem == "p1" && $0.fraction == 100 }
        #expect(p1.map(\.rank) == [1, 3, 2])
    }

    @Test("malformed peers files, missing or short peers and clashing labels are refused with what is wrong")
    func refusals() throws {
        #expect(throws: PeerFileError.self) { try PeerResults(csv: "a,b\n", file: "f.csv") }
        #expect(throws: PeerFileError.self) { try PeerResults(csv: PeerResults.header + "\ntpe,p1,0,one,2\n", file: "f.csv") }
        #expect(throws: PeerFileError.self) { try PeerResults(csv: PeerResults.header + "\ntpe,p1,0,1,2\ntpe,p1,0,3,2\n", file: "f.csv") }
        let onlyP1 = try PeerResults(csv: PeerResults.header + "\n" + (1...4).map { "tpe,p1,0,\($0),1" }.joined(separator: "\n"), file: "f.csv")
        #expect(throws: SuiteResultsError.missingPeer(problem: "p2", optimizer: "tpe")) { try Self.results().adding(onlyP1) }
        let clash = try PeerResults(csv: PeerResults.header + "\na,p1,0,1,1\n", file: "f.csv")
        #expect(throws: SuiteResultsError.duplicateOptimizer("a")) { try Self.results().adding(clash) }
        let short = "\n" + (1...2).map { "tpe,p1,0,\($0),1\ntpe,p2,0,\($0),1" }.joined(separator: "\n")
        #expect(throws: SuiteResultsError.shortRuns(problem: "p1", optimizer: "tpe", length: 2, budget: 4)) {
            try Self.results().adding(PeerResults(csv: PeerResults.header + short, file: "f.csv"))
        }
    }

    @Test("a real comparison on a synthetic function feeds the suite results and its own report")
    func fromComparison() throws {
        let folder = try folders.folder("branin")
        let settings = try ComparisonSettings(
            benchmark: "branin", objective: "deterministic", evaluations: 6, runs: 2, seed: 0,
            optimizers: [OptimizerRegistry.standard.optimizer(label: "random")])
        let comparison = try Comparison(settings: settings, directory: folder)
        try comparison.prepare()
        for task in comparison.pendingTasks() { try comparison.perform(task) }
        let report = try ComparisonReport(comparison: comparison)
        try report.write(to: folder)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("MSE"))
        #expect(html.contains("noise-free function value"))
        let problem = try SuiteResults.problem(of: comparison, kind: .continuous)
        #expect(problem.entries.map(\.optimizer) == ["random"])
        #expect(problem.entries[0].runs.count == 2 && problem.entries[0].runs.allSatisfy { $0.count == 6 })
        // Best-so-far regret never increases and never goes below 0 on a deterministic objective.
        for run in problem.entries[0].runs {
            #expect(zip(run, run.dropFirst()).allSatisfy { $0 >= $1 } && run.allSatisfy { $0 >= 0 })
        }
    }
}
