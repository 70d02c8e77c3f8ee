/// Factorisation with recovery from numerical rank loss, and the explicit inverse.
extension Cholesky {
    /// The factor of `matrix + jitter I` for the smallest jitter of `initialJitter`,
    /// `10 initialJitter`, `100 initialJitter`, ... (at most `attempts` tries) whose factorisation
    /// succeeds, with that jitter; `nil` when none does (e.g. a non-finite entry).
    ///
    /// A kernel matrix of nearly equal inputs is positive semi-definite only up to rounding: a
    /// growing diagonal jitter restores a positive definite matrix at the least distortion.
    public static func factorizing(
        _ matrix: SquareMatrix, initialJitter: Double, attempts: Int = 8
    ) -> (factor: Cholesky, jitter: Double)? {
        var jitter = max(initialJitter, 0)
        for attempt in 0..<max(attempts, 1) {
            var jittered = matrix
            if jitter > 0 { for i in 0..<matrix.order { jittered[i, i] += jitter } }
            if let factor = Cholesky(jittered) { return (factor, jitter) }
            jitter = attempt == 0 && jitter == 0 ? 1e-10 : jitter * 10
        }
        return nil
    }

    /// `A^-1`, computed as `L^-T L^-1` from the columns of `L^-1` (about n^3 / 3 + n^3 / 3 flops).
    public func inverse() -> SquareMatrix {
        let n = order
        // Columns of L^-1, column-major: column j solves L x = e_j and is zero above row j.
        var lowerInverse = SquareMatrix(order: n)
        lower.elements.withUnsafeBufferPointer { buffer in
            lowerInverse.elements.withUnsafeMutableBufferPointer { out in
                let l = buffer.baseAddress!
                for j in 0..<n {
                    let x = out.baseAddress! + j * n
                    x[j] = 1
                    for k in j..<n {
                        let column = l + k * n
                        let xk = x[k] / column[k]
                        x[k] = xk
                        if xk == 0 { continue }
                        for i in (k + 1)..<n { x[i] -= column[i] * xk }
                    }
                }
            }
        }
        // (A^-1)_ab = sum_k (L^-1)_ka (L^-1)_kb over k >= max(a, b): L^-1 is lower triangular,
        // so row k of L^-1 is read down column a of the column-major storage.
        var result = SquareMatrix(order: n)
        lowerInverse.elements.withUnsafeBufferPointer { buffer in
            result.elements.withUnsafeMutableBufferPointer { out in
                let v = buffer.baseAddress!
                for b in 0..<n {
                    let columnB = v + b * n
                    for a in b..<n {
                        let columnA = v + a * n
                        let sum = dotProduct(columnA + a, columnB + a, count: n - a)
                        out[a + b * n] = sum
                        out[b + a * n] = sum
                    }
                }
            }
        }
        return result
    }
}
