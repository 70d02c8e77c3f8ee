extension RandomForest {
    /// Every fitted tree's leaves as boxes of the space, tree after tree, with `measures` (one
    /// per parameter) telling which parameters are finite. A leaf's value is on the scale of
    /// ``targetTransform``.
    func leafBoxes(measures: [ParameterMeasure]) -> [[LeafBox]] {
        withView { view in
            let dimension = view.codings.count - 1
            let root = measures.map { measure -> LeafBox.Extent in
                switch measure {
                case .finite(let weights, _):
                    var words = [UInt64](repeating: 0, count: (weights.count + 63) / 64)
                    for i in weights.indices { words[i >> 6] |= 1 << UInt64(i & 63) }
                    return .values(words)
                case .continuous:
                    return .interval(low: 0, high: 1)
                }
            }
            return view.roots.map { treeRoot in
                var leaves: [LeafBox] = []
                var pending: [(node: Int, extents: [LeafBox.Extent])] = [(Int(treeRoot), root)]
                while let (index, extents) = pending.popLast() {
                    let node = view.nodes[index]
                    let feature = Int(node.feature)
                    guard feature < dimension else {
                        leaves.append(LeafBox(extents: extents, value: view.means[index]))
                        continue
                    }
                    let coding = view.codings[feature]
                    var left = extents, right = extents
                    switch (measures[feature], extents[feature]) {
                    case (.finite(_, let first), .values(let words)):
                        var leftWords = words, rightWords = words
                        for (w, word) in words.enumerated() where word != 0 {
                            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 {
                                let value = first + Double(w * 64 + bit)
                                if coding.step(value, split: node.split, pool: view.masks) == 0 {
                                    rightWords[w] &= ~(1 << UInt64(bit))
                                } else {
                                    leftWords[w] &= ~(1 << UInt64(bit))
                                }
                            }
                        }
                        left[feature] = .values(leftWords)
                        right[feature] = .values(rightWords)
                    case (.continuous, .interval(let low, let high)):
                        let boundary = measures[feature].position(atOrBelow: Double(bitPattern: node.split))
                        left[feature] = .interval(low: low, high: min(high, max(low, boundary)))
                        right[feature] = .interval(low: max(low, min(high, boundary)), high: high)
                    default:
                        break
                    }
                    pending.append((Int(node.left) + 1, right))
                    pending.append((Int(node.left), left))
                }
                return leaves
            }
        }
    }
}
