import Foundation
import HPORandom
import HPORun
import HPOSpace

/// The report of a suite: per problem each optimizer's mean regret at 25%, 50% and 100% of the
/// budget, and the optimizers' average rank over the problems with a bootstrap interval.
///
/// Files: `index.html`, `ranks.csv` (average rank per optimizer and budget fraction) and
/// `problems.csv` (mean regret, standard error and rank per problem, optimizer and fraction);
/// all byte-reproducible (the bootstrap draws from a fixed seed).
public struct SuiteReport: Sendable {
    /// The results reported.
    public let results: SuiteResults
    /// The fractions of each problem's budget at which regret is taken, in percent.
    public static let fractions = [25, 50, 100]
    /// The bootstrap resamples of the rank intervals.
    public static let resamples = 1_000
    /// The average ranks at each of ``fractions``.
    public let ranks: [AverageRank]
    /// Where each problem's own comparison page is, relative to the suite page, by problem name.
    public let links: [String: String]

    /// The report of `results`; `links` point to per-problem pages.
    public init(results: SuiteResults, links: [String: String] = [:]) {
        self.results = results
        self.links = links
        ranks = Self.fractions.map { fraction in
            var generator = SeededGenerator(seed: 0, stream: UInt64(fraction))
            let scores = results.problems.map { $0.finals(after: Self.evaluations(fraction, of: $0.evaluations)) }
            return AverageRank(optimizers: results.optimizers, scores: scores, resamples: Self.resamples, generator: &generator)
        }
    }

    /// The evaluation at `fraction` percent of `budget`, rounded up, at least 1.
    public static func evaluations(_ fraction: Int, of budget: Int) -> Int {
        max(1, (budget * fraction + 99) / 100)
    }

    /// One optimizer on one problem at one fraction of the budget.
    public struct Cell: Hashable, Sendable {
        public var problem: String
        public var optimizer: String
        public var fraction: Int
        public var evaluations: Int
        public var summary: SampleSummary
        /// The optimizer's rank on this problem by mean regret (ties share the average rank).
        public var rank: Double
    }

    /// Every cell, problem by problem, fraction by fraction, optimizer by optimizer.
    public var cells: [Cell] {
        results.problems.flatMap { problem in
            Self.fractions.flatMap { fraction in
                let evaluations = Self.evaluations(fraction, of: problem.evaluations)
                let finals = problem.finals(after: evaluations)
                let summaries = finals.map(SampleSummary.init)
                let ranks = AverageRank.ranks(summaries.map(\.mean))
                return results.optimizers.indices.map { o in
                    Cell(problem: problem.name, optimizer: results.optimizers[o], fraction: fraction,
                         evaluations: evaluations, summary: summaries[o], rank: ranks[o])
                }
            }
        }
    }

    // MARK: - CSV

