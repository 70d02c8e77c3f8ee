import Foundation
import HPOOptimizers
import HPOReport
import HPORun

/// The dashboard's HTML: a study's report page made live, the index of the studies and the page
/// for an address that names nothing. Every page is an ``HPOReport/HTMLPage`` (inline style, no
/// external reference); the live ones get ``LiveUpdate``'s bar and script.
struct DashboardPage: Sendable {
    /// One study on the index: where it is served and how it reads now.
    struct IndexEntry: Sendable {
        var study: DashboardStudy
        var path: String
        var reading: Result<StudySnapshot, any Error>
    }

    /// Whether pages link to the index: when it lists more than one study.
    let linksIndex: Bool

    // MARK: - Pages

    /// The page and data files of `report`, for the study served at `/study/<path>`.
    func study(_ report: StudyReport, path: String) -> RenderedStudy {
        let fingerprint = StudyFingerprint(report: report)
        var files: [String: String] = [:]
        for file in report.files() where files[file.name] == nil { files[file.name] = file.contents }
        var links = [(title: "data.json", href: "data.json"), (title: "trials.csv", href: "trials.csv")]
        if linksIndex { links.insert((title: "all studies", href: "/"), at: 0) }
        files["index.html"] = live(
            files["index.html"] ?? "", base: "/study/\(path)/", version: fingerprint.version,
            changedAt: fingerprint.lastChangeAt, links: links)
        return RenderedStudy(fingerprint: fingerprint, files: files)
    }

    /// The index: one row per study with its trials, best loss, counts by state, budget and last
    /// change (the columns that matter most first, for narrow screens).
    /// `version` is the token the index's event stream sends for these readings.
    func index(_ entries: [IndexEntry], version: String) -> String {
        let header = ["study", "trials", "best loss", "complete", "failed", "running", "interrupted", "budget", "best trial", "optimizer", "last change"]
        var rows = ""
        for entry in entries {
            let name = "<a href=\"/study/\(entry.path)\">\(Markup.escape(entry.study.name))</a>"
                + (entry.study.location.flatMap { $0 == entry.study.name ? nil : "<br><small>\(Markup.escape($0))</small>" } ?? "")
            switch entry.reading {
            case .success(let snapshot):
                let summary = StudySummary(settings: entry.study.study.settings, trials: snapshot.trials)
                let fingerprint = snapshot.fingerprint
                let cells = [
                    String(fingerprint.trials), summary.bestMean.map { $0.significant(4) } ?? "none", String(summary.complete),
                    String(summary.failed), String(summary.running), String(summary.interrupted),
                    snapshot.budget.map(String.init) ?? "none", summary.best.map { String($0.id) } ?? "none",
                    Markup.escape(OptimizerRegistry.standard.label(of: entry.study.study.settings.optimizer)),
                    Self.time(fingerprint.lastChangeAt),
                ]
                rows += "<tr><th>\(name)</th>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
            case .failure(let error):
                rows += "<tr><th>\(name)</th><td colspan=\"\(header.count - 1)\">cannot be read: \(Markup.escape(String(describing: error)))</td></tr>\n"
            }
        }
        let table = "<div class=\"hpo-scroll\"><table class=\"numbers\">\n<thead><tr>"
            + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table></div>\n"
        let count = entries.count == 1 ? "1 study" : "\(entries.count) studies"
        let page = HTMLPage(title: "Studies", blocks: [
            .paragraph(html: "\(count), updated as trials start and finish. Each name opens the study's report."),
            .table(caption: "Best loss: the lowest mean loss of a configuration over its complete trials.", html: table, links: []),
        ])
        let lastChange = entries.compactMap { try? $0.reading.get().fingerprint.lastChangeAt }.max()
        return live(page.html(), base: "/", version: version, changedAt: lastChange, links: [])
    }

    /// The page for an address that names no study, listing those that exist.
    func notFound(_ what: String, studies: [(name: String, path: String)]) -> String {
        let list = studies.map { "<a href=\"/study/\($0.path)\">\(Markup.escape($0.name))</a>" }.joined(separator: ", ")
        let page = HTMLPage(title: "Not found", blocks: [
            .paragraph(html: "There is no \(Markup.escape(what)) here. This dashboard shows "
                + (studies.count == 1 ? "one study: " : "\(studies.count) studies: ") + list + "."),
            .paragraph(html: "<a href=\"/\">All studies</a>"),
        ])
        return Self.insert(page.html(), head: Self.icon)
    }

    // MARK: - Making a page live

    /// An empty icon, so that browsers ask the server for none.
    private static let icon = "<link rel=\"icon\" href=\"data:,\">\n"

    /// `html` with the live bar, its style and its script; `base` is the address its relative
    /// links (its data files, its event stream `events`) resolve against.
    private func live(_ html: String, base: String, version: String, changedAt: Date?, links: [(title: String, href: String)]) -> String {
        let head = "<base href=\"\(Markup.escape(base))\">\n" + Self.icon + "<style>\n\(LiveUpdate.style)\n</style>\n"
        let changed = changedAt.map { "last change " + Self.time($0) } ?? "no trials yet"
        let bar = """
            <div class="hpo-bar">
            <span id="hpo-status" class="hpo-status hpo-off" role="status">not live</span>
            <span id="hpo-changed">\(changed)</span>
            <span id="hpo-updated"></span>
            <span class="hpo-links">\(links.map { "<a href=\"\(Markup.escape($0.href))\">\(Markup.escape($0.title))</a>" }.joined(separator: " "))</span>
            </div>
            <div id="hpo-live" data-version="\(Markup.escape(version))" data-events="events">

            """
        let end = "</div>\n<script>\n\(LiveUpdate.script)\n</script>\n"
        return Self.insert(html, head: head, bodyStart: bar, bodyEnd: end)
    }

    /// `html` with `head` added at the end of its head, `bodyStart` at the start of its body and
    /// `bodyEnd` at the end of its body.
    private static func insert(_ html: String, head: String, bodyStart: String = "", bodyEnd: String = "") -> String {
        var html = html
        if let range = html.range(of: "</head>") { html.insert(contentsOf: head, at: range.lowerBound) }
        if let range = html.range(of: "<body>\n") { html.insert(contentsOf: bodyStart, at: range.upperBound) }
        if let range = html.range(of: "</body>", options: .backwards) { html.insert(contentsOf: bodyEnd, at: range.lowerBound) }
        return html
    }

    /// A `<time>` element for `date` (in UTC; the script shows it in local time), or `none`.
    private static func time(_ date: Date?) -> String {
        guard let date else { return "none" }
        let iso = date.formatted(.iso8601)
        return "<time datetime=\"\(iso)\">\(iso)</time>"
    }
}
