/// The dot product of two contiguous vectors of `count` values, summed in two independent sets of
/// four SIMD lanes: one accumulator would make the loop wait on each addition. Used by the
/// network's backward pass (single precision) and the Gaussian process's kernel inverse and back substitution (double).
@inline(__always)
func dotProduct<Scalar: SIMDScalar & BinaryFloatingPoint>(
    _ x: UnsafePointer<Scalar>, _ y: UnsafePointer<Scalar>, count: Int
) -> Scalar {
    func load(_ pointer: UnsafePointer<Scalar>) -> SIMD4<Scalar> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Scalar>.self)
    }
    var even = SIMD4<Scalar>()
    var odd = SIMD4<Scalar>()
    var k = 0
    while k &+ 8 <= count {
        even += load(x + k) * load(y + k)
        odd += load(x + (k &+ 4)) * load(y + (k &+ 4))
        k &+= 8
    }
    if k &+ 4 <= count {
        even += load(x + k) * load(y + k)
        k &+= 4
    }
    var sum = (even + odd).sum()
    while k < count {
        sum += x[k] * y[k]
        k &+= 1
    }
    return sum
}
