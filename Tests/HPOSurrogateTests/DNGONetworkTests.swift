import Foundation
import HPORandom
import Testing
@testable import HPOSurrogate

@Suite("DNGO neural network")
struct DNGONetworkTests {
    /// The mean squared error summed in double precision from the network's single-precision outputs.
    func loss(_ network: DenseNetwork, _ inputs: [Float], _ targets: [Float]) -> Double {
        let outputs = network.outputs(inputs, count: targets.count)
        return zip(outputs, targets).reduce(0.0) { $0 + pow(Double($1.0) - Double($1.1), 2) } / Double(targets.count)
    }

    /// Central differences in single precision: with step h the truncation error is O(h^2) and
    /// the rounding error about 1e-7 / h; for tanh h = 1e-2 gives ~1e-4, so 2e-3 (relative to
    /// max(1, |g|)) leaves a margin, while a wrong term of the back-propagation gives errors of
    /// the order of |g|. ReLU's kinks need a smaller step (h = 1e-3, rounding ~1e-4 -> 2e-3 too).
    @Test(arguments: [(Activation.tanh, Float(1e-2)), (.relu, 1e-3)])
    func gradientMatchesFiniteDifferences(_ activation: Activation, _ h: Float) {
        var generator = SeededGenerator(seed: 11)
        let network = DenseNetwork(inputWidth: 3, hiddenWidths: [5, 4, 6], activation: activation, using: &generator)
        let count = 7
        let inputs = (0..<(count * 3)).map { _ in Float(generator.nextNormal()) }
        let targets = (0..<count).map { _ in Float(generator.nextNormal()) }
        let (mse, gradient) = network.lossAndGradient(inputs, targets: targets, count: count)
        #expect(abs(Double(mse) - loss(network, inputs, targets)) < 1e-6)
        var worst = 0.0
        for p in network.parameters.indices {
            var up = network, down = network
            up.parameters[p] += h
            down.parameters[p] -= h
            let numeric = (loss(up, inputs, targets) - loss(down, inputs, targets)) / Double(2 * h)
            worst = max(worst, abs(numeric - Double(gradient[p])) / max(1, abs(numeric)))
        }
        #expect(worst < 2e-3, "largest relative gradient error \(worst)")
    }

    @Test func adamLowersTheLossOfALinearFit() {
        var generator = SeededGenerator(seed: 12)
        var network = DenseNetwork(inputWidth: 2, hiddenWidths: [8], activation: .tanh, using: &generator)
        let count = 64
        let inputs = (0..<(count * 2)).map { _ in Float(generator.nextUniform(in: -1, 1)) }
        let targets = (0..<count).map { Float(0.5) * inputs[2 * $0] - inputs[2 * $0 + 1] }
        let before = network.lossAndGradient(inputs, targets: targets, count: count).loss
        network.train(inputs, targets: targets, count: count,
                      training: NetworkTraining(epochs: 200, batchSize: 16, learningRate: 0.01), using: &generator)
        let after = network.lossAndGradient(inputs, targets: targets, count: count).loss
        #expect(after < 0.01 * before, "loss \(before) -> \(after)")
    }
}
