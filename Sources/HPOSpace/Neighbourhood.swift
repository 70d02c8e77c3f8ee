// MARK: - Neighbourhoods for local search

extension SearchSpace {
    /// The positions of the parameters with finitely many values.
    public var finiteParameterIndices: [Int] {
        parameters.indices.filter { parameters[$0].domain.cardinality != nil }
    }

    /// Every configuration that differs from `configuration` in exactly `distance` finite
    /// parameters (Hamming distance), in a fixed order. Real parameters are left unchanged: moves
    /// in continuous dimensions belong to the maximizer.
    public func neighbours(of configuration: Configuration, distance: Int) -> [Configuration] {
        var result: [Configuration] = []
        forEachNeighbour(of: configuration, distance: distance) { result.append($0) }
        return result
    }

    /// Calls `body` with each configuration at Hamming distance `distance`, reusing one buffer.
    public func forEachNeighbour(
        of configuration: Configuration, distance: Int, _ body: (Configuration) throws -> Void
    ) rethrows {
        let finite = finiteParameterIndices
        guard distance >= 1, distance <= finite.count else { return }
        var chosen = Array(0..<distance) // positions into `finite`, increasing
        var candidate = configuration
        while true {
            try forEachChange(of: configuration, dims: chosen.map { finite[$0] }, level: 0, &candidate, body)
            // next combination of `distance` out of `finite.count`
            var i = distance - 1
            while i >= 0, chosen[i] == finite.count - distance + i { i -= 1 }
            if i < 0 { return }
            chosen[i] += 1
            for j in (i + 1)..<distance { chosen[j] = chosen[j - 1] + 1 }
        }
    }

    private func forEachChange(
        of configuration: Configuration, dims: [Int], level: Int, _ candidate: inout Configuration,
        _ body: (Configuration) throws -> Void
    ) rethrows {
        if level == dims.count { try body(candidate); return }
        let d = dims[level]
        let (low, high) = parameters[d].indexBounds
        var v = low
        while v <= high {
            if v != configuration.values[d] {
                candidate.values[d] = v
                try forEachChange(of: configuration, dims: dims, level: level + 1, &candidate, body)
            }
            v += 1
        }
        candidate.values[d] = configuration.values[d]
    }

    /// The number of configurations at Hamming distance `distance` from any configuration:
    /// the sum over `distance`-subsets S of the finite parameters of the product of (n_i - 1).
    public func neighbourCount(distance: Int) -> Int {
        // Elementary symmetric polynomial of the (n_i - 1), by the usual recurrence.
        var e = [Int](repeating: 0, count: max(distance, 0) + 1)
        e[0] = 1
        for i in finiteParameterIndices {
            let m = (parameters[i].domain.cardinality ?? 1) - 1
            if distance >= 1 {
                for k in stride(from: distance, through: 1, by: -1) { e[k] += e[k - 1] * m }
            }
        }
        return distance >= 0 ? e[distance] : 0
    }

    /// The configurations one step up or down an ordered finite parameter (ordinal or integer)
    /// away: at most two per such parameter.
    public func ordinalSteps(of configuration: Configuration) -> [Configuration] {
        var result: [Configuration] = []
        for (i, parameter) in parameters.enumerated() where parameter.domain.isOrdered && parameter.domain.cardinality != nil {
            let (low, high) = parameter.indexBounds
            for step in [-1.0, 1.0] {
                let v = configuration.values[i] + step
                if v >= low, v <= high {
                    var neighbour = configuration
                    neighbour.values[i] = v
                    result.append(neighbour)
                }
            }
        }
        return result
    }
}
