import Foundation
import HPO

/// What `hpo compare` and `hpo reproduce` share: prepare the output folders, perform the runs
/// they lack with a progress display, and write each comparison's results and report.
struct ExperimentSession {
    let comparisons: [Comparison]
    let jobs: Int
    let quiet: Bool
    let title: String

    /// Checks every folder's settings, performs the pending runs, writes the results documents and
    /// reports; returns the reports in the order of `comparisons`.
    func run() throws -> [ComparisonReport] {
        for comparison in comparisons { try comparison.prepare() }
        var groups: [ProgressDisplay.Group] = []
        for comparison in comparisons {
            let pending = comparison.pendingTasks()
            for (i, optimizer) in comparison.settings.optimizers.enumerated() {
                let missing = pending.filter { $0.optimizer == i }.count
                if let g = groups.firstIndex(where: { $0.label == optimizer.label }) {
                    groups[g].done += comparison.settings.runs - missing
                    groups[g].total += comparison.settings.runs
                } else {
                    groups.append(.init(label: optimizer.label, done: comparison.settings.runs - missing, total: comparison.settings.runs))
                }
            }
        }
        let display = ProgressDisplay(title: title, groups: groups, enabled: !quiet)
        display.begin()
        try Comparison.performPending(comparisons, jobs: jobs) { display.finished(label: $0.label) }
        return try comparisons.map { comparison in
            try comparison.writeResults()
            let report = try ComparisonReport(comparison: comparison)
            try report.write(to: comparison.store.directory)
            return report
        }
    }

    /// A few lines on the final regret of each report, for the terminal.
    static func summary(_ report: ComparisonReport) -> String {
        var lines = ["\(report.benchmark.name), \(report.protocolText): final regret (mean ± standard error, runs at the optimum)"]
        let width = report.documents.map(\.optimizer.count).max() ?? 0
        for document in report.documents {
            guard let row = report.summary.rows.last(where: { $0.optimizer == document.optimizer }) else { continue }
            let name = document.optimizer + String(repeating: " ", count: width - document.optimizer.count)
            lines.append("  \(name)  \(row.meanRegret.significant(3)) ± \(row.standardError.significant(2))  \(Int((row.atOptimum * 100).rounded()))%")
        }
        return lines.joined(separator: "\n")
    }

    /// The optimizers of a comma-separated list of labels: presets, or presets with settings
    /// changed as labels print them, e.g. `bo-rf,bo-rf[kappa=2,trees=20]`.
    static func optimizers(_ list: String) throws -> [NamedOptimizer] {
        let names = OptimizerRegistry.labels(in: list)
        guard !names.isEmpty else {
            throw CommandLineError("--optimizers is empty: name at least one of " + OptimizerRegistry.standard.presets.map(\.name).joined(separator: ", "))
        }
        return try names.map { try OptimizerRegistry.standard.optimizer(label: $0) }
    }
}
