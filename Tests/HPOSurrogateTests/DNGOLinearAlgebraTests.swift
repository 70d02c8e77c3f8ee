import Foundation
import Testing
@testable import HPOSurrogate

@Suite("DNGO linear algebra")
struct DNGOLinearAlgebraTests {
    /// A = [[4, 2, -2], [2, 10, 2], [-2, 2, 5]] = L L^T with L = [[2, 0, 0], [1, 3, 0], [-1, 1, sqrt(3)]].
    let matrix: SquareMatrix = {
        var a = SquareMatrix(order: 3)
        let rows: [[Double]] = [[4, 2, -2], [2, 10, 2], [-2, 2, 5]]
        for i in 0..<3 { for j in 0..<3 { a[i, j] = rows[i][j] } }
        return a
    }()

    @Test func factorMatchesTheHandComputedOne() throws {
        let cholesky = try #require(Cholesky(matrix))
        let expected: [[Double]] = [[2, 0, 0], [1, 3, 0], [-1, 1, 3.0.squareRoot()]]
        for i in 0..<3 { for j in 0..<3 { #expect(abs(cholesky.lower[i, j] - expected[i][j]) < 1e-14) } }
        // det A = (2 * 3 * sqrt 3)^2 = 108.
        #expect(abs(cholesky.logDeterminant - log(108)) < 1e-13)
    }

    @Test func solvesAndQuadraticForm() throws {
        let cholesky = try #require(Cholesky(matrix))
        let x: [Double] = [1, -2, 0.5]
        let b = (0..<3).map { i in (0..<3).reduce(0.0) { $0 + matrix[i, $1] * x[$1] } } // [-1, -17, -3.5]
        let solved = cholesky.solve(b)
        for i in 0..<3 { #expect(abs(solved[i] - x[i]) < 1e-13) }
        // b^T A^-1 b = b^T x.
        let expected = zip(b, x).reduce(0.0) { $0 + $1.0 * $1.1 }
        #expect(abs(cholesky.inverseQuadraticForm(b) - expected) < 1e-12)
    }

    /// An order of 21 runs the dot product's blocks of eight and four and its scalar tail.
    @Test func solvesALargerSystem() throws {
        let n = 21
        var a = SquareMatrix(order: n, diagonal: 3 * Double(n)) // diagonally dominant: positive definite
        for i in 0..<n { for j in 0..<n { a[i, j] += sin(Double(i * j + 1)) + sin(Double(j * i + 1)) } } // symmetric
        let x = (0..<n).map { Double($0 % 5) - 2.5 }
        let b = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + a[i, $1] * x[$1] } }
        let solved = try #require(Cholesky(a)).solve(b)
        for i in 0..<n { #expect(abs(solved[i] - x[i]) < 1e-12, "x[\(i)]") }
    }

    @Test func rejectsIndefiniteMatrices() {
        var a = SquareMatrix(order: 2, diagonal: 1)
        a[0, 1] = 2
        a[1, 0] = 2 // eigenvalues 3 and -1
        #expect(Cholesky(a) == nil)
    }

    @Test func gramMatrixOfARowMajorMatrix() {
        let x: [Double] = [1, 2, 3, 4, 5, 6] // 3 x 2
        let gram = SquareMatrix.gram(of: x, rows: 3, columns: 2)
        #expect(gram[0, 0] == 35 && gram[0, 1] == 44 && gram[1, 0] == 44 && gram[1, 1] == 56)
        #expect(SquareMatrix.transposedProduct(x, rows: 3, columns: 2, [1, 0, -1]) == [-4, -4])
    }
}
