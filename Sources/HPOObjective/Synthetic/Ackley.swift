import Foundation
import HPOSpace

extension SyntheticFunction {
    /// The Ackley function `-20 exp(-0.2 √(mean zᵢ²)) - exp(mean cos 2πzᵢ) + 20 + e`: global
    /// minimum 0 at z = 0, many regular local minima (Ackley 1987; Surjanovic & Bingham, Virtual
    /// Library of Simulation Experiments).
    static func ackleyValue(_ z: [Double]) -> Double {
        let n = Double(z.count)
        let squares = z.reduce(0) { $0 + $1 * $1 }
        let cosines = z.reduce(0) { $0 + cos(2 * Double.pi * $1) }
        return -20 * exp(-0.2 * (squares / n).squareRoot()) - exp(cosines / n) + 20 + exp(1)
    }

    /// Ackley over [-32.768, 32.768]^`dimension`: global minimum 0 at the origin.
    public static func ackley(dimension: Int) -> SyntheticFunction {
        SyntheticFunction(
            name: "ackley-\(dimension)", summary: "Ackley, \(dimension) reals in [-32.768, 32.768], highly multimodal",
            space: box(dimension, -32.768, 32.768), optimum: 0,
            optimalConfiguration: Configuration(Array(repeating: 0, count: dimension)), noise: 0.5, function: ackleyValue)
    }

    /// Ackley on an integer grid: 5 integers in -16 ... 16, each scaled by 1/4 (z = x/4 in
    /// [-4, 4], so the grid meets the cosine term's minima and maxima). Global minimum 0 at x = 0.
    public static let ackleyInteger = SyntheticFunction(
        name: "ackley-integer", summary: "Ackley on a grid, 5 integers in -16...16 (z = x/4)",
        space: integerBox(5, -16, 16), optimum: 0, optimalConfiguration: Configuration([0, 0, 0, 0, 0]), noise: 0.5
    ) { x in ackleyValue(x.map { $0 / 4 }) }

    /// The values the choices a ... e of the categorical parameters of ``ackleyMixed`` stand for:
    /// `c1` maps a...e to (1, -2, 2, 0, -1), `c2` to (-2, 2, 0, -1, 1); the order of the choices
    /// says nothing about their values.
    static let ackleyMixedLevels: [[Double]] = [[1, -2, 2, 0, -1], [-2, 2, 0, -1, 1]]

    /// Ackley over 2 categorical and 3 real parameters, after the mixed Ackley problems of CoCaBO
    /// (Ru et al., ICML 2020) and CASMOPOLITAN (Wan et al., ICML 2021): `c1`, `c2` have 5 choices
    /// standing for the values of ``ackleyMixedLevels``, `x1 ... x3` are in [-5, 5]. Global minimum 0
    /// at c1 = d, c2 = c, x = 0.
    public static let ackleyMixed = SyntheticFunction(
        name: "ackley-mixed", summary: "Ackley, 2 categorical (5 choices) + 3 reals in [-5, 5] (after CoCaBO's Ackley-cC)",
        space: space {
            let choices = ["a", "b", "c", "d", "e"]
            return [try .categorical("c1", choices), try .categorical("c2", choices),
                    try .real("x1", -5, 5), try .real("x2", -5, 5), try .real("x3", -5, 5)]
        },
        optimum: 0, optimalConfiguration: Configuration([3, 2, 0, 0, 0]), noise: 0.5
    ) { x in
        ackleyValue([ackleyMixedLevels[0][Int(x[0])], ackleyMixedLevels[1][Int(x[1])], x[2], x[3], x[4]])
    }
}
