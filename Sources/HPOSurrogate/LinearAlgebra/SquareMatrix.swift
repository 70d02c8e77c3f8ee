/// A dense square matrix stored column by column, used for the small symmetric systems of
/// Bayesian linear regression (Gram matrices of a few dozen features).
///
/// Column-major storage keeps the inner loops of ``Cholesky`` contiguous, so they vectorise.
public struct SquareMatrix: Hashable, Sendable {
    /// The number of rows and columns.
    public let order: Int
    /// The entries, column after column: entry (i, j) is `elements[i + j * order]`.
    public var elements: [Double]

    /// The `order` x `order` matrix of zeros.
    public init(order: Int) {
        precondition(order >= 0, "a matrix order cannot be negative")
        self.order = order
        elements = [Double](repeating: 0, count: order * order)
    }

    /// The identity matrix scaled by `diagonal`.
    public init(order: Int, diagonal: Double) {
        self.init(order: order)
        for i in 0..<order { elements[i + i * order] = diagonal }
    }

    /// Entry (row, column).
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row + column * order] }
        set { elements[row + column * order] = newValue }
    }

    /// The Gram matrix `X^T X` of a row-major `rows` x `columns` matrix `x`.
    public static func gram(of x: [Double], rows: Int, columns: Int) -> SquareMatrix {
        precondition(x.count == rows * columns, "gram: \(x.count) entries do not form a \(rows) x \(columns) matrix")
        var result = SquareMatrix(order: columns)
        result.elements.withUnsafeMutableBufferPointer { g in
            x.withUnsafeBufferPointer { x in
                for r in 0..<rows {
                    let row = x.baseAddress! + r * columns
                    for j in 0..<columns {
                        let xj = row[j]
                        if xj == 0 { continue }
                        let column = g.baseAddress! + j * columns
                        for i in 0..<columns { column[i] += row[i] * xj }
                    }
                }
            }
        }
        return result
    }

    /// `x^T y` for a row-major `rows` x `columns` matrix `x` and a vector `y` of length `rows`.
    public static func transposedProduct(_ x: [Double], rows: Int, columns: Int, _ y: [Double]) -> [Double] {
        precondition(x.count == rows * columns && y.count == rows, "transposedProduct: shapes do not match")
        var result = [Double](repeating: 0, count: columns)
        for r in 0..<rows {
            let yr = y[r]
            for j in 0..<columns { result[j] += x[r * columns + j] * yr }
        }
        return result
    }
}

extension [Double] {
    /// The dot product with another vector of the same length.
    func dot(_ other: [Double]) -> Double {
        precondition(count == other.count, "dot product of vectors of lengths \(count) and \(other.count)")
        var sum = 0.0
        for i in indices { sum += self[i] * other[i] }
        return sum
    }
}
