import Foundation
import HPORandom

/// A Parzen estimator (kernel density estimate) over one or more parameters, the density l(x) or
/// g(x) of the tree-structured Parzen estimator: a weighted mixture with one kernel per
/// observation plus a prior kernel, each kernel a product over the parameters (one joint kernel per
/// observation, as Optuna's multivariate TPE).
///
/// On a numeric parameter a kernel is a ``TruncatedNormal`` on the parameter's ``NumericScale``
/// centred at the observation, its width by ``ParzenBandwidth``; the prior's is centred on the
/// range and as wide as the range. A discrete scale gives each value the kernel's mass over the
/// interval it owns. On a categorical parameter the kernels are a ``CategoricalEstimator``'s.
/// Densities are taken on the kernel scale (the logarithm of a log range), with respect to the
/// counting measure on discrete parameters.
public struct ParzenEstimator: Sendable {
    /// The kernels of one parameter.
    private enum Kernels: Sendable {
        case numeric(NumericScale, [TruncatedNormal])
        case categorical(CategoricalEstimator)
    }

    /// The parameters, in the order of a point's values.
    public let domains: [KernelDomain]
    /// The logarithm of each kernel's weight (normalized): the observations' in order, then the prior's.
    public let logWeights: [Double]
    private let cumulativeWeights: [Double]
    private let kernels: [Kernels]

    /// The estimator of `points` (internal values in the order of `domains`) weighted by
    /// `weights` (one non-negative weight per point, not all zero), with a prior kernel of weight
    /// `priorWeight` relative to them; without points it is the prior alone.
    public init(
        points: [[Double]], weights: [Double], domains: [KernelDomain], priorWeight: Double,
        bandwidth: ParzenBandwidth = ParzenBandwidth()
    ) {
        precondition(points.count == weights.count, "one weight per point")
        self.domains = domains
        let raw = points.isEmpty ? [1] : weights + [priorWeight]
        let total = raw.reduce(0, +)
        logWeights = raw.map { Foundation.log($0 / total) }
        var sum = 0.0
        cumulativeWeights = raw.map { sum += $0 / total; return sum }
        kernels = domains.indices.map { d in
            let values = points.map { $0[d] }
            switch domains[d] {
            case .categorical(let count):
                return .categorical(CategoricalEstimator(observations: values.map { Int($0) }, count: count, priorWeight: priorWeight))
            case .numeric(let scale):
                let (lower, upper) = (scale.lower, scale.upper)
                let centres = values.map(scale.transform) + [(lower + upper) / 2]
                let widths = bandwidth.bandwidths(of: Array(centres.dropLast()), lower: lower, upper: upper) + [upper - lower]
                return .numeric(scale, zip(centres, widths).map {
                    TruncatedNormal(mean: $0, standardDeviation: $1, lower: lower, upper: upper)
                })
            }
        }
    }

    /// The number of kernels: one per point and the prior's.
    public var kernelCount: Int { logWeights.count }

    /// The log density at `point` (internal values in the order of ``domains``).
    public func logDensity(at point: [Double]) -> Double {
        var terms = logWeights
        for (d, kernels) in kernels.enumerated() {
            let x = point[d]
            switch kernels {
            case .categorical(let estimator):
                let choice = Int(x)
                for k in terms.indices { terms[k] += estimator.logProbabilities[k][choice] }
            case .numeric(let scale, let normals):
                if scale.discrete {
                    let (a, b) = scale.interval(of: x)
                    for k in terms.indices { terms[k] += normals[k].logMass(from: a, to: b) }
                } else {
                    let t = scale.transform(x)
                    for k in terms.indices { terms[k] += normals[k].logPDF(t) }
                }
            }
        }
        let largest = terms.max() ?? -.infinity
        guard largest > -.infinity else { return -.infinity }
        return largest + Foundation.log(terms.reduce(0) { $0 + exp($1 - largest) })
    }

    /// A point drawn from the mixture: a kernel by weight, then each parameter from that kernel.
    public func sample(using generator: inout SeededGenerator) -> [Double] {
        let u = generator.nextUniform()
        let k = cumulativeWeights.firstIndex { u < $0 } ?? cumulativeWeights.count - 1
        return kernels.map { kernels in
            switch kernels {
            case .categorical(let estimator):
                Double(estimator.sample(kernel: k, using: &generator))
            case .numeric(let scale, let normals):
                scale.value(at: normals[k].sample(using: &generator))
            }
        }
    }
}
