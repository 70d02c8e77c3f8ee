import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the tests check of a page as a browser would load it.
enum PageChecks {
    /// The inline SVG documents of a page, `<svg` to `</svg>`, each parsed on its own by
    /// Foundation's XML parser.
    static func wellFormedSVGs(in html: String) -> (count: Int, malformed: Int) {
        let svg = try! NSRegularExpression(pattern: "<svg\\b.*?</svg>", options: [.dotMatchesLineSeparators])
        let documents = svg.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { Range($0.range, in: html) }
        return (documents.count, documents.filter { !XMLParser(data: Data(html[$0].utf8)).parse() }.count)
    }

    /// The references in `html` to anything on another host: `http://`, `https://` or `//`
    /// anywhere (the SVG namespace name, an identifier, aside), and `src`, `href` or `action`
    /// values other than data URIs, fragments and addresses on the page's own host.
    static func externalReferences(in html: String) -> [String] {
        let text = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        var found = ["http://", "https://", "//", "url(", "@import"].filter { text.contains($0) }
        let attribute = try! NSRegularExpression(pattern: "(src|href|action)\\s*=\\s*[\"']([^\"']*)[\"']", options: [.caseInsensitive])
        for match in attribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let nameRange = Range(match.range(at: 1), in: text), let valueRange = Range(match.range(at: 2), in: text) else { continue }
            let (name, value) = (text[nameRange].lowercased(), String(text[valueRange]))
            let ownHost = value.hasPrefix("#") || (value.hasPrefix("/") && !value.hasPrefix("//")) || !value.contains(":")
            let allowed = name == "src" ? value.hasPrefix("data:") : value.hasPrefix("data:") || ownHost
            if !allowed { found.append("\(name)=\(value)") }
        }
        return found
    }
}
