import Foundation
import HPOObjective
import HPORun
import HPOSpace

/// The final regret of each optimizer after 10, 20, 50 and 100 evaluations (those within the
/// runs' length, and the runs' last evaluation), with the share of runs at the optimum.
public struct SummaryTable: Codable, Hashable, Sendable {
    /// One optimizer after a number of evaluations.
    public struct Row: Codable, Hashable, Sendable {
        /// The optimizer's label.
        public var optimizer: String
        /// The number of runs summarized.
        public var runs: Int
        /// The number of evaluations after which the regret is taken.
        public var evaluations: Int
        /// Mean, median and standard error of the mean of the incumbent's regret over the runs.
        public var meanRegret: Double
        public var medianRegret: Double
        public var standardError: Double
        /// The share of runs whose incumbent is the global optimum (regret 0).
        public var atOptimum: Double
        /// The share of runs that have evaluated the optimal configuration (noise may hide it).
        public var evaluatedOptimum: Double

        enum CodingKeys: String, CodingKey {
            case optimizer, runs, evaluations
            case meanRegret = "mean_regret", medianRegret = "median_regret", standardError = "standard_error"
            case atOptimum = "at_optimum", evaluatedOptimum = "evaluated_optimum"
        }
    }

    /// The evaluation counts reported when runs are long enough.
    public static let checkpoints = [10, 20, 50, 100]

    /// The benchmark's name.
    public var benchmark: String
    /// Per optimizer (in the documents' order), one row per evaluation count.
    public var rows: [Row]

    /// The table of `documents` (one per optimizer) on `benchmark`.
    public init(documents: [ResultsDocument], benchmark: any Benchmark) throws {
        self.benchmark = benchmark.name
        let optimal = benchmark.optimalConfiguration
        rows = []
        for document in documents {
            let length = document.runs.map { $0.regret?.count ?? 0 }.min() ?? 0
            guard length > 0 else { continue }
            let found = try document.runs.map { run in
                try run.trials.firstIndex { try benchmark.space.configuration(from: $0.config) == optimal }
            }
            var checkpoints = Self.checkpoints.filter { $0 <= length }
            if checkpoints.last != length { checkpoints.append(length) }
            for evaluations in checkpoints {
                let regrets = document.runs.map { $0.regret?[evaluations - 1] ?? .nan }
                let summary = SampleSummary(regrets)
                let n = Double(regrets.count)
                rows.append(Row(
                    optimizer: document.optimizer, runs: regrets.count, evaluations: evaluations,
                    meanRegret: summary.mean, medianRegret: summary.median, standardError: summary.standardError,
                    atOptimum: Double(regrets.filter { $0 == 0 }.count) / n,
                    evaluatedOptimum: Double(found.filter { $0.map { $0 < evaluations } ?? false }.count) / n))
            }
        }
    }

    /// One line per row, with a header.
    public func csv() -> String {
        var lines = ["optimizer,runs,evaluations,mean_regret,median_regret,standard_error,at_optimum,evaluated_optimum"]
        for row in rows {
            lines.append([
                CSV.escape(row.optimizer), "\(row.runs)", "\(row.evaluations)", "\(row.meanRegret)", "\(row.medianRegret)",
                "\(row.standardError)", "\(row.atOptimum)", "\(row.evaluatedOptimum)",
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as an HTML `<table>`, numbers to 3 significant digits, with each optimizer's
    /// suggestion time from `timing` beside its rows.
    public func html(timing: SuggestTimeTable?) -> String {
        var out = "<table class=\"numbers\">\n<thead><tr><th>optimizer</th><th>evaluations</th><th>mean regret</th><th>median regret</th><th>standard error</th><th>runs at the optimum</th><th>runs that evaluated the optimum</th>"
        if timing != nil { out += "<th>suggesting, seconds per run</th><th>ms per suggestion (median)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        let groups = Dictionary(grouping: rows, by: \.optimizer)
        var seen = Set<String>()
        for row in rows {
            let group = groups[row.optimizer] ?? [row]
            let first = seen.insert(row.optimizer).inserted
            out += first ? "<tr class=\"group\">" : "<tr>"
            if first { out += "<th rowspan=\"\(group.count)\" scope=\"rowgroup\">\(Markup.escape(row.optimizer))</th>" }
            out += "<td>\(row.evaluations)</td><td>\(HTMLFormat.number(row.meanRegret))</td><td>\(HTMLFormat.number(row.medianRegret))</td><td>\(HTMLFormat.number(row.standardError))</td>"
            out += "<td>\(HTMLFormat.share(row.atOptimum, of: row.runs))</td><td>\(HTMLFormat.share(row.evaluatedOptimum, of: row.runs))</td>"
            if first, let timing {
                let time = timing.rows.first { $0.optimizer == row.optimizer }
                out += "<td rowspan=\"\(group.count)\">\(time.map { HTMLFormat.number($0.secondsPerRun) } ?? "–")</td>"
                out += "<td rowspan=\"\(group.count)\">\(time.map { HTMLFormat.number($0.medianMillisecondsPerSuggestion) } ?? "–")</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
