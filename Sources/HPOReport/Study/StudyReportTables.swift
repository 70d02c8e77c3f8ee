import Foundation
import HPOSpace
import HPOSurrogate

/// The tables of a ``StudyReport`` and its CSV files.
struct StudyReportTables {
    let report: StudyReport
    let importance: ParameterImportance?

    /// The most failed trials the page lists (all are in `trials.csv`).
    static let failureLimit = 200

    private func row(_ cells: [String], header: Bool = false) -> String {
        let tag = header ? "th" : "td"
        return "<tr>" + cells.map { "<\(tag)>\(Markup.escape($0))</\(tag)>" }.joined() + "</tr>\n"
    }

    private func table(_ header: [String], _ rows: [[String]], numbers: Bool = true) -> String {
        // The wrapper scrolls a wide table sideways on a narrow screen instead of the page.
        "<div style=\"overflow-x: auto\"><table\(numbers ? " class=\"numbers\"" : "")><thead>" + row(header, header: true) + "</thead><tbody>\n"
            + rows.map { row($0) }.joined() + "</tbody></table></div>\n"
    }

    /// The trial's parameter values as written, full precision (for CSV).
    private func values(of trial: StudyReport.Trial) -> [String] {
        zip(report.space.parameters, trial.configuration.values).map { $0.value(ofInternal: $1).description }
    }

    /// The trial's parameter values for the page: reals to three significant digits.
    private func shortValues(of trial: StudyReport.Trial) -> [String] {
        zip(report.space.parameters, trial.configuration.values).map { parameter, value in
            if case .real = parameter.domain { return HTMLFormat.number(value) }
            return parameter.value(ofInternal: value).description
        }
    }

    func importanceTable() -> HTMLPage.Block {
        guard let importance else { return .paragraph(html: "") }
        func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
        let rows = importance.mainEffects.map { [$0.parameters.joined(), percent($0.share), percent($0.spread)] }
            + importance.pairEffects.map { [$0.parameters.joined(separator: " × "), percent($0.share), percent($0.spread)] }
        return .table(
            caption: "Share of the variance of the loss explained by each parameter alone and by each pair of the most important parameters beyond their main effects (mean over \(importance.treeCount) trees, ± standard deviation).",
            html: table(["parameter or pair", "share", "±"], rows), links: [("importance.csv", "importance.csv")])
    }

    func bestTrials() -> HTMLPage.Block {
        let best = report.trials.filter(\.isComplete).sorted { $0.value! < $1.value! || ($0.value! == $1.value! && $0.id < $1.id) }.prefix(10)
        guard !best.isEmpty else { return .paragraph(html: "No complete trial yet.") }
        let rows = best.map { ["\($0.id)", HTMLFormat.number($0.value!)] + shortValues(of: $0) }
        return .table(
            caption: "The \(best.count) complete trials of lowest loss.",
            html: table(["trial", "loss"] + report.space.parameters.map(\.name), rows), links: [("trials.csv", "trials.csv")])
    }

    func failedTrials() -> HTMLPage.Block {
        let failed = report.trials.filter { $0.state == "failed" }
        guard !failed.isEmpty else { return .paragraph(html: "No trial failed.") }
        let rows = failed.prefix(Self.failureLimit).map { trial in
            ["\(trial.id)", trial.failureReason ?? "", String((trial.stderrTail ?? "").suffix(400))]
        }
        let more = failed.count > Self.failureLimit ? " The first \(Self.failureLimit) of \(failed.count) are listed; all are in trials.csv." : ""
        return .table(
            caption: "Every failed trial with its reason and the end of its standard error.\(more)",
            html: table(["trial", "reason", "standard error (end)"], rows, numbers: false)
                .replacingOccurrences(of: "<td>", with: "<td style=\"white-space: pre-wrap; max-width: 40em; overflow-wrap: anywhere\">"),
            links: [("trials.csv", "trials.csv")])
    }

    func settings() -> HTMLPage.Block {
        var rows: [[String]] = [
            ["optimizer", report.optimizer], ["seed", "\(report.seed)"],
            ["budget", report.budget.map { "\($0) evaluations" } ?? "none"],
        ]
        for parameter in report.space.parameters {
            rows.append(["parameter \(parameter.name)", "\(parameter.domain.typeName): \(parameter.domain.validValuesDescription)" + (Self.isLog(parameter.domain) ? " (log scale)" : "")])
        }
        return .table(caption: "The study's settings and search space.", html: table(["setting", "value"], rows, numbers: false), links: [])
    }

    static func isLog(_ domain: Domain) -> Bool {
        switch domain {
        case .integer(_, _, let log), .real(_, _, let log): log
        default: false
        }
    }

    // MARK: - CSV

    /// `text` as one CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    private func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    private static func number(_ x: Double) -> String { "\(x)" }

    /// The CSV files of every number the page shows.
    func dataFiles(analysis: FunctionalANOVA?, figures: StudyReportFigures) -> [(name: String, contents: String)] {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let trials = csv(
            ["id", "state", "value", "started_at", "finished_at", "worker", "failure_reason", "stderr_tail"] + report.space.parameters.map(\.name),
            report.trials.map { t in
                ["\(t.id)", t.state, t.value.map(Self.number) ?? "", iso.string(from: t.startedAt), t.finishedAt.map(iso.string) ?? "",
                 t.worker ?? "", t.failureReason ?? "", t.stderrTail ?? ""] + values(of: t)
            })
        var files = [(name: "trials.csv", contents: trials)]
        if let importance {
            let rows = (importance.mainEffects + importance.pairEffects).map {
                [$0.parameters.joined(separator: " x "), "\($0.parameters.count == 1 ? "main" : "pair")", Self.number($0.share), Self.number($0.spread)]
            }
            files.append((name: "importance.csv", contents: csv(["effect", "kind", "share", "spread"], rows)))
        }
        if analysis != nil {
            var rows: [[String]] = []
            for (f, parameter) in report.space.parameters.enumerated() {
                guard let curve = figures.marginalCurve(f) else { continue }
                for (x, point) in zip(figures.curveGrid(f), curve) {
                    rows.append([parameter.name, parameter.value(ofInternal: x).description, Self.number(point.mean), Self.number(point.spread)])
                }
            }
            files.append((name: "marginals.csv", contents: csv(["parameter", "value", "mean", "spread"], rows)))
            if let (f, g) = figures.contourParameters, let analysis {
                let xs = figures.contourGrid(f), ys = figures.contourGrid(g)
                let grid = analysis.marginal(f, g, at: xs, ys)
                let (pf, pg) = (report.space.parameters[f], report.space.parameters[g])
                var cells: [[String]] = []
                for (i, x) in xs.enumerated() {
                    for (j, y) in ys.enumerated() {
                        cells.append([pf.value(ofInternal: x).description, pg.value(ofInternal: y).description, Self.number(grid[i][j])])
                    }
                }
                files.append((name: "contour.csv", contents: csv([pf.name, pg.name, "mean"], cells)))
            }
        }
        return files
    }
}
