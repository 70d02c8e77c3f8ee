import Foundation
import HPOSpace

extension SyntheticFunction {
    /// The Levy function, with wᵢ = 1 + (zᵢ - 1)/4:
    /// `sin²(πw₁) + Σᵢ₌₁^{d-1} (wᵢ - 1)² (1 + 10 sin²(πwᵢ + 1)) + (w_d - 1)² (1 + sin²(2πw_d))`.
    /// Global minimum 0 at z = 1 (Laguna & Martí 2005; Surjanovic & Bingham, Virtual Library of
    /// Simulation Experiments).
    static func levyValue(_ z: [Double]) -> Double {
        let w = z.map { 1 + ($0 - 1) / 4 }
        func square(_ v: Double) -> Double { v * v }
        var total = square(sin(Double.pi * w[0]))
        for i in 0..<(w.count - 1) {
            total += square(w[i] - 1) * (1 + 10 * square(sin(Double.pi * w[i] + 1)))
        }
        let last = w[w.count - 1]
        return total + square(last - 1) * (1 + square(sin(2 * Double.pi * last)))
    }

    /// Levy over [-10, 10]^`dimension`: global minimum 0 at (1, ..., 1).
    public static func levy(dimension: Int) -> SyntheticFunction {
        SyntheticFunction(
            name: "levy-\(dimension)", summary: "Levy, \(dimension) reals in [-10, 10], multimodal",
            space: box(dimension, -10, 10), optimum: 0,
            optimalConfiguration: Configuration(Array(repeating: 1, count: dimension)), noise: 1, function: levyValue)
    }

    /// The shift and the penalty of each choice a ... d of ``levyMixed``'s `variant`.
    static let levyMixedVariants: [(shift: Double, penalty: Double)] = [(2, 0.5), (-1, 0), (0.5, 1), (-3, 0.25)]

    /// Levy over a categorical, an integer and 3 real parameters, after the mixed test problems
    /// with categorical offsets of the mixed-variable BO literature (e.g. CoCaBO, Ru et al. 2020):
    /// `levy(x + s) + p + 0.1 (layers - 3)²`, where the `variant` a ... d has shift s and penalty p
    /// of ``levyMixedVariants``, `layers` is in 1 ... 8 and `x1 ... x3` are in [-10, 10]. Global
    /// minimum 0 at variant = b, layers = 3, x = (2, 2, 2).
    public static let levyMixed = SyntheticFunction(
        name: "levy-mixed", summary: "Levy, 1 categorical (4 offsets) + 1 integer + 3 reals in [-10, 10]",
        space: space {
            [try .categorical("variant", ["a", "b", "c", "d"]), try .integer("layers", 1, 8),
             try .real("x1", -10, 10), try .real("x2", -10, 10), try .real("x3", -10, 10)]
        },
        optimum: 0, optimalConfiguration: Configuration([1, 3, 2, 2, 2]), noise: 1
    ) { x in
        let variant = levyMixedVariants[Int(x[0])]
        let layers = x[1] - 3
        return levyValue(x[2...].map { $0 + variant.shift }) + variant.penalty + 0.1 * layers * layers
    }

    /// The values the choices a ... f of ``levyCategorical``'s parameter `x(i+1)` stand for: the
    /// list (-4, -1, 1, 2.5, 4, 7) rotated left by `i`, so the optimal choice differs between
    /// parameters and the choices' order says nothing about their values.
    static func levyCategoricalLevel(parameter i: Int, choice k: Int) -> Double {
        let levels: [Double] = [-4, -1, 1, 2.5, 4, 7]
        return levels[(k + i) % levels.count]
    }

    /// Levy over 8 categorical parameters with 6 choices a ... f each, standing for the values of
    /// ``levyCategoricalLevel(parameter:choice:)``: a purely categorical problem with a known
    /// optimum. Global minimum 0 where every parameter takes the choice that stands for 1: c, b,
    /// a, f, e, d, c, b.
    public static let levyCategorical = SyntheticFunction(
        name: "levy-categorical", summary: "Levy, 8 categorical parameters with 6 choices each (1,679,616 configurations)",
        space: space { try (1...8).map { try .categorical("x\($0)", ["a", "b", "c", "d", "e", "f"]) } },
        optimum: 0, optimalConfiguration: Configuration((0..<8).map { Double((2 - $0 + 12) % 6) }), noise: 1
    ) { x in levyValue(x.indices.map { levyCategoricalLevel(parameter: $0, choice: Int(x[$0])) }) }
}
