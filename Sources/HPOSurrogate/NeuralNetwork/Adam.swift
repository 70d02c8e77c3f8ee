import RealModule

/// The Adam optimizer (Kingma and Ba 2015) with bias-corrected moment estimates, as PyTorch
/// implements it: `p -= lr * m_hat / (sqrt(v_hat) + epsilon)`.
public struct Adam: Sendable {
    /// The number type of the parameters.
    public typealias Scalar = Float

    /// The step size.
    public var learningRate: Scalar
    /// Decay of the first-moment estimate.
    public var beta1: Scalar = 0.9
    /// Decay of the second-moment estimate.
    public var beta2: Scalar = 0.999
    /// Added to the root of the second moment to keep steps finite.
    public var epsilon: Scalar = 1e-8
    /// The number of steps taken.
    public private(set) var steps = 0
    private var firstMoment: [Scalar]
    private var secondMoment: [Scalar]

    /// An optimizer for `parameterCount` parameters with fresh (zero) moment estimates.
    public init(parameterCount: Int, learningRate: Scalar) {
        self.learningRate = learningRate
        firstMoment = [Scalar](repeating: 0, count: parameterCount)
        secondMoment = firstMoment
    }

    /// Takes one step against `gradient`.
    public mutating func step(_ parameters: inout [Scalar], gradient: UnsafePointer<Scalar>) {
        precondition(parameters.count == firstMoment.count, "Adam was made for \(firstMoment.count) parameters, not \(parameters.count)")
        steps += 1
        let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
        let stepSize = learningRate / (1 - Float.pow(beta1, steps))
        let rootCorrection = 1 / (1 - Float.pow(beta2, steps)).squareRoot()
        let count = parameters.count
        parameters.withUnsafeMutableBufferPointer { p in
            firstMoment.withUnsafeMutableBufferPointer { m in
                secondMoment.withUnsafeMutableBufferPointer { v in
                    let (p, m, v) = (p.baseAddress!, m.baseAddress!, v.baseAddress!)
                    var i = 0
                    while i + 4 <= count {
                        let g = VectorMath.load(gradient + i)
                        let first = beta1 * VectorMath.load(m + i) + (1 - beta1) * g
                        let second = beta2 * VectorMath.load(v + i) + (1 - beta2) * g * g
                        VectorMath.store(first, m + i)
                        VectorMath.store(second, v + i)
                        VectorMath.store(VectorMath.load(p + i) - stepSize * first / (second.squareRoot() * rootCorrection + epsilon), p + i)
                        i += 4
                    }
                    while i < count {
                        let g = gradient[i]
                        m[i] = beta1 * m[i] + (1 - beta1) * g
                        v[i] = beta2 * v[i] + (1 - beta2) * g * g
                        p[i] -= stepSize * m[i] / (v[i].squareRoot() * rootCorrection + epsilon)
                        i += 1
                    }
                }
            }
        }
    }
}
