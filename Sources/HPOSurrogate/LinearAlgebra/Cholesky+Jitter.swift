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
        for jitter in jitters(initial: initialJitter, attempts: attempts) {
            var jittered = matrix
            if jitter > 0 { for i in 0..<matrix.order { jittered[i, i] += jitter } }
            if let factor = Cholesky(jittered) { return (factor, jitter) }
        }
        return nil
    }

    /// The jitters ``factorizing(_:initialJitter:attempts:)`` tries, in order: `initialJitter`
    /// (at least 0), then ten times the last (`1e-10` after 0).
    static func jitters(initial: Double, attempts: Int) -> [Double] {
        var jitter = max(initial, 0)
        var all: [Double] = []
        for attempt in 0..<max(attempts, 1) {
            all.append(jitter)
            jitter = attempt == 0 && jitter == 0 ? 1e-10 : jitter * 10
        }
        return all
    }

    /// `A^-1`, computed as `L^-T L^-1` from the columns of `L^-1` (about n^3 / 3 + n^3 / 3 flops).
    public func inverse() -> SquareMatrix {
        let n = order
        var result = lower
        var scratch = [Double](repeating: 0, count: n)
        result.elements.withUnsafeMutableBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { Self.invertInPlace(a.baseAddress!, order: n, scratch: $0.baseAddress!) }
            for b in 0..<n {
                for row in (b + 1)..<n { a[b + row * n] = a[row + b * n] }
            }
        }
        return result
    }

    /// Overwrites the factor `L` at `a` (column-major, `n` x `n`) with the lower triangle,
    /// diagonal included, of `A^-1 = L^-T L^-1`; the entries above the diagonal are left as they
    /// are. `scratch` holds `n` values.
    static func invertInPlace(_ a: UnsafeMutablePointer<Double>, order n: Int, scratch x: UnsafeMutablePointer<Double>) {
        // Column j of L^-1 solves L x = e_j and is zero above row j; it needs the columns k >= j of
        // L only, so it replaces column j of L once it is computed.
        for j in 0..<n {
            (x + j).update(repeating: 0, count: n - j)
            x[j] = 1
            for k in j..<n {
                let column = a + k * n
                let xk = x[k] / column[k]
                x[k] = xk
                if xk == 0 { continue }
                for i in (k + 1)..<n { x[i] -= column[i] * xk }
            }
            (a + (j * n + j)).update(from: x + j, count: n - j)
        }
        // (A^-1)_ab = sum_k (L^-1)_ka (L^-1)_kb over k >= a >= b: rows a and below of columns a
        // and b. Entry (a, b) is written after it is read, and column b's rows below a and column
        // a are still L^-1 then, so the product can replace L^-1 column by column.
        for b in 0..<n {
            let columnB = a + b * n
            for row in b..<n {
                columnB[row] = dotProduct(a + (row * n + row), columnB + row, count: n - row)
            }
        }
    }
}
