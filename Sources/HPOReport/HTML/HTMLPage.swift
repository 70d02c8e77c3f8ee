/// A self-contained HTML page: inline CSS and SVG, no script, nothing fetched from a network.
public struct HTMLPage: Sendable {
    /// A piece of the page's body.
    public enum Block: Sendable {
        /// A heading of `level` 2 or 3 with an anchor id.
        case heading(level: Int, text: String, id: String)
        /// A paragraph; `html` is already markup.
        case paragraph(html: String)
        /// Figures side by side (wrapping on narrow screens), each with a caption and a link to
        /// its own SVG file (relative to the page, or `nil`).
        case figures([(figure: Figure, link: String?)])
        /// A table with a caption; `html` is a complete `<table>`.
        case table(caption: String, html: String, links: [(title: String, href: String)])
    }

    /// The page's title and top heading.
    public var title: String
    /// The body, in order.
    public var blocks: [Block]

    /// A page titled `title` with `blocks`.
    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }

    static let style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; max-width: 1180px; padding: 16px 24px 48px; line-height: 1.45; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
        h3 { font-size: 1.1em; margin-top: 1.6em; }
        p, figcaption, .caption { max-width: 60em; }
        .figures { display: flex; flex-wrap: wrap; gap: 16px; }
        figure { margin: 0 0 12px 0; flex: 1 1 520px; max-width: 620px; }
        figure svg { width: 100%; height: auto; display: block; border: 1px solid #eee; }
        figcaption { font-size: 0.86em; color: #444; margin-top: 4px; }
        table { border-collapse: collapse; font-size: 0.88em; margin: 8px 0 4px 0; }
        th, td { border: 1px solid #d4d4d4; padding: 3px 8px; }
        thead th { background: #f2f2f2; vertical-align: bottom; }
        table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }
        tbody th { text-align: left; font-weight: normal; background: #fafafa; }
        tr.group td, tr.group th { border-top: 2px solid #999; }
        td.differs { background: #fff3d6; }
        .caption { font-size: 0.86em; color: #444; margin-bottom: 1.2em; }
        code { background: #f4f4f4; padding: 0 3px; white-space: nowrap; }
        a { color: #0a5fa4; }
        """

    /// The page as HTML.
    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Markup.escape(title))</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <h1>\(Markup.escape(title))</h1>

            """
        for block in blocks {
            switch block {
            case .heading(let level, let text, let id):
                let level = min(max(level, 2), 4)
                out += "<h\(level) id=\"\(Markup.escape(id))\">\(Markup.escape(text))</h\(level)>\n"
            case .paragraph(let html):
                out += "<p>\(html)</p>\n"
            case .figures(let figures):
                out += "<div class=\"figures\">\n"
                for (figure, link) in figures {
                    out += "<figure>\n" + Self.inline(figure.svg) + "<figcaption>" + Markup.escape(figure.caption)
                    if let link { out += " <a href=\"\(Markup.escape(link))\">SVG</a>" }
                    out += "</figcaption>\n</figure>\n"
                }
                out += "</div>\n"
            case .table(let caption, let html, let links):
                out += html
                out += "<div class=\"caption\">\(Markup.escape(caption))"
                for link in links { out += " <a href=\"\(Markup.escape(link.href))\">\(Markup.escape(link.title))</a>" }
                out += "</div>\n"
            }
        }
        return out + "</body>\n</html>\n"
    }

    /// An SVG document as inline markup (without its XML prolog, if any).
    static func inline(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...]).drop { $0 == "\n" } + ""
    }
}
