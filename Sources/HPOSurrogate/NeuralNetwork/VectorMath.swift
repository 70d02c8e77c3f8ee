/// Elementwise kernels on contiguous single-precision buffers, written four lanes at a time so
/// that they compile to SIMD instructions on every target (no libm call per element).
enum VectorMath {
    /// `tanh` in place, as `1 - 2 / (exp(2x) + 1)`. The absolute error is below 2e-7 (the
    /// exponential's relative error, halved), which is all a network's activations need; the
    /// relative error near 0 is larger than libm's.
    static func tanh(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 4 <= count {
            store(tanh(load(values + i)), values + i)
            i += 4
        }
        if i < count {
            var tail = SIMD4<Float>()
            for k in 0..<(count - i) { tail[k] = values[i + k] }
            let result = tanh(tail)
            for k in 0..<(count - i) { values[i + k] = result[k] }
        }
    }

    @inline(__always)
    static func tanh(_ x: SIMD4<Float>) -> SIMD4<Float> {
        let e = exp(2 * x)
        return 1 - 2 / (e + 1)
    }

    /// `exp` of four values: `2^k * e^r` with `x = k ln 2 + r`, `|r| <= ln 2 / 2` (Cody-Waite
    /// reduction with a two-part ln 2), `e^r` by its Taylor polynomial of degree 6 (relative
    /// truncation error below 2e-8); inputs are clamped to [-87, 87], where `2^k` is a normal float.
    @inline(__always)
    static func exp(_ x: SIMD4<Float>) -> SIMD4<Float> {
        var x = x
        x.replace(with: -87, where: x .< -87)
        x.replace(with: 87, where: x .> 87)
        // Adding 1.5 * 2^23 rounds to an integer k, which then sits in the low mantissa bits.
        let shifter = SIMD4<Float>(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + shifter
        let k = shifted - shifter
        let r = (x - k * 0.693_359_375) - k * -2.121_944_4e-4 // ln 2 = 0.693359375 - 2.1219444e-4
        var p = SIMD4<Float>(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let integer = unsafeBitCast(shifted, to: SIMD4<Int32>.self) &- 0x4B40_0000
        let exponent = (integer &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD4<Float>.self)
    }

    /// `output = biases + W^T input` for a layer whose `fanOut` weights leaving each input are
    /// contiguous (``DenseNetwork``'s layout). The outputs are accumulated 16 at a time in four
    /// SIMD registers over all inputs, so each weight is loaded once and no partial sum goes
    /// through memory; each output is summed in the order of the inputs, as a plain loop would.
    static func affine(
        _ input: UnsafePointer<Float>, fanIn: Int, weights: UnsafePointer<Float>, biases: UnsafePointer<Float>,
        into output: UnsafeMutablePointer<Float>, fanOut: Int
    ) {
        var j = 0
        while j &+ 16 <= fanOut {
            var a0 = load(biases + j), a1 = load(biases + (j &+ 4))
            var a2 = load(biases + (j &+ 8)), a3 = load(biases + (j &+ 12))
            var row = weights + j
            for i in 0..<fanIn {
                let x = SIMD4<Float>(repeating: input[i])
                a0 += x * load(row)
                a1 += x * load(row + 4)
                a2 += x * load(row + 8)
                a3 += x * load(row + 12)
                row += fanOut
            }
            store(a0, output + j)
            store(a1, output + (j &+ 4))
            store(a2, output + (j &+ 8))
            store(a3, output + (j &+ 12))
            j &+= 16
        }
        while j &+ 4 <= fanOut {
            var a = load(biases + j)
            var row = weights + j
            for i in 0..<fanIn {
                a += SIMD4<Float>(repeating: input[i]) * load(row)
                row += fanOut
            }
            store(a, output + j)
            j &+= 4
        }
        while j < fanOut {
            var a = biases[j]
            for i in 0..<fanIn { a += input[i] * weights[i &* fanOut &+ j] }
            output[j] = a
            j &+= 1
        }
    }

    /// `gradient += sum over b of inputs[b] errors[b]^T`: the weight gradient of a layer over a
    /// batch of `count` rows (`inputs` row-major `count` x `fanIn`, `errors` `count` x `fanOut`,
    /// `gradient` `fanIn` x `fanOut`). Sixteen entries of a gradient row stay in four SIMD
    /// registers while the batch is summed, in the order of the rows, as a plain loop would.
    static func addOuterProducts(
        _ inputs: UnsafePointer<Float>, fanIn: Int, _ errors: UnsafePointer<Float>, fanOut: Int, count: Int,
        into gradient: UnsafeMutablePointer<Float>
    ) {
        for i in 0..<fanIn {
            let row = gradient + i &* fanOut
            var j = 0
            while j &+ 16 <= fanOut {
                var a0 = load(row + j), a1 = load(row + (j &+ 4))
                var a2 = load(row + (j &+ 8)), a3 = load(row + (j &+ 12))
                for b in 0..<count {
                    let x = SIMD4<Float>(repeating: inputs[b &* fanIn &+ i])
                    let error = errors + (b &* fanOut &+ j)
                    a0 += x * load(error)
                    a1 += x * load(error + 4)
                    a2 += x * load(error + 8)
                    a3 += x * load(error + 12)
                }
                store(a0, row + j)
                store(a1, row + (j &+ 4))
                store(a2, row + (j &+ 8))
                store(a3, row + (j &+ 12))
                j &+= 16
            }
            while j &+ 4 <= fanOut {
                var a = load(row + j)
                for b in 0..<count { a += SIMD4<Float>(repeating: inputs[b &* fanIn &+ i]) * load(errors + (b &* fanOut &+ j)) }
                store(a, row + j)
                j &+= 4
            }
            while j < fanOut {
                var a = row[j]
                for b in 0..<count { a += inputs[b &* fanIn &+ i] * errors[b &* fanOut &+ j] }
                row[j] = a
                j &+= 1
            }
        }
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    static func store(_ value: SIMD4<Float>, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Float>.self)
    }
}
