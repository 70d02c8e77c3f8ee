import RealModule

/// Which ``TargetTransform`` a surrogate fits to its observations: the setting behind the scale
/// of its predictions.
public enum TargetScale: Hashable, Sendable, Codable {
    /// The values as observed.
    case identity
    /// The logarithm (``TargetTransform/logarithm(fittedTo:)``), as SMAC does.
    case logarithm
    /// The logarithm with every log value above `median + interquartileRanges * IQR` of the
    /// observations' log values set to that cap, so the surrogate spends no effort on how bad
    /// the bad configurations are.
    case cappedLogarithm(interquartileRanges: Double)
    /// The Box-Cox power transform with the exponent of maximum likelihood in [-2, 2], as HEBO
    /// does, on the values shifted as for the logarithm.
    case boxCox
    /// The Gaussian copula of the ranks (``TargetTransform/copula(_:)``), as HEBO and copula
    /// Bayesian optimization do: only the order of the observations matters.
    case copula

    /// The transform of this kind fitted to `values` (which should be finite).
    public func transform(fittedTo values: [Double]) -> TargetTransform {
        switch self {
        case .identity: .identity
        case .logarithm: .logarithm(fittedTo: values)
        case .cappedLogarithm(let interquartileRanges): Self.cappedLogarithm(fittedTo: values, interquartileRanges: interquartileRanges)
        case .boxCox: Self.boxCox(fittedTo: values)
        case .copula: Self.copula(fittedTo: values)
        }
    }

    /// Throws ``SurrogateError/invalidSetting(name:value:valid:)`` when the cap's multiple of the
    /// interquartile range is negative or not finite.
    public func validate() throws {
        if case .cappedLogarithm(let multiple) = self, !(multiple >= 0 && multiple.isFinite) {
            throw SurrogateError.invalidSetting(
                name: "cap of the log targets", value: "\(multiple) interquartile ranges", valid: "a finite non-negative number of interquartile ranges")
        }
    }

    private static func cappedLogarithm(fittedTo values: [Double], interquartileRanges: Double) -> TargetTransform {
        let shift = TargetTransform.logarithmShift(values)
        let logs = values.map { TargetTransform.logarithm($0 - shift) }.sorted()
        guard !logs.isEmpty else { return .logarithm(shift: shift) }
        // Quartiles as order statistics: the lower one at rank floor((n - 1) / 4), and so on.
        let last = logs.count - 1
        let median = (logs[last / 2] + logs[(last + 1) / 2]) / 2
        let range = logs[last - last / 4] - logs[last / 4]
        return .cappedLogarithm(shift: shift, cap: median + interquartileRanges * range)
    }

    private static func boxCox(fittedTo values: [Double]) -> TargetTransform {
        let shift = TargetTransform.logarithmShift(values)
        let logs = values.map { TargetTransform.logarithm($0 - shift) }
        guard logs.count > 1 else { return .boxCox(lambda: 0, shift: shift) }
        let sumOfLogs = logs.reduce(0, +)
        // The profile log-likelihood of lambda (up to a constant): the transformed values are
        // normal with the maximum-likelihood variance, plus the log Jacobian.
        func likelihood(_ lambda: Double) -> Double {
            let transformed = logs.map { lambda == 0 ? $0 : Double.expMinusOne(lambda * $0) / lambda }
            let mean = transformed.reduce(0, +) / Double(transformed.count)
            let variance = transformed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(transformed.count)
            guard variance > 0 else { return -.infinity }
            return -0.5 * Double(logs.count) * Double.log(variance) + (lambda - 1) * sumOfLogs
        }
        return .boxCox(lambda: goldenSectionMaximum(of: likelihood, in: -2...2), shift: shift)
    }

    /// The maximum of a unimodal function on `interval`, to 1e-6.
    private static func goldenSectionMaximum(of function: (Double) -> Double, in interval: ClosedRange<Double>) -> Double {
        let ratio = (5.0.squareRoot() - 1) / 2
        var low = interval.lowerBound
        var high = interval.upperBound
        var left = high - ratio * (high - low)
        var right = low + ratio * (high - low)
        var leftValue = function(left)
        var rightValue = function(right)
        while high - low > 1e-6 {
            if leftValue < rightValue {
                low = left
                left = right
                leftValue = rightValue
                right = low + ratio * (high - low)
                rightValue = function(right)
            } else {
                high = right
                right = left
                rightValue = leftValue
                left = high - ratio * (high - low)
                leftValue = function(left)
            }
        }
        return (low + high) / 2
    }

    private static func copula(fittedTo values: [Double]) -> TargetTransform {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .identity }
        let count = Double(sorted.count)
        var inputs: [Double] = []
        var outputs: [Double] = []
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count && sorted[end + 1] == sorted[start] { end += 1 }
            // Tied values share the average of their ranks start...end.
            let rank = Double(start + end) / 2
            inputs.append(sorted[start])
            outputs.append(NormalQuantile.of((rank + 0.5) / count))
            start = end + 1
        }
        return .copula(MonotoneInterpolation(inputs: inputs, outputs: outputs))
    }
}
