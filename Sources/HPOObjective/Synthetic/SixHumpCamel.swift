import HPOSpace

extension SyntheticFunction {
    /// The six-hump camel function over x1 in [-3, 3], x2 in [-2, 2]:
    /// `(4 - 2.1 x1² + x1⁴/3) x1² + x1 x2 + (-4 + 4 x2²) x2²`.
    ///
    /// Global minimum -1.031628453489877 at (0.0898420136830, -0.7126564032704) and its mirror
    /// image (Dixon & Szegő 1978; Surjanovic & Bingham, Virtual Library of Simulation Experiments).
    public static let sixHumpCamel = SyntheticFunction(
        name: "six-hump-camel", summary: "six-hump camel, 2 reals, 6 local minima of which 2 global",
        space: space { [try .real("x1", -3, 3), try .real("x2", -2, 2)] },
        optimum: -1.031628453489877, optimalConfiguration: Configuration([0.0898420136830, -0.7126564032704]), noise: 0.1
    ) { x in
        let a = x[0] * x[0], b = x[1] * x[1]
        return (4 - 2.1 * a + a * a / 3) * a + x[0] * x[1] + (-4 + 4 * b) * b
    }
}
