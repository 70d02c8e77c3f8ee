import HPORandom
import Testing
@testable import HPOSurrogate

@Suite("DNGO neural network")
struct DNGONetworkTests {
    @Test(arguments: [Activation.tanh, .relu])
    func gradientMatchesFiniteDifferences(_ activation: Activation) {
        var generator = SeededGenerator(seed: 11)
        let network = DenseNetwork<Double>(inputWidth: 3, hiddenWidths: [5, 4, 6], activation: activation, using: &generator)
        let count = 7
        let inputs = (0..<(count * 3)).map { _ in generator.nextNormal() }
        let targets = (0..<count).map { _ in generator.nextNormal() }
        let (loss, gradient) = network.lossAndGradient(inputs, targets: targets, count: count)
        let outputs = network.outputs(inputs, count: count)
        let direct = zip(outputs, targets).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(count)
        #expect(abs(loss - direct) < 1e-14)
        // Central differences have error O(h^2) ~ 1e-12 here, far below the 1e-6 tolerance.
        let h = 1e-6
        var worst = 0.0
        for p in network.parameters.indices {
            var up = network, down = network
            up.parameters[p] += h
            down.parameters[p] -= h
            let numeric = (up.lossAndGradient(inputs, targets: targets, count: count).loss
                - down.lossAndGradient(inputs, targets: targets, count: count).loss) / (2 * h)
            worst = max(worst, abs(numeric - gradient[p]) / max(1, abs(numeric)))
        }
        #expect(worst < 1e-6, "largest relative gradient error \(worst)")
    }

    @Test func adamLowersTheLossOfALinearFit() {
        var generator = SeededGenerator(seed: 12)
        var network = DenseNetwork<Float>(inputWidth: 2, hiddenWidths: [8], activation: .tanh, using: &generator)
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
