/// A rendered figure: its file name, its SVG and the caption the page shows under it.
public struct Figure: Hashable, Sendable {
    /// The file name, e.g. `random-regret.svg`.
    public var fileName: String
    /// The standalone SVG document.
    public var svg: String
    /// What the figure shows, in a sentence or two.
    public var caption: String
}
