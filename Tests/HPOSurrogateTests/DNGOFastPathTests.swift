import HPORandom
import HPOSpace
import Testing
@testable import HPOSurrogate

/// The fast paths of DNGO's training and predictions agree with the plain computations they replace.
@Suite("DNGO fast paths")
struct DNGOFastPathTests {
    let space = try! SearchSpace([
        .categorical("kind", ["a", "b", "c"]), .ordinal("size", [8, 16, 32, 64]), .integer("depth", 2, 5),
    ])

    /// The plain loop `output = biases + W^T input` in input order.
    func plainAffine(_ input: [Float], weights: [Float], biases: [Float]) -> [Float] {
        var output = biases
        for i in input.indices {
            for j in biases.indices { output[j] += input[i] * weights[i * biases.count + j] }
        }
        return output
    }

    @Test(arguments: [1, 3, 4, 16, 17, 50])
    func affineKernelEqualsThePlainLoop(_ fanOut: Int) {
        var generator = SeededGenerator(seed: 31)
        let fanIn = 7
        let input = (0..<fanIn).map { _ in Float(generator.nextNormal()) }
        let weights = (0..<(fanIn * fanOut)).map { _ in Float(generator.nextNormal()) }
        let biases = (0..<fanOut).map { _ in Float(generator.nextNormal()) }
        var output = [Float](repeating: .nan, count: fanOut)
        input.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                biases.withUnsafeBufferPointer { b in
                    output.withUnsafeMutableBufferPointer { out in
                        VectorMath.affine(x.baseAddress!, fanIn: fanIn, weights: w.baseAddress!, biases: b.baseAddress!,
                                          into: out.baseAddress!, fanOut: fanOut)
                    }
                }
            }
        }
        // Each output is summed in the same order as the loop, so the results are identical.
        #expect(output == plainAffine(input, weights: weights, biases: biases))
    }

    @Test(arguments: [1, 5, 16, 21, 50])
    func outerProductKernelEqualsThePlainLoop(_ fanOut: Int) {
        var generator = SeededGenerator(seed: 35)
        let (fanIn, count) = (6, 10)
        let inputs = (0..<(count * fanIn)).map { _ in Float(generator.nextNormal()) }
        let errors = (0..<(count * fanOut)).map { _ in Float(generator.nextNormal()) }
        let start = (0..<(fanIn * fanOut)).map { _ in Float(generator.nextNormal()) }
        var expected = start
        for b in 0..<count {
            for i in 0..<fanIn {
                for j in 0..<fanOut { expected[i * fanOut + j] += inputs[b * fanIn + i] * errors[b * fanOut + j] }
            }
        }
        var gradient = start
        inputs.withUnsafeBufferPointer { x in
            errors.withUnsafeBufferPointer { e in
                gradient.withUnsafeMutableBufferPointer { g in
                    VectorMath.addOuterProducts(x.baseAddress!, fanIn: fanIn, e.baseAddress!, fanOut: fanOut, count: count,
                                                into: g.baseAddress!)
                }
            }
        }
        // Every entry is summed over the batch in row order, as in the loop: identical results.
        #expect(gradient == expected)
    }

    @Test(arguments: OneHotScope.allCases)
    func firstLayerTableEqualsTheProductOfTheStandardizedEncoding(scope: OneHotScope) throws {
        var generator = SeededGenerator(seed: 32)
        let width = space.oneHotWidth(scope)
        let network = DenseNetwork(inputWidth: width, hiddenWidths: [9, 5], activation: .tanh, using: &generator)
        let mean = (0..<width).map { _ in Float(generator.nextUniform(in: 0, 1)) }
        let scale = (0..<width).map { _ in Float(generator.nextUniform(in: 0.5, 2)) }
        let table = try #require(FirstLayerTable(space: space, scope: scope, network: network, inputMean: mean, inputScale: scale))
        for _ in 0..<20 {
            let configuration = space.sample(using: &generator)
            let input = zip(space.oneHot(configuration, scope: scope), zip(mean, scale)).map { (Float($0) - $1.0) * $1.1 }
            var direct = [Float](repeating: 0, count: 9)
            var tabulated = [Float](repeating: .nan, count: 9)
            input.withUnsafeBufferPointer { input in
                direct.withUnsafeMutableBufferPointer { network.firstLayerProduct(of: input.baseAddress!, into: $0.baseAddress!) }
            }
            let valid = tabulated.withUnsafeMutableBufferPointer { table.product(of: configuration, into: $0.baseAddress!) }
            #expect(valid)
            // Same terms summed in another order: single-precision rounding, |W x| is O(10) here.
            let error = zip(direct, tabulated).map { abs($0 - $1) }.max() ?? .infinity
            #expect(error < 1e-4, "\(configuration): largest difference \(error)")
        }
    }

    @Test func firstLayerTableRejectsValuesOutsideTheSpace() throws {
        var generator = SeededGenerator(seed: 33)
        let network = DenseNetwork(inputWidth: space.oneHotWidth, hiddenWidths: [4], activation: .tanh, using: &generator)
        let ones = [Float](repeating: 1, count: space.oneHotWidth)
        let table = try #require(FirstLayerTable(space: space, scope: .categorical, network: network, inputMean: ones, inputScale: ones))
        var output = [Float](repeating: 0, count: 4)
        for values in [[3.0, 0, 2], [0, 1.5, 2], [0, 0, 6], [0, 0, 1], [0, 0]] {
            let valid = output.withUnsafeMutableBufferPointer { table.product(of: Configuration(values), into: $0.baseAddress!) }
            #expect(!valid, "\(values) accepted")
        }
        let real = try SearchSpace([.real("x", 0, 1)])
        let realNetwork = DenseNetwork(inputWidth: 1, hiddenWidths: [4], activation: .tanh, using: &generator)
        #expect(FirstLayerTable(space: real, scope: .choices, network: realNetwork, inputMean: [0], inputScale: [1]) == nil)
    }

    @Test(arguments: [[OneHotScope.categorical], [.choices], [.choices, .categorical]])
    func predictionsOfAChoiceSpaceMatchTheNetworkOnTheEncoding(scopes: [OneHotScope]) throws {
        // One fitted model, predicted through the table and through the encoding: the same
        // arithmetic but for the order of the first layer's single-precision sums.
        var generator = SeededGenerator(seed: 34)
        let configurations = (0..<30).map { _ in space.sample(using: &generator) }
        let values = configurations.map { 1 + $0.values.reduce(0, +) }
        var settings = DNGO.Settings(training: NetworkTraining(epochs: 20, batchSize: 10, learningRate: 0.01), warmStart: false)
        settings.targets = .identity
        settings.oneHotScopes = scopes
        settings.networks = scopes.count
        var surrogate = try DNGO(space: space, settings: settings)
        try surrogate.fit(configurations, values, using: &generator)
        let probe = space.sample(using: &generator)
        let fast = surrogate.predict(probe)
        let slow = surrogate.predictThroughEncoding(probe)
        #expect(abs(fast.mean - slow.mean) < 1e-4 * max(1, abs(slow.mean)), "means \(fast.mean) vs \(slow.mean)")
        #expect(abs(fast.variance - slow.variance) < 1e-4 * max(1, slow.variance), "variances \(fast.variance) vs \(slow.variance)")
    }
}
