import HPORandom
import RealModule

/// A fully connected feed-forward regression network with one linear output: hidden layers with
/// a shared activation, all parameters in one contiguous buffer.
///
/// Layer `l` maps `widths[l]` inputs to `widths[l + 1]` outputs. Its weights are stored input by
/// input (the `widths[l + 1]` weights leaving input `i` are contiguous), followed by its biases,
/// so the forward pass and the weight gradient are sums of contiguous scaled rows, which the
/// compiler vectorises. Batches are row-major `count` x `width` buffers. Nothing is allocated
/// per example or per neuron: passes run in a reusable ``Workspace``.
public struct DenseNetwork: Sendable {
    /// The number type of weights and activations: single precision halves the memory traffic
    /// and doubles the SIMD lanes of the passes, as in PyTorch's default.
    public typealias Scalar = Float

    /// The layer widths: the input width, the hidden widths, then 1 for the output.
    public let widths: [Int]
    /// The hidden layers' activation (the output is linear).
    public let activation: Activation
    /// Every weight and bias, layer after layer.
    public var parameters: [Scalar]
    /// Where each layer's weights start in ``parameters``; its biases follow them.
    let weightOffsets: [Int]

    /// A network with weights and biases drawn uniformly from (-1/sqrt(fan-in), 1/sqrt(fan-in))
    /// (PyTorch's default for linear layers, which pybnn's DNGO uses).
    public init(inputWidth: Int, hiddenWidths: [Int], activation: Activation, using generator: inout SeededGenerator) {
        precondition(inputWidth > 0 && !hiddenWidths.isEmpty && hiddenWidths.allSatisfy { $0 > 0 },
                     "a network needs a positive input width and at least one non-empty hidden layer")
        widths = [inputWidth] + hiddenWidths + [1]
        self.activation = activation
        var offsets: [Int] = []
        var total = 0
        for l in 0..<(widths.count - 1) {
            offsets.append(total)
            total += (widths[l] + 1) * widths[l + 1]
        }
        weightOffsets = offsets
        parameters = []
        parameters.reserveCapacity(total)
        for l in 0..<(widths.count - 1) {
            let bound = 1 / Double(widths[l]).squareRoot()
            for _ in 0..<((widths[l] + 1) * widths[l + 1]) {
                parameters.append(Scalar(generator.nextUniform(in: -bound, bound)))
            }
        }
    }

    /// The number of weight layers (hidden layers plus the output layer).
    public var layerCount: Int { widths.count - 1 }

    /// The input width.
    public var inputWidth: Int { widths[0] }

    /// The width of the last hidden layer: the learned basis functions.
    public var featureWidth: Int { widths[widths.count - 2] }

    // MARK: - Workspace

    /// Buffers for the passes over batches of up to `capacity` examples: every layer's
    /// activations and two layers of back-propagated errors.
    public struct Workspace: Sendable {
        /// The largest batch the buffers hold.
        public let capacity: Int
        var activations: [Scalar]
        var activationOffsets: [Int]
        var errors: [Scalar]
        var previousErrors: [Scalar]

        /// Buffers for `network` and batches of up to `capacity` examples.
        public init(for network: DenseNetwork, capacity: Int) {
            self.capacity = capacity
            var offsets: [Int] = []
            var total = 0
            for width in network.widths {
                offsets.append(total)
                total += capacity * width
            }
            activationOffsets = offsets
            activations = [Scalar](repeating: 0, count: total)
            let widest = network.widths.max() ?? 1
            errors = [Scalar](repeating: 0, count: capacity * widest)
            previousErrors = errors
        }
    }

    // MARK: - Passes

