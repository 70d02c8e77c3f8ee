import HPOSpace

/// How numbers print in the HTML tables.
enum HTMLFormat {
    /// Three significant digits (`0` for zero), e.g. `0.00312`.
    static func number(_ x: Double) -> String {
        x == 0 ? "0" : x.significant(3)
    }

    /// A share as a percentage with its count, e.g. `12% (6 of 50)`.
    static func share(_ fraction: Double, of count: Int) -> String {
        let k = Int((fraction * Double(count)).rounded())
        return "\(Int((fraction * 100).rounded()))% (\(k) of \(count))"
    }
}