    /// `ranks.csv`: per budget fraction and optimizer, the average rank and its 95% interval.
    public func ranksCSV() -> String {
        var lines = ["fraction,optimizer,average_rank,ci_low,ci_high,problems"]
        for (fraction, rank) in zip(Self.fractions, ranks) {
            for o in rank.optimizers.indices {
                lines.append("\(fraction),\(CSV.escape(rank.optimizers[o])),\(rank.mean[o]),\(rank.low[o]),\(rank.high[o]),\(rank.problems)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `problems.csv`: per problem, fraction and optimizer, the regret's mean, standard error,
    /// median and the rank.
    public func problemsCSV() -> String {
        var lines = ["problem,kind,budget,fraction,evaluations,optimizer,runs,mean_regret,standard_error,median_regret,rank"]
        let kinds = Dictionary(uniqueKeysWithValues: results.problems.map { ($0.name, ($0.kind.rawValue, $0.evaluations)) })
        for cell in cells {
            let (kind, budget) = kinds[cell.problem] ?? ("", 0)
            lines.append([
                CSV.escape(cell.problem), kind, "\(budget)", "\(cell.fraction)", "\(cell.evaluations)", CSV.escape(cell.optimizer),
                "\(cell.summary.count)", "\(cell.summary.mean)", "\(cell.summary.standardError)", "\(cell.summary.median)", "\(cell.rank)",
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Page

    /// The average rank against the fraction of the budget, with the bootstrap intervals.
    public var rankFigure: Figure {
        let series = results.optimizers.indices.map { o in
            LinePlot.Series(
                name: results.optimizers[o], colour: Palette.colour(o), dash: Palette.dash(o),
                line: zip(Self.fractions, ranks).map { LinePlot.Point(x: Double($0), y: $1.mean[o]) },
                band: zip(Self.fractions, ranks).map { LinePlot.BandPoint(x: Double($0), low: $1.low[o], high: $1.high[o]) })
        }
        let plot = LinePlot(
            title: "Average rank over \(results.problems.count) problems (\(results.suite))",
            xLabel: "share of each problem's budget (%)", yLabel: "average rank (1 = best)",
            xScale: .linear(low: 0, high: 100), yScale: .linear(low: 1, high: Double(max(2, results.optimizers.count))),
            series: series, bandLabel: "bootstrap 95% interval")
        return Figure(
            fileName: "average-rank.svg", svg: plot.svg(),
            caption: "Average rank of each optimizer over the problems after 25%, 50% and 100% of each problem's budget; bands: 95% bootstrap intervals over problems and runs.")
    }

    /// The suite's page.
    public var page: HTMLPage {
        let problems = results.problems
        var blocks: [HTMLPage.Block] = [
            .paragraph(html: Markup.escape(
                "\(results.optimizers.joined(separator: ", ")) on the \(problems.count) problems of the suite \(results.suite), each with its own budget (evaluations per run); regret is the noise-free value of the best configuration found so far minus the problem's known optimum.")),
            .paragraph(html: Markup.escape(
                "Ranks: on each problem the optimizers are ranked by their mean regret over the runs (1 = lowest; tied means share the average of the ranks they span, e.g. two optimizers both at regret 0 in first place get 1.5 each), and each optimizer's ranks are averaged over the problems. The interval is a 95% percentile bootstrap of \(Self.resamples) resamples: each draws the problems with replacement and, within each, every optimizer's runs with replacement, ranks again and averages. It shows how much the average rank depends on the choice of problems and on the runs' luck; intervals that overlap do not separate two optimizers.")),
            .heading(level: 2, text: "Average rank", id: "ranks"),
            .figures([(rankFigure, "figures/average-rank.svg")]),
            .table(caption: "Average rank over \(problems.count) problems with its bootstrap 95% interval, after 25%, 50% and 100% of each problem's budget.", html: ranksHTML(), links: [("CSV", "ranks.csv")]),
        ]
        for fraction in Self.fractions.reversed() {
            blocks.append(.heading(level: 2, text: "Mean regret after \(fraction)% of the budget", id: "regret-\(fraction)"))
            blocks.append(.table(
                caption: "Mean regret ± standard error of the mean over the runs after \(fraction)% of each problem's budget (the evaluations in brackets); the lowest mean of each problem is in bold, (r) its rank.",
                html: problemsHTML(fraction: fraction), links: [("CSV", "problems.csv")]))
        }
        return HTMLPage(title: "Suite \(results.suite): \(results.optimizers.count) optimizers on \(problems.count) problems", blocks: blocks)
    }

    func ranksHTML() -> String {
        var out = "<table class=\"numbers\">\n<thead><tr><th>optimizer</th>"
        for fraction in Self.fractions { out += "<th>rank at \(fraction)%</th><th>95% interval</th>" }
        out += "</tr></thead>\n<tbody>\n"
        let order = results.optimizers.indices.sorted { ranks.last?.mean[$0] ?? 0 < ranks.last?.mean[$1] ?? 0 }
        for o in order {
            out += "<tr><th scope=\"row\">\(Markup.escape(results.optimizers[o]))</th>"
            for rank in ranks {
                out += "<td>\(String(format: "%.2f", rank.mean[o]))</td><td>\(String(format: "%.2f", rank.low[o])) – \(String(format: "%.2f", rank.high[o]))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    func problemsHTML(fraction: Int) -> String {
        var out = "<table class=\"numbers\">\n<thead><tr><th>problem</th><th>kind</th>"
        for optimizer in results.optimizers { out += "<th>\(Markup.escape(optimizer))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        let cells = Dictionary(grouping: self.cells.filter { $0.fraction == fraction }, by: \.problem)
        for problem in results.problems {
            let row = cells[problem.name] ?? []
            let name = Markup.escape(problem.name)
            let title = links[problem.name].map { "<a href=\"\(Markup.escape($0))\">\(name)</a>" } ?? name
            out += "<tr><th scope=\"row\">\(title) (\(row.first?.evaluations ?? 0))</th><td>\(problem.kind.rawValue)</td>"
            let best = row.map(\.summary.mean).min()
            for cell in row {
                let text = "\(HTMLFormat.number(cell.summary.mean)) ± \(HTMLFormat.number(cell.summary.standardError)) (\(cell.rank.shortDescription))"
                out += cell.summary.mean == best ? "<td><b>\(text)</b></td>" : "<td>\(text)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Writes `index.html`, `ranks.csv`, `problems.csv` and `figures/average-rank.svg`.
    public func write(to directory: URL) throws {
        try RunStore.write(Data(ranksCSV().utf8), to: directory.appendingPathComponent("ranks.csv"))
        try RunStore.write(Data(problemsCSV().utf8), to: directory.appendingPathComponent("problems.csv"))
        let figure = rankFigure
        try RunStore.write(Data(figure.svg.utf8), to: directory.appendingPathComponent("figures").appendingPathComponent(figure.fileName))
        try RunStore.write(Data(page.html().utf8), to: directory.appendingPathComponent("index.html"))
    }
}
