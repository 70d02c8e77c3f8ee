import HPORandom

/// How a network is trained: mini-batch Adam on the mean squared error.
public struct NetworkTraining: Hashable, Sendable, Codable {
    /// Passes over the data.
    public var epochs: Int
    /// Examples per mini-batch; the last batch of an epoch may be smaller, and all data form
    /// one batch when there are fewer examples than this.
    public var batchSize: Int
    /// Adam's step size.
    public var learningRate: Double

    /// Creates training settings.
    public init(epochs: Int, batchSize: Int, learningRate: Double) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
    }
}

extension DenseNetwork {
    /// Trains the network on `count` row-major examples for `training.epochs` epochs; each epoch
    /// visits the examples in an order shuffled by `generator`. Returns the mean training loss
    /// of the last epoch.
    @discardableResult
    public mutating func train(
        _ inputs: [Scalar], targets: [Scalar], count: Int, training: NetworkTraining,
        using generator: inout SeededGenerator
    ) -> Scalar {
        precondition(inputs.count == count * inputWidth && targets.count == count, "train: shapes do not match")
        precondition(training.batchSize > 0 && training.epochs >= 0, "train: batch size must be positive and epochs non-negative")
        guard count > 0 else { return 0 }
        let batchSize = min(training.batchSize, count)
        let width = inputWidth
        var workspace = Workspace(for: self, capacity: batchSize)
        var optimizer = Adam(parameterCount: parameters.count, learningRate: Scalar(training.learningRate))
        var gradient = [Scalar](repeating: 0, count: parameters.count)
        var batchInputs = [Scalar](repeating: 0, count: batchSize * width)
        var batchTargets = [Scalar](repeating: 0, count: batchSize)
        var order = Array(0..<count)
        var epochLoss: Scalar = 0
        for _ in 0..<training.epochs {
            generator.shuffle(&order)
            epochLoss = 0
            var start = 0
            while start < count {
                let size = min(batchSize, count - start)
                inputs.withUnsafeBufferPointer { source in
                    batchInputs.withUnsafeMutableBufferPointer { destination in
                        for r in 0..<size {
                            let row = order[start + r]
                            (destination.baseAddress! + r * width).update(from: source.baseAddress! + row * width, count: width)
                            batchTargets[r] = targets[row]
                        }
                    }
                }
                let loss = gradient.withUnsafeMutableBufferPointer { gradient in
                    gradient.update(repeating: 0)
                    return batchInputs.withUnsafeBufferPointer { inputs in
                        batchTargets.withUnsafeBufferPointer { targets in
                            forward(inputs.baseAddress!, count: size, workspace: &workspace)
                            return backward(targets: targets.baseAddress!, count: size, workspace: &workspace, gradient: gradient.baseAddress!)
                        }
                    }
                }
                epochLoss += loss * Scalar(size)
                gradient.withUnsafeBufferPointer { optimizer.step(&parameters, gradient: $0.baseAddress!) }
                start += size
            }
            epochLoss /= Scalar(count)
        }
        return epochLoss
    }
}