    /// Runs `count` examples (row-major in `inputs`) through the network, leaving every
    /// layer's activations in `workspace`.
    func forward(_ inputs: UnsafePointer<Scalar>, count: Int, workspace: inout Workspace) {
        precondition(count <= workspace.capacity, "batch of \(count) exceeds the workspace's \(workspace.capacity)")
        let widths = widths
        let offsets = workspace.activationOffsets
        parameters.withUnsafeBufferPointer { parameters in
            workspace.activations.withUnsafeMutableBufferPointer { activations in
                let base = activations.baseAddress!
                base.update(from: inputs, count: count * widths[0])
                for l in 0..<(widths.count - 1) {
                    let (fanIn, fanOut) = (widths[l], widths[l + 1])
                    let weights = parameters.baseAddress! + weightOffsets[l]
                    let biases = weights + fanIn * fanOut
                    for b in 0..<count {
                        let input = UnsafePointer(base + offsets[l] + b * fanIn)
                        let output = base + offsets[l + 1] + b * fanOut
                        VectorMath.affine(input, fanIn: fanIn, weights: weights, biases: biases, into: output, fanOut: fanOut)
                        if l < widths.count - 2 { activation.apply(output, count: fanOut) }
                    }
                }
            }
        }
    }

    /// Back-propagates the mean squared error of the last ``forward(_:count:workspace:)`` against
    /// `targets`, adding its gradient to `gradient`; returns the mean squared error.
    func backward(
        targets: UnsafePointer<Scalar>, count: Int, workspace: inout Workspace, gradient: UnsafeMutablePointer<Scalar>
    ) -> Scalar {
        let widths = widths
        let offsets = workspace.activationOffsets
        let last = widths.count - 1
        var loss: Scalar = 0
        parameters.withUnsafeBufferPointer { parameters in
            workspace.activations.withUnsafeBufferPointer { activations in
                workspace.errors.withUnsafeMutableBufferPointer { errorBuffer in
                    workspace.previousErrors.withUnsafeMutableBufferPointer { previousBuffer in
                        let a = activations.baseAddress!
                        var errors = errorBuffer.baseAddress!
                        var previous = previousBuffer.baseAddress!
                        let scale = 2 / Scalar(count)
                        for b in 0..<count {
                            let residual = a[offsets[last] + b] - targets[b]
                            loss += residual * residual
                            errors[b] = scale * residual
                        }
                        for l in stride(from: last - 1, through: 0, by: -1) {
                            let (fanIn, fanOut) = (widths[l], widths[l + 1])
                            let weights = parameters.baseAddress! + weightOffsets[l]
                            let weightGradient = gradient + weightOffsets[l]
                            let biasGradient = weightGradient + fanIn * fanOut
                            VectorMath.addOuterProducts(
                                a + offsets[l], fanIn: fanIn, errors, fanOut: fanOut, count: count, into: weightGradient)
                            for b in 0..<count {
                                let input = a + offsets[l] + b * fanIn
                                let error = errors + b * fanOut
                                for j in 0..<fanOut { biasGradient[j] += error[j] }
                                guard l > 0 else { continue }
                                let back = previous + b * fanIn
                                for i in 0..<fanIn { back[i] = dotProduct(weights + i * fanOut, error, count: fanOut) }
                                activation.multiplyByDerivative(back, outputs: input, count: fanIn)
                            }
                            swap(&errors, &previous)
                        }
                    }
                }
            }
        }
        return loss / Scalar(count)
    }

    /// Runs one example through the hidden layers and writes the last hidden layer's
    /// activations (``featureWidth`` values) to `features`; `scratch` holds ``scratchSize`` values.
    public func features(
        of input: UnsafePointer<Scalar>, into features: UnsafeMutablePointer<Scalar>, scratch: UnsafeMutablePointer<Scalar>
    ) {
        let first = widths.count == 3 ? features : scratch
        firstLayerProduct(of: input, into: first)
        hiddenLayers(firstProductAt: first, into: features, scratch: scratch)
    }

    /// The first layer's weights applied to one example, `W^T x`, without the biases
    /// (``widths``[1] values). It is linear in `x`, so a caller whose inputs are sums of a few
    /// fixed parts (a one-hot encoding) can tabulate it per part and add the parts up.
    public func firstLayerProduct(of input: UnsafePointer<Scalar>, into output: UnsafeMutablePointer<Scalar>) {
        let (fanIn, fanOut) = (widths[0], widths[1])
        parameters.withUnsafeBufferPointer { parameters in
            let weights = parameters.baseAddress!
            output.update(repeating: 0, count: fanOut)
            for i in 0..<fanIn {
                let x = input[i]
                if x == 0 { continue }
                let row = weights + i * fanOut
                for j in 0..<fanOut { output[j] += x * row[j] }
            }
        }
    }

