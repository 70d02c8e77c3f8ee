/// Limited-memory BFGS for minimizing a smooth function inside a box, in the projected form:
/// the quasi-Newton direction is taken over the free coordinates (those not held at a bound by
/// the gradient), and each trial step is projected back into the box before the Armijo test.
///
/// It fits the few smooth problems of Bayesian optimization, e.g. the kernel hyperparameters (a
/// dozen coordinates, in log scale) and the acquisition function over the unit cube, where a
/// full L-BFGS-B would bring much code for little gain.
public struct BoundedLBFGS: Hashable, Sendable {
    /// The number of curvature pairs kept.
    public var memory: Int
    /// The most iterations (each one line search).
    public var maximumIterations: Int
    /// Stop when the largest projected-gradient entry is below this.
    public var gradientTolerance: Double
    /// Stop when an iteration decreases the value by less than this, relative to max(1, |value|).
    public var valueTolerance: Double

    /// A minimizer with these stopping rules.
    public init(memory: Int = 8, maximumIterations: Int = 100, gradientTolerance: Double = 1e-6, valueTolerance: Double = 1e-10) {
        self.memory = memory
        self.maximumIterations = maximumIterations
        self.gradientTolerance = gradientTolerance
        self.valueTolerance = valueTolerance
    }

    /// The outcome of a minimization.
    public struct Result: Hashable, Sendable {
        /// The best point found (inside the box).
        public var point: [Double]
        /// The value there.
        public var value: Double
        /// The iterations taken.
        public var iterations: Int
        /// The evaluations of the function.
        public var evaluations: Int
    }

    /// Minimizes `function` (value and gradient) from `start` (clamped into the box) within
    /// `lower ... upper` coordinatewise. A non-finite value counts as a failed trial step, and the
    /// line search steps back from it.
    public func minimize(
        from start: [Double], lower: [Double], upper: [Double],
        _ function: ([Double]) -> (value: Double, gradient: [Double])
    ) -> Result {
        let n = start.count
        precondition(lower.count == n && upper.count == n, "BoundedLBFGS: bounds of \(lower.count), \(upper.count) for \(n) coordinates")
        func project(_ x: [Double]) -> [Double] { (0..<n).map { min(max(x[$0], lower[$0]), upper[$0]) } }

        var x = project(start)
        var (fx, g) = function(x)
        var evaluations = 1
        var iterations = 0
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        guard fx.isFinite else { return Result(point: x, value: fx, iterations: 0, evaluations: 1) }

        while iterations < maximumIterations {
            // Coordinates held at a bound by the gradient stay fixed this iteration.
            let free = (0..<n).map { i in !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0)) }
            let projected = (0..<n).map { free[$0] ? g[$0] : 0 }
            if projected.map(abs).max() ?? 0 < gradientTolerance { break }
            iterations += 1

            var direction = twoLoopDirection(projected, steps: steps, changes: changes)
            for i in 0..<n where !free[i] { direction[i] = 0 }
            var slope = zip(direction, projected).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                direction = projected.map { -$0 }
                slope = -projected.reduce(0) { $0 + $1 * $1 }
                steps.removeAll()
                changes.removeAll()
            }
            // The first step of a steepest-descent direction moves no coordinate by more than 1.
            let largest = direction.map(abs).max() ?? 0
            var t = steps.isEmpty && largest > 1 ? 1 / largest : 1.0

            var accepted: (x: [Double], value: Double, gradient: [Double])?
            for _ in 0..<40 {
                let trial = project((0..<n).map { x[$0] + t * direction[$0] })
                let (value, gradient) = function(trial)
                evaluations += 1
                let decrease = zip(g, zip(trial, x)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) }
                if value.isFinite, value <= fx + 1e-4 * decrease, gradient.allSatisfy(\.isFinite) {
                    accepted = (trial, value, gradient)
                    break
                }
                t *= 0.5
            }
            guard let (next, value, gradient) = accepted else { break }
            let step = (0..<n).map { next[$0] - x[$0] }
            let change = (0..<n).map { gradient[$0] - g[$0] }
            let curvature = zip(step, change).reduce(0) { $0 + $1.0 * $1.1 }
            if curvature > 1e-12 {
                steps.append(step)
                changes.append(change)
                if steps.count > memory {
                    steps.removeFirst()
                    changes.removeFirst()
                }
            }
            let improvement = fx - value
            x = next
            fx = value
            g = gradient
            if improvement <= valueTolerance * max(1, abs(fx)) { break }
        }
        return Result(point: x, value: fx, iterations: iterations, evaluations: evaluations)
    }

    /// `-H g` for the inverse-Hessian approximation of the stored pairs (Nocedal's two-loop
    /// recursion), scaled by `s^T y / y^T y` of the latest pair.
    private func twoLoopDirection(_ g: [Double], steps: [[Double]], changes: [[Double]]) -> [Double] {
        var q = g
        var alphas = [Double](repeating: 0, count: steps.count)
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        for k in steps.indices.reversed() {
            let rho = 1 / dot(changes[k], steps[k])
            alphas[k] = rho * dot(steps[k], q)
            for i in q.indices { q[i] -= alphas[k] * changes[k][i] }
        }
        if let s = steps.last, let y = changes.last {
            let gamma = dot(s, y) / dot(y, y)
            for i in q.indices { q[i] *= gamma }
        }
        for k in steps.indices {
            let rho = 1 / dot(changes[k], steps[k])
            let beta = rho * dot(changes[k], q)
            for i in q.indices { q[i] += (alphas[k] - beta) * steps[k][i] }
        }
        return q.map { -$0 }
    }
}
