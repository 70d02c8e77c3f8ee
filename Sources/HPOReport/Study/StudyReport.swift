import Foundation
import HPOSpace
import HPOSurrogate

/// A self-contained HTML page about one study (inline SVG and CSS, no script, nothing fetched),
/// with CSV files of every number it shows: the optimization history, the parameters' fANOVA
/// importance, the forest's marginal predictions, parallel coordinates, the best and the failed
/// trials, the settings and a timeline of the trials per worker.
///
/// The report takes plain trial records (``Trial``) so that it does not depend on how studies are
/// stored; `Study.report()` in HPOStudy makes one from a study.
public struct StudyReport: Sendable {
    /// One trial as the report sees it.
    public struct Trial: Hashable, Sendable {
        /// The trial's number in the study.
        public var id: Int
        /// `running`, `complete`, `failed` or `interrupted`.
        public var state: String
        /// The configuration in the space's internal units.
        public var configuration: Configuration
        /// The loss of a complete trial.
        public var value: Double?
        /// When the trial started and finished.
        public var startedAt: Date
        public var finishedAt: Date?
        /// Why a failed or interrupted trial stopped, and the end of its standard error.
        public var failureReason: String?
        public var stderrTail: String?
        /// The worker that evaluated it (e.g. `pid@host`), if known.
        public var worker: String?

        /// A trial record.
        public init(
            id: Int, state: String, configuration: Configuration, value: Double?, startedAt: Date, finishedAt: Date?,
            failureReason: String? = nil, stderrTail: String? = nil, worker: String? = nil
        ) {
            self.id = id
            self.state = state
            self.configuration = configuration
            self.value = value
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.failureReason = failureReason
            self.stderrTail = stderrTail
            self.worker = worker
        }

        /// Whether the trial has a finite loss.
        var isComplete: Bool { state == "complete" && (value?.isFinite ?? false) }
    }

    /// The study's name, shown in the title (e.g. its file name).
    public var name: String
    /// The search space.
    public var space: SearchSpace
    /// The optimizer's label, e.g. `bo-rf[kappa=2]`.
    public var optimizer: String
    /// The study's seed.
    public var seed: UInt64
    /// The study's budget of evaluations, if it has one.
    public var budget: Int?
    /// The trials, in id order.
    public var trials: [Trial]

    /// A report on `trials` of a study over `space`.
    public init(name: String, space: SearchSpace, optimizer: String, seed: UInt64, budget: Int?, trials: [Trial]) {
        self.name = name
        self.space = space
        self.optimizer = optimizer
        self.seed = seed
        self.budget = budget
        self.trials = trials.sorted { $0.id < $1.id }
    }

    /// The page and its data files, by file name (`index.html` first).
    public func files() -> [(name: String, contents: String)] {
        let complete = trials.filter(\.isComplete)
        let analysis: Result<FunctionalANOVA, any Error> = Result {
            try FunctionalANOVA(
                configurations: complete.map(\.configuration), values: complete.compactMap(\.value), space: space,
                seed: seed)
        }
        let importance = analysis.flatMap { a in Result { try a.importance(pairsAmong: 5) } }
        let figures = StudyReportFigures(report: self, analysis: try? analysis.get(), importance: try? importance.get())
        let tables = StudyReportTables(report: self, importance: try? importance.get())
        var blocks: [HTMLPage.Block] = [
            .paragraph(html: Markup.escape(summary(complete: complete.count))),
            .heading(level: 2, text: "Optimization history", id: "history"),
            .figures(figures.history().map { ($0, nil) }),
            .heading(level: 2, text: "Parameter importance (fANOVA)", id: "importance"),
        ]
        switch importance {
        case .success:
            blocks.append(.figures(figures.importanceBars().map { ($0, nil) }))
            blocks.append(tables.importanceTable())
        case .failure(let error):
            blocks.append(.paragraph(html: "Not available: " + Markup.escape(String(describing: error)) + "."))
        }
        blocks.append(.heading(level: 2, text: "Loss against each parameter", id: "slices"))
        if complete.isEmpty {
            blocks.append(.paragraph(html: "Not available: no complete trial yet."))
        } else {
            blocks.append(.figures(figures.slices().map { ($0, nil) }))
        }
        blocks.append(.heading(level: 2, text: "The two most important parameters", id: "contour"))
        if let contour = figures.contour() {
            blocks.append(.figures([(contour, nil)]))
        } else {
            blocks.append(.paragraph(html: "Not available: it needs two parameters and an importance analysis (at least 2 complete trials whose losses differ)."))
        }
        blocks.append(.heading(level: 2, text: "Parallel coordinates", id: "parallel"))
        if let parallel = figures.parallelCoordinates() {
            blocks.append(.figures([(parallel, nil)]))
        } else {
            blocks.append(.paragraph(html: "Not available: no complete trial yet."))
        }
        blocks.append(.heading(level: 2, text: "Best trials", id: "best"))
        blocks.append(tables.bestTrials())
        blocks.append(.heading(level: 2, text: "Failed trials", id: "failures"))
        blocks.append(tables.failedTrials())
        blocks.append(.heading(level: 2, text: "Workers", id: "timeline"))
        blocks.append(.figures(figures.timeline().map { ($0, nil) }))
        blocks.append(.heading(level: 2, text: "Settings", id: "settings"))
        blocks.append(tables.settings())
        let page = HTMLPage(title: "Study \(name)", blocks: blocks)
        var files = [(name: "index.html", contents: page.html())]
        files += tables.dataFiles(analysis: try? analysis.get(), figures: figures)
        return files
    }

    /// Writes ``files()`` into `directory`, creating it; returns the page's URL.
    @discardableResult
    public func write(to directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files() {
            try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.name), options: .atomic)
        }
        return directory.appendingPathComponent("index.html")
    }

    /// One sentence on the study: trials by state and the best loss.
    func summary(complete: Int) -> String {
        let failed = trials.filter { $0.state == "failed" }.count
        let other = trials.count - complete - failed
        var text = "\(trials.count) trials: \(complete) complete, \(failed) failed"
        if other > 0 { text += ", \(other) running or interrupted" }
        if let best = trials.filter(\.isComplete).min(by: { $0.value! < $1.value! }) {
            text += ". Best loss \(HTMLFormat.number(best.value!)) (trial \(best.id))"
        }
        return text + ". Optimizer \(optimizer), seed \(seed)" + (budget.map { ", budget \($0) evaluations." } ?? ".")
    }
}
