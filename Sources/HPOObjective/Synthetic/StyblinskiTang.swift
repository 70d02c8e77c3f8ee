import HPOSpace

extension SyntheticFunction {
    /// The root of 4x³ - 32x + 5 in [-5, 5] at which each coordinate of Styblinski-Tang is minimal.
    static let styblinskiTangMinimizer = -2.9035340277711783

    /// Styblinski-Tang over [-5, 5]^`dimension`: `Σᵢ (xᵢ⁴ - 16xᵢ² + 5xᵢ) / 2`. Global minimum
    /// -39.16616570377142 × d at xᵢ = -2.903534027771178 (Styblinski & Tang 1990; Surjanovic &
    /// Bingham, Virtual Library of Simulation Experiments).
    public static func styblinskiTang(dimension: Int) -> SyntheticFunction {
        SyntheticFunction(
            name: "styblinski-tang-\(dimension)", summary: "Styblinski-Tang, \(dimension) reals in [-5, 5], 2^d local minima",
            space: box(dimension, -5, 5), optimum: -39.16616570377142 * Double(dimension),
            optimalConfiguration: Configuration(Array(repeating: styblinskiTangMinimizer, count: dimension)), noise: 5
        ) { x in
            x.reduce(0) { $0 + ($1 * $1 * $1 * $1 - 16 * $1 * $1 + 5 * $1) / 2 }
        }
    }
}
