import Foundation

/// Text escaping and number formatting shared by the SVG and HTML writers (and by pages made
/// elsewhere, such as the dashboard's).
public enum Markup {
    /// `text` with the five XML special characters escaped, safe in element text and attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate with one decimal, as SVG attributes use it (`-0.0` printed as `0.0`);
    /// integer arithmetic, as plots print many thousands of them.
    static func coordinate(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return "0.0" }
        let tenths = Int((x * 10).rounded())
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
