/// The Okabe-Ito palette (Okabe and Ito 2008): colours that stay distinct for the common forms
/// of colour blindness, in the order series get them, each with its own dash pattern so the
/// lines stay apart in grey print too.
public enum Palette {
    /// Blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow.
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]

    /// Solid, dashed, dotted, dash-dot, ... (SVG `stroke-dasharray` values; `nil` is solid).
    public static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3", "4 2", "12 4", nil, "7 4"]

    /// The colour of series `index`.
    public static func colour(_ index: Int) -> String { colours[index % colours.count] }

    /// The dash pattern of series `index`.
    public static func dash(_ index: Int) -> String? { dashes[index % dashes.count] }
}
