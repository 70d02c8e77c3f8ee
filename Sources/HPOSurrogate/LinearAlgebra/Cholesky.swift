import RealModule

/// The Cholesky factorisation `A = L L^T` of a symmetric positive definite matrix, with the
/// solves and the log-determinant it makes cheap.
///
/// The factor is computed column by column (the right-looking outer-product form), whose inner
/// loops run down contiguous columns. It fails, returning `nil`, when a pivot is not positive
/// (the matrix is not numerically positive definite); callers add jitter or reject the input.
public struct Cholesky: Hashable, Sendable {
    /// The lower-triangular factor `L`, column-major; entries above the diagonal are zero.
    public let lower: SquareMatrix
    /// `1 / L_ii`: the solves multiply by these, keeping divisions out of their dependency chain.
    private let inverseDiagonal: [Double]

    /// Factorises the symmetric matrix `matrix` (only its lower triangle is read), or returns
    /// `nil` if a pivot is not positive and finite.
    public init?(_ matrix: SquareMatrix) {
        let n = matrix.order
        var l = matrix
        let positive = l.elements.withUnsafeMutableBufferPointer { Self.factorInPlace($0.baseAddress!, order: n) }
        guard positive else { return nil }
        lower = l
        inverseDiagonal = (0..<n).map { 1 / l[$0, $0] }
    }

    /// Overwrites the lower triangle of the column-major `n` x `n` matrix at `a` with its factor
    /// `L` and zeroes the entries above the diagonal; `false` when a pivot is not positive and
    /// finite (the entries are then partly overwritten).
    static func factorInPlace(_ a: UnsafeMutablePointer<Double>, order n: Int) -> Bool {
        for k in 0..<n {
            let column = a + k * n
            let pivot = column[k]
            guard pivot > 0, pivot.isFinite else { return false }
            let diagonal = pivot.squareRoot()
            column[k] = diagonal
            let scale = 1 / diagonal
            for i in (k + 1)..<n { column[i] *= scale }
            for i in 0..<k { column[i] = 0 }
            // Update the trailing lower triangle: A[i, j] -= L[i, k] L[j, k] for i >= j > k.
            for j in (k + 1)..<n {
                let ljk = column[j]
                if ljk == 0 { continue }
                let target = a + j * n
                for i in j..<n { target[i] -= column[i] * ljk }
            }
        }
        return true
    }

    /// The order of the factorised matrix.
    public var order: Int { lower.order }

    /// `log det A = 2 sum log L_ii`.
    public var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<order { sum += Double.log(lower[i, i]) }
        return 2 * sum
    }

    /// Solves `L z = b` (forward substitution).
    public func solveLower(_ b: [Double]) -> [Double] {
        precondition(b.count == order, "solveLower: vector of length \(b.count) for order \(order)")
        var z = b
        lower.elements.withUnsafeBufferPointer { l in
            z.withUnsafeMutableBufferPointer { Self.solveLowerInPlace(l.baseAddress!, order: order, $0.baseAddress!) }
        }
        return z
    }

    /// Solves `L^T x = z` (back substitution).
    public func solveUpper(_ z: [Double]) -> [Double] {
        precondition(z.count == order, "solveUpper: vector of length \(z.count) for order \(order)")
        var x = z
        lower.elements.withUnsafeBufferPointer { l in
            x.withUnsafeMutableBufferPointer { Self.solveUpperInPlace(l.baseAddress!, order: order, $0.baseAddress!) }
        }
        return x
    }

    /// Overwrites `z` (`n` values) with `L^-1 z` for the factor `L` at `l` (column-major).
    static func solveLowerInPlace(_ l: UnsafePointer<Double>, order n: Int, _ z: UnsafeMutablePointer<Double>) {
        for k in 0..<n {
            let column = l + k * n
            let zk = z[k] / column[k]
            z[k] = zk
            if zk == 0 { continue }
            for i in (k + 1)..<n { z[i] -= column[i] * zk }
        }
    }

    /// Overwrites `x` (`n` values) with `L^-T x` for the factor `L` at `l` (column-major).
    static func solveUpperInPlace(_ l: UnsafePointer<Double>, order n: Int, _ x: UnsafeMutablePointer<Double>) {
        for k in stride(from: n - 1, through: 0, by: -1) {
            // Row k of L^T is column k of L below the diagonal, contiguous.
            let column = l + k * n
            x[k] = (x[k] - dotProduct(column + (k + 1), x + (k + 1), count: n - k - 1)) / column[k]
        }
    }

    /// Solves `A x = b`.
    public func solve(_ b: [Double]) -> [Double] {
        solveUpper(solveLower(b))
    }

    /// The quadratic form `b^T A^-1 b = |L^-1 b|^2`.
    public func inverseQuadraticForm(_ b: [Double]) -> Double {
        let z = solveLower(b)
        return z.dot(z)
    }

    /// `b^T A^-1 b` without allocating: `b` and `scratch` hold ``order`` values each.
    func inverseQuadraticForm(_ b: UnsafePointer<Double>, scratch z: UnsafeMutablePointer<Double>) -> Double {
        let n = order
        z.update(from: b, count: n)
        return lower.elements.withUnsafeBufferPointer { buffer in
            let l = buffer.baseAddress!
            var sum = 0.0
            for k in 0..<n {
                let column = l + k &* n
                let zk = z[k] * inverseDiagonal[k]
                sum += zk * zk
                if zk == 0 { continue }
                for i in (k &+ 1)..<n { z[i] -= column[i] * zk }
            }
            return sum
        }
    }
}
