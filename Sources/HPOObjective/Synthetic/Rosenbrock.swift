import HPOSpace

extension SyntheticFunction {
    /// The Rosenbrock function `Σᵢ 100 (zᵢ₊₁ - zᵢ²)² + (1 - zᵢ)²`: global minimum 0 at z = 1, at
    /// the end of a long curved valley (Rosenbrock 1960; Surjanovic & Bingham, Virtual Library of
    /// Simulation Experiments).
    static func rosenbrockValue(_ z: [Double]) -> Double {
        var total = 0.0
        for i in 0..<(z.count - 1) {
            let valley = z[i + 1] - z[i] * z[i], offset = 1 - z[i]
            total += 100 * valley * valley + offset * offset
        }
        return total
    }

    /// Rosenbrock over [-5, 10]^`dimension`: global minimum 0 at (1, ..., 1).
    public static func rosenbrock(dimension: Int) -> SyntheticFunction {
        SyntheticFunction(
            name: "rosenbrock-\(dimension)", summary: "Rosenbrock, \(dimension) reals in [-5, 10], a curved valley",
            space: box(dimension, -5, 10), optimum: 0,
            optimalConfiguration: Configuration(Array(repeating: 1, count: dimension)), noise: 10, function: rosenbrockValue)
    }

    /// Rosenbrock on an integer grid: 4 integers in -10 ... 20, each scaled by 1/5 (z = x/5 in
    /// [-2, 4]). Global minimum 0 at x = (5, 5, 5, 5).
    public static let rosenbrockInteger = SyntheticFunction(
        name: "rosenbrock-integer", summary: "Rosenbrock on a grid, 4 integers in -10...20 (z = x/5)",
        space: integerBox(4, -10, 20), optimum: 0, optimalConfiguration: Configuration([5, 5, 5, 5]), noise: 10
    ) { x in rosenbrockValue(x.map { $0 / 5 }) }
}
