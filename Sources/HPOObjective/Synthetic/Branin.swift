import Foundation
import HPOSpace

extension SyntheticFunction {
    /// The Branin (Branin-Hoo) function over x1 in [-5, 10], x2 in [0, 15]:
    /// `(x2 - 5.1 x1²/(4π²) + 5 x1/π - 6)² + 10 (1 - 1/(8π)) cos x1 + 10`.
    ///
    /// Global minimum 0.397887357729739 (= 5/(4π)) at (-π, 12.275), (π, 2.275) and (9.42478, 2.475)
    /// (Dixon & Szegő 1978; Surjanovic & Bingham, Virtual Library of Simulation Experiments).
    public static let branin = SyntheticFunction(
        name: "branin", summary: "Branin-Hoo, 2 reals, 3 global minima",
        space: space { [try .real("x1", -5, 10), try .real("x2", 0, 15)] },
        optimum: 0.397887357729739, optimalConfiguration: Configuration([Double.pi, 2.275]), noise: 1
    ) { x in
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        let inner = x[1] - b * x[0] * x[0] + c * x[0] - 6
        return inner * inner + 10 * (1 - t) * cos(x[0]) + 10
    }
}