    /// ``features(of:into:scratch:)`` from the example's ``firstLayerProduct(of:into:)``.
    public func features(
        firstLayerProduct product: UnsafePointer<Scalar>, into features: UnsafeMutablePointer<Scalar>,
        scratch: UnsafeMutablePointer<Scalar>
    ) {
        let first = widths.count == 3 ? features : scratch
        first.update(from: product, count: widths[1])
        hiddenLayers(firstProductAt: first, into: features, scratch: scratch)
    }

    /// Finishes the hidden layers from the first layer's `W^T x`, which `first` holds (it is
    /// `features` with one hidden layer and `scratch` otherwise): adds the biases, activates,
    /// and runs the later hidden layers, alternating between the halves of `scratch`.
    private func hiddenLayers(
        firstProductAt first: UnsafeMutablePointer<Scalar>, into features: UnsafeMutablePointer<Scalar>,
        scratch: UnsafeMutablePointer<Scalar>
    ) {
        let widths = widths
        let half = scratchSize / 2
        parameters.withUnsafeBufferPointer { parameters in
            let firstBiases = parameters.baseAddress! + weightOffsets[0] + widths[0] * widths[1]
            for j in 0..<widths[1] { first[j] += firstBiases[j] }
            activation.apply(first, count: widths[1])
            var current = UnsafePointer(first)
            for l in 1..<max(widths.count - 2, 1) {
                let (fanIn, fanOut) = (widths[l], widths[l + 1])
                let weights = parameters.baseAddress! + weightOffsets[l]
                let output = l == widths.count - 3 ? features : scratch + (l % 2) * half
                VectorMath.affine(current, fanIn: fanIn, weights: weights, biases: weights + fanIn * fanOut, into: output, fanOut: fanOut)
                activation.apply(output, count: fanOut)
                current = UnsafePointer(output)
            }
        }
    }

    /// The scratch space ``features(of:into:scratch:)`` needs: two of the widest hidden layer.
    public var scratchSize: Int { 2 * (widths.dropFirst().dropLast().max() ?? 1) }

    // MARK: - Whole-data conveniences

    /// The outputs for `count` row-major examples.
    public func outputs(_ inputs: [Scalar], count: Int) -> [Scalar] {
        layer(widths.count - 1, of: inputs, count: count)
    }

    /// The last hidden layer's activations (the basis functions) for `count` row-major examples,
    /// row-major `count` x ``featureWidth``.
    public func features(_ inputs: [Scalar], count: Int) -> [Scalar] {
        layer(widths.count - 2, of: inputs, count: count)
    }

    /// The mean squared error on `count` examples and its gradient with respect to ``parameters``.
    public func lossAndGradient(_ inputs: [Scalar], targets: [Scalar], count: Int) -> (loss: Scalar, gradient: [Scalar]) {
        precondition(inputs.count == count * inputWidth && targets.count == count, "lossAndGradient: shapes do not match")
        var workspace = Workspace(for: self, capacity: max(count, 1))
        var gradient = [Scalar](repeating: 0, count: parameters.count)
        let loss = inputs.withUnsafeBufferPointer { inputs in
            targets.withUnsafeBufferPointer { targets in
                gradient.withUnsafeMutableBufferPointer { gradient in
                    forward(inputs.baseAddress!, count: count, workspace: &workspace)
                    return backward(targets: targets.baseAddress!, count: count, workspace: &workspace, gradient: gradient.baseAddress!)
                }
            }
        }
        return (loss, gradient)
    }

    private func layer(_ index: Int, of inputs: [Scalar], count: Int) -> [Scalar] {
        precondition(inputs.count == count * inputWidth, "\(inputs.count) inputs do not form \(count) examples of width \(inputWidth)")
        guard count > 0 else { return [] }
        var workspace = Workspace(for: self, capacity: count)
        inputs.withUnsafeBufferPointer { forward($0.baseAddress!, count: count, workspace: &workspace) }
        let start = workspace.activationOffsets[index]
        return Array(workspace.activations[start..<(start + count * widths[index])])
    }
}
