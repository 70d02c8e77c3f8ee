import Foundation
import HPO

/// What `hpo compare --suite` does: one comparison per problem of the suite under the output
/// folder (so an interrupted suite resumes), then the suite's report with the average ranks.
struct SuiteSession {
    let suite: BenchmarkSuite
    let optimizers: [NamedOptimizer]
    /// The objective of every problem, or `nil` for each problem's default.
    let objective: String?
    /// The evaluations of every problem, or `nil` for each problem's default times `budgetScale`.
    let evaluations: Int?
    let budgetScale: Double
    let runs: Int
    let seed: UInt64
    let output: URL
    /// The peers CSV file, if any.
    let peers: String?
    let jobs: Int
    let quiet: Bool

    /// The comparison of each problem, in the suite's order.
    func comparisons() throws -> [Comparison] {
        try suite.benchmarks.map { name in
            let provider = try BenchmarkRegistry.standard.provider(named: name)
            let budget = evaluations ?? max(1, Int((Double(provider.defaultEvaluations) * budgetScale).rounded()))
            let settings = try ComparisonSettings(
                benchmark: name, objective: objective ?? provider.defaultObjective, evaluations: budget, runs: runs,
                seed: seed, optimizers: optimizers)
            return try Comparison(settings: settings, directory: output.appendingPathComponent(name))
        }
    }

    func run() throws {
        let peerResults = try peers.map { path -> PeerResults in
            let text: String
            do {
                text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
            } catch {
                throw CommandLineError("cannot read --peers '\(path)': \(error.localizedDescription)")
            }
            return try PeerResults(csv: text, file: path)
        }
        let comparisons = try comparisons()
        let session = ExperimentSession(comparisons: comparisons, jobs: jobs, quiet: quiet, title: "hpo compare --suite \(suite.name)")
        _ = try session.run()
        var results = try SuiteResults(
            suite: suite.name, optimizers: optimizers.map(\.label),
            problems: comparisons.map { comparison in
                try SuiteResults.problem(
                    of: comparison, kind: BenchmarkRegistry.standard.provider(named: comparison.benchmark.name).kind)
            })
        if let peerResults { results = try results.adding(peerResults) }
        let report = SuiteReport(
            results: results, links: Dictionary(uniqueKeysWithValues: suite.benchmarks.map { ($0, "\($0)/index.html") }))
        try report.write(to: output)
        print(Self.table(report))
        print("report written to \(output.appendingPathComponent("index.html").path)")
    }

    /// The final mean regret ± standard error of every optimizer on every problem, and the
    /// average ranks, for the terminal.
    static func table(_ report: SuiteReport) -> String {
        let optimizers = report.results.optimizers
        let width = max(22, (report.results.problems.map(\.name.count).max() ?? 0) + 6)
        let column = max(20, (optimizers.map(\.count).max() ?? 0) + 2)
        func pad(_ text: String, _ width: Int) -> String { text.padding(width) }
        var lines = [pad("problem (evaluations)", width) + optimizers.map { pad($0, column) }.joined()]
        let finals = report.cells.filter { $0.fraction == 100 }
        for problem in report.results.problems {
            let cells = finals.filter { $0.problem == problem.name }
            lines.append(pad("\(problem.name) (\(problem.evaluations))", width) + cells.map {
                pad("\($0.summary.mean.significant(3)) ± \($0.summary.standardError.significant(2))", column)
            }.joined())
        }
        for (fraction, rank) in zip(SuiteReport.fractions, report.ranks) {
            lines.append(pad("average rank at \(fraction)%", width) + optimizers.indices.map {
                pad(String(format: "%.2f [%.2f, %.2f]", rank.mean[$0], rank.low[$0], rank.high[$0]), column)
            }.joined())
        }
        return lines.joined(separator: "\n")
    }
}
