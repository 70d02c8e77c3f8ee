/// Which ``TargetTransform`` a surrogate fits to its observations: the setting behind the scale
/// of its predictions.
public enum TargetScale: Hashable, Sendable, Codable {
    /// The values as observed.
    case identity
    /// The logarithm (``TargetTransform/logarithm(fittedTo:)``), as SMAC does.
    case logarithm
    /// The Gaussian copula of the ranks (``TargetTransform/copula(_:)``), as HEBO and copula
    /// Bayesian optimization do: only the order of the observations matters.
    case copula

    /// The transform of this kind fitted to `values` (which should be finite).
    public func transform(fittedTo values: [Double]) -> TargetTransform {
        switch self {
        case .identity: .identity
        case .logarithm: .logarithm(fittedTo: values)
        case .copula: Self.copula(fittedTo: values)
        }
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
