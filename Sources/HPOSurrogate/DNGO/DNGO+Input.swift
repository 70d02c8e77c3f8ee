import HPOSpace

extension DNGO {
    /// A network's input: the one-hot encoding of a configuration in one scope
    /// (``HPOSpace/OneHotScope``), standardised column by column with the means and standard
    /// deviations of the data the network was last fitted to.
    struct Input: Sendable {
        /// Which parameters are one-hot.
        let scope: OneHotScope
        /// The number of columns.
        let width: Int
        /// The columns' means and inverse standard deviations in the fitted data.
        let mean: [Float]
        let scale: [Float]

        /// The standardisation of `configurations`' encodings in `scope`, and those encodings
        /// standardised (row-major, `width` columns).
        static func standardizing(_ configurations: [Configuration], in space: SearchSpace, scope: OneHotScope) -> (input: Input, rows: [Float]) {
            let width = space.oneHotWidth(scope)
            let count = configurations.count
            var raw = [Double](repeating: 0, count: count * width)
            for (r, configuration) in configurations.enumerated() {
                var row = raw[(r * width)..<((r + 1) * width)]
                space.oneHot(configuration, into: &row, scope: scope)
                raw.replaceSubrange((r * width)..<((r + 1) * width), with: row)
            }
            var mean: [Float] = []
            var scale: [Float] = []
            for c in 0..<width {
                let (m, s) = DNGO.meanAndScale(stride(from: c, to: raw.count, by: width).map { raw[$0] })
                mean.append(Float(m))
                scale.append(Float(1 / s))
            }
            var rows = [Float](repeating: 0, count: raw.count)
            for i in raw.indices {
                let c = i % width
                rows[i] = (Float(raw[i]) - mean[c]) * scale[c]
            }
            return (Input(scope: scope, width: width, mean: mean, scale: scale), rows)
        }

        /// Writes the standardised encoding of `configuration` to `input` (``width`` values).
        func encode(_ configuration: Configuration, in space: SearchSpace, into input: UnsafeMutablePointer<Float>) {
            let encoded = space.oneHot(configuration, scope: scope)
            for i in 0..<width { input[i] = (Float(encoded[i]) - mean[i]) * scale[i] }
        }
    }
}
