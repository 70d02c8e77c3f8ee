import HPORandom
import HPOSpace

extension VariableNeighbourhoodAscent {
    /// ``ascend(from:space:using:score:)`` on a finite space, by configuration id: a neighbour's
    /// id follows from the current id by the changed values' place values, so a neighbour scored
    /// before costs one table lookup and no configuration is made for it. Neighbours are visited
    /// in the order of ``SearchSpace/forEachNeighbour(of:distance:_:)`` and ties are broken by the
    /// same draws, so both ascents end at the same configuration with the same generator state.
    ///
    /// - Parameters:
    ///   - strides: the space's id place values (``SearchSpace/idStrides``).
    ///   - memo: the scores so far; new ones are added.
    func ascendByID(
        from start: Configuration, space: SearchSpace, strides: [Int], memo: inout ScoreMemo,
        using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> ScoredConfiguration {
        let dimension = strides.count
        let bounds = space.parameters.map { (low: Int($0.indexBounds.low), high: Int($0.indexBounds.high)) }
        var current = start
        var currentID = space.fastID(of: start) ?? 0
        var currentScore = memo.score(id: currentID) { score(start) }
        // `scratch` equals `current` except while a neighbour is being scored.
        var scratch = current
        var chosen = [Int](repeating: 0, count: dimension)
        var values = [Int](repeating: 0, count: dimension)
        var distance = 1
        while distance <= min(settings.maximumDistance, dimension) {
            var argmax = RandomTieArgmax<Int>()
            // Every `distance`-subset of the parameters in increasing order, the first fastest
            // to change last, like forEachNeighbour.
            for i in 0..<distance { chosen[i] = i }
            while true {
                // Every assignment of other values to the chosen parameters, first parameter
                // outermost, values increasing.
                var level = 0
                values[0] = bounds[chosen[0]].low - 1
                while level >= 0 {
                    let d = chosen[level]
                    var v = values[level] + 1
                    if v == Int(current.values[d]) { v += 1 }
                    if v > bounds[d].high {
                        level -= 1
                        continue
                    }
                    values[level] = v
                    if level + 1 < distance {
                        level += 1
                        values[level] = bounds[chosen[level]].low - 1
                        continue
                    }
                    var id = currentID
                    for k in 0..<distance {
                        id += (values[k] - Int(current.values[chosen[k]])) * strides[chosen[k]]
                    }
                    let s = memo.score(id: id) {
                        for k in 0..<distance { scratch.values[chosen[k]] = Double(values[k]) }
                        defer { for k in 0..<distance { scratch.values[chosen[k]] = current.values[chosen[k]] } }
                        return score(scratch)
                    }
                    argmax.offer(id, score: s, using: &generator)
                }
                var i = distance - 1
                while i >= 0, chosen[i] == dimension - distance + i { i -= 1 }
                if i < 0 { break }
                chosen[i] += 1
                for j in (i + 1)..<distance { chosen[j] = chosen[j - 1] + 1 }
            }
            if let bestID = argmax.best, argmax.bestScore > currentScore, let best = try? space.configuration(id: bestID) {
                current = best
                scratch = best
                currentID = bestID
                currentScore = argmax.bestScore
                distance = 1
            } else {
                distance += 1
            }
        }
        return ScoredConfiguration(configuration: current, score: currentScore)
    }
}
