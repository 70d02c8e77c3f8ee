import Foundation
import HPOSpace

extension SyntheticFunction {
    /// The 3-dimensional Hartmann function over [0, 1]³: `-Σᵢ αᵢ exp(-Σⱼ Aᵢⱼ (xⱼ - Pᵢⱼ)²)`.
    ///
    /// Global minimum -3.86278214782076 at (0.114614, 0.555649, 0.852547) (Dixon & Szegő 1978;
    /// Surjanovic & Bingham, Virtual Library of Simulation Experiments).
    public static let hartmann3 = hartmann(
        name: "hartmann3", a: [[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]],
        p: [[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]],
        optimum: -3.86278214782076, at: [0.114614, 0.555649, 0.852547])

    /// The 6-dimensional Hartmann function over [0, 1]⁶.
    ///
    /// Global minimum -3.32236801141551 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652,
    /// 0.6573) (Dixon & Szegő 1978; Surjanovic & Bingham, Virtual Library of Simulation Experiments).
    public static let hartmann6 = hartmann(
        name: "hartmann6",
        a: [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]],
        p: [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
            [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]],
        optimum: -3.32236801141551, at: [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573])

    /// A Hartmann function with weights α = (1, 1.2, 3, 3.2), the matrix `a` and the centres
    /// `p` × 10⁻⁴.
    private static func hartmann(name: String, a: [[Double]], p: [[Double]], optimum: Double, at optimal: [Double]) -> SyntheticFunction {
        let alpha = [1.0, 1.2, 3.0, 3.2]
        let dimension = optimal.count
        return SyntheticFunction(
            name: name, summary: "Hartmann, \(dimension) reals in [0, 1], 4 local minima",
            space: box(dimension, 0, 1), optimum: optimum, optimalConfiguration: Configuration(optimal), noise: 0.1
        ) { x in
            var total = 0.0
            for i in 0..<4 {
                var exponent = 0.0
                for j in 0..<dimension {
                    let d = x[j] - p[i][j] * 1e-4
                    exponent += a[i][j] * d * d
                }
                total -= alpha[i] * exp(-exponent)
            }
            return total
        }
    }
}
