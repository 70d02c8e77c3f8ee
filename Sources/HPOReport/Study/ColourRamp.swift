import Foundation

/// A sequential colour ramp for losses, dark blue (low, good) through green to yellow (high),
/// close to viridis and readable in grey print.
enum ColourRamp {
    private static let stops: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// The colour at `t` in [0, 1], as `#rrggbb`.
    static func colour(_ t: Double) -> String {
        let t = t.isFinite ? min(max(t, 0), 1) : 0
        let position = t * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        let f = position - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}
