/// A strictly increasing piecewise-linear map through knots, extended beyond them by the slope of
/// the outermost segments (slope 1 when there is one knot), so it maps every real number and can
/// be inverted exactly.
public struct MonotoneInterpolation: Hashable, Sendable, Codable {
    /// The knots' inputs, strictly increasing.
    public let inputs: [Double]
    /// The knots' outputs, strictly increasing.
    public let outputs: [Double]

    /// The map through `(inputs[i], outputs[i])`. Both must be non-empty, of equal length and
    /// strictly increasing (the caller's invariant; checked by a precondition).
    public init(inputs: [Double], outputs: [Double]) {
        precondition(!inputs.isEmpty && inputs.count == outputs.count, "knots need equal, non-zero counts")
        precondition(zip(inputs, inputs.dropFirst()).allSatisfy(<) && zip(outputs, outputs.dropFirst()).allSatisfy(<),
                     "knots must be strictly increasing")
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The image of `x`.
    public func apply(_ x: Double) -> Double { Self.interpolate(x, from: inputs, to: outputs) }

    /// The input whose image is `y`.
    public func inverse(_ y: Double) -> Double { Self.interpolate(y, from: outputs, to: inputs) }

    private static func interpolate(_ x: Double, from xs: [Double], to ys: [Double]) -> Double {
        let count = xs.count
        guard count > 1 else { return ys[0] + (x - xs[0]) }
        // The segment [xs[low], xs[low + 1]] that holds x, or the outermost one.
        var low = 0
        var high = count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if xs[middle] <= x { low = middle } else { high = middle }
        }
        let slope = (ys[high] - ys[low]) / (xs[high] - xs[low])
        return ys[low] + slope * (x - xs[low])
    }
}
