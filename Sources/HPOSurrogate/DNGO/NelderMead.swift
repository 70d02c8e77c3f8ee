/// The Nelder-Mead simplex method for maximising a function of a few variables without
/// derivatives, with the standard coefficients (reflection 1, expansion 2, contraction 1/2,
/// shrink 1/2). Used for the two log-hyperparameters of Bayesian linear regression.
struct NelderMead {
    /// The edge length of the initial simplex (a step along each axis from the start).
    var initialStep: Double
    /// Stop when the simplex's values agree within this and its points within `pointTolerance`.
    var valueTolerance: Double = 1e-10
    /// Stop when every vertex is within this of the best, coordinate-wise.
    var pointTolerance: Double = 1e-7
    /// The most function evaluations.
    var maximumEvaluations: Int = 1000

    /// The best point found from `start` and its value; `-infinity` values are never accepted
    /// over finite ones.
    func maximize(_ f: ([Double]) -> Double, from start: [Double]) -> (point: [Double], value: Double) {
        let n = start.count
        var points = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += initialStep
            points.append(vertex)
        }
        var values = points.map(f)
        var evaluations = n + 1
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] > values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            let spread = points.dropFirst().map { vertex in zip(vertex, points[0]).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
            if values[0].isFinite, values[0] - values[n] <= valueTolerance, spread <= pointTolerance { break }
            var centroid = [Double](repeating: 0, count: n)
            for vertex in points.dropLast() { for i in 0..<n { centroid[i] += vertex[i] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (points[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let reflectedValue = f(reflected)
            evaluations += 1
            if reflectedValue > values[0] {
                let expanded = along(-2)
                let expandedValue = f(expanded)
                evaluations += 1
                (points[n], values[n]) = expandedValue > reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue > values[n - 1] {
                (points[n], values[n]) = (reflected, reflectedValue)
            } else {
                let outside = reflectedValue > values[n]
                let contracted = along(outside ? -0.5 : 0.5)
                let contractedValue = f(contracted)
                evaluations += 1
                if contractedValue > (outside ? reflectedValue : values[n]) {
                    (points[n], values[n]) = (contracted, contractedValue)
                } else {
                    for k in 1...n {
                        points[k] = (0..<n).map { points[0][$0] + 0.5 * (points[k][$0] - points[0][$0]) }
                        values[k] = f(points[k])
                    }
                    evaluations += n
                }
            }
        }
        let best = values.indices.max { values[$0] < values[$1] } ?? 0
        return (points[best], values[best])
    }
}
