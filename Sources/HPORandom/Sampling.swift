import RealModule

// MARK: - Uniform and normal variates

extension SeededGenerator {
    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [low, high).
    @inlinable
    public mutating func nextUniform(in low: Double, _ high: Double) -> Double {
        low + (high - low) * nextUniform()
    }

    /// A standard normal variate by the Box-Muller transform (one of the pair is used, so the
    /// generator keeps no cached state).
    public mutating func nextNormal() -> Double {
        let u1 = 1.0 - nextUniform() // in (0, 1]: the logarithm stays finite
        let u2 = nextUniform()
        return (-2.0 * Double.log(u1)).squareRoot() * Double.cos(2.0 * Double.pi * u2)
    }

    /// A normal variate with the given mean and standard deviation.
    public mutating func nextNormal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextNormal()
    }

    /// `true` with probability `probability`.
    @inlinable
    public mutating func nextBool(probability: Double = 0.5) -> Bool {
        nextUniform() < probability
    }
}

// MARK: - Integers and choices

extension SeededGenerator {
    /// A uniform integer in `0 ..< upperBound`, without modulo bias (Lemire's multiply-shift with
    /// rejection). `upperBound` must be positive.
    @inlinable
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "nextInt(below:) needs a positive bound")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in the closed range.
    @inlinable
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextInt(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniformly chosen element, or `nil` for an empty collection.
    public mutating func choose<C: Collection>(from elements: C) -> C.Element? where C.Index == Int {
        elements.isEmpty ? nil : elements[elements.startIndex + nextInt(below: elements.count)]
    }

    /// Shuffles the elements in place by the Fisher-Yates algorithm.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            if i != j { elements.swapAt(i, j) }
        }
    }

    /// `count` distinct integers drawn uniformly from `0 ..< population`, in the order drawn
    /// (Floyd's algorithm would lose the order; this is a partial Fisher-Yates over a sparse map).
    public mutating func sample(_ count: Int, from population: Int) -> [Int] {
        precondition(count >= 0 && count <= population, "sample count must be in 0...population")
        var swapped: [Int: Int] = [:]
        var result: [Int] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            let j = i + nextInt(below: population - i)
            let atJ = swapped[j] ?? j
            swapped[j] = swapped[i] ?? i
            result.append(atJ)
        }
        return result
    }
}
