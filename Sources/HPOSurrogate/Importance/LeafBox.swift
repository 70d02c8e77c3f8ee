/// One leaf of a regression tree as a box of the space: per parameter the set of values (finite
/// parameters) or the interval of positions (continuous ones, see ``ParameterMeasure``) that
/// reach it, and the leaf's prediction.
struct LeafBox: Sendable {
    /// The extent of a box along one parameter.
    enum Extent: Sendable {
        /// The value indices whose bit is set (bit `i % 64` of word `i / 64`).
        case values([UInt64])
        /// The positions in `low ... high` of [0, 1].
        case interval(low: Double, high: Double)
    }

    /// The extent along each parameter.
    var extents: [Extent]
    /// The leaf's mean target.
    var value: Double
}
