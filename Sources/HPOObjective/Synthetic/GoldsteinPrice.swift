import HPOSpace

extension SyntheticFunction {
    /// The Goldstein-Price function over [-2, 2]²: global minimum 3 at (0, -1), a narrow basin on
    /// values up to about 10⁶ (Goldstein & Price 1971; Surjanovic & Bingham, Virtual Library of
    /// Simulation Experiments).
    public static let goldsteinPrice = SyntheticFunction(
        name: "goldstein-price", summary: "Goldstein-Price, 2 reals in [-2, 2], values over 6 decades",
        space: box(2, -2, 2), optimum: 3, optimalConfiguration: Configuration([0, -1]), noise: 5
    ) { x in
        let (a, b) = (x[0], x[1])
        let s = a + b + 1, d = 2 * a - 3 * b
        let first = 1 + s * s * (19 - 14 * a + 3 * a * a - 14 * b + 6 * a * b + 3 * b * b)
        let second = 30 + d * d * (18 - 32 * a + 12 * a * a + 48 * b - 36 * a * b + 27 * b * b)
        return first * second
    }
}
