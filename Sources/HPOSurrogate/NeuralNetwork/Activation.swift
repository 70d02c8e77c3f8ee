/// The nonlinearity of a network's hidden layers.
public enum Activation: String, Hashable, Sendable, Codable, CaseIterable {
    /// The hyperbolic tangent (the DNGO paper's and pybnn's choice).
    case tanh
    /// The rectified linear unit, max(0, x).
    case relu

    /// Applies the activation in place to `count` values.
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .tanh: VectorMath.tanh(values, count: count)
        case .relu: for i in 0..<count { values[i] = max(values[i], 0) }
        }
    }

    /// Multiplies `gradients` in place by the activation's derivative, expressed through the
    /// activation's outputs `outputs` (tanh' = 1 - tanh^2; relu' = 1 where the output is positive).
    func multiplyByDerivative(
        _ gradients: UnsafeMutablePointer<Float>, outputs: UnsafePointer<Float>, count: Int
    ) {
        switch self {
        case .tanh: for i in 0..<count { gradients[i] *= 1 - outputs[i] * outputs[i] }
        case .relu: for i in 0..<count where outputs[i] <= 0 { gradients[i] = 0 }
        }
    }
}
