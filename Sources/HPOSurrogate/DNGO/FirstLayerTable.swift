import HPOSpace

/// The first layer's `W^T x` of a network, tabulated per parameter value, so that a prediction
/// in a space of choices needs no encoding: the standardised one-hot input is a sum of one part
/// per parameter (its columns), the product is linear, so it is the sum of one table row per
/// parameter (nine rows of 50 on FCNet instead of a 12 x 50 product after encoding).
struct FirstLayerTable: Sendable {
    /// The rows, `width` values each: parameter after parameter, value after value.
    private let rows: [Float]
    /// Where each parameter's rows start (in rows).
    private let offsets: [Int]
    /// Each parameter's number of values.
    private let counts: [Int]
    /// Each parameter's smallest internal value.
    private let lows: [Double]
    /// The first hidden layer's width.
    let width: Int

    /// The most rows worth tabulating; spaces with more values (or a real parameter) are
    /// predicted through the encoding instead.
    static let maximumRows = 4096

    /// The table of `network` for inputs encoded in `scope` and standardised as
    /// `(encoding - mean) * scale`, or `nil` if `space` has a real parameter or too many values.
    init?(space: SearchSpace, scope: OneHotScope, network: DenseNetwork, inputMean: [Float], inputScale: [Float]) {
        let counts = space.parameters.map { $0.domain.cardinality ?? 0 }
        let total = counts.reduce(0, +)
        guard !counts.contains(0), total <= Self.maximumRows else { return nil }
        let width = network.widths[1]
        self.width = width
        self.counts = counts
        lows = space.parameters.map(\.indexBounds.low)
        var offsets: [Int] = []
        var table = [Float](repeating: 0, count: total * width)
        var row = 0
        var column = 0
        for (p, parameter) in space.parameters.enumerated() {
            offsets.append(row)
            let columns = scope.columns(of: parameter.domain)
            var block = [Double](repeating: 0, count: columns)
            for v in 0..<counts[p] {
                scope.encode(lows[p] + Double(v), of: parameter, into: &block[...])
                var input = [Float](repeating: 0, count: network.inputWidth)
                for k in 0..<columns {
                    input[column + k] = (Float(block[k]) - inputMean[column + k]) * inputScale[column + k]
                }
                input.withUnsafeBufferPointer { input in
                    table.withUnsafeMutableBufferPointer { table in
                        network.firstLayerProduct(of: input.baseAddress!, into: table.baseAddress! + row * width)
                    }
                }
                row += 1
            }
            column += columns
        }
        rows = table
        self.offsets = offsets
    }

    /// Writes `W^T x` of `configuration`'s standardised encoding to `output` (``width`` values);
    /// returns `false`, leaving `output` undefined, if a value is not one of its parameter's.
    func product(of configuration: Configuration, into output: UnsafeMutablePointer<Float>) -> Bool {
        guard configuration.values.count == counts.count else { return false }
        output.update(repeating: 0, count: width)
        return rows.withUnsafeBufferPointer { rows in
            for (p, value) in configuration.values.enumerated() {
                let index = value - lows[p]
                guard index >= 0, index < Double(counts[p]), index == index.rounded(.down) else { return false }
                let row = rows.baseAddress! + (offsets[p] + Int(index)) * width
                for j in 0..<width { output[j] += row[j] }
            }
            return true
        }
    }
}
