import HPORandom
import RealModule

/// Coordinate-wise slice sampling with stepping out and shrinkage (Neal 2003, "Slice
/// sampling", figures 3 and 5): a Markov chain whose stationary law has log-density `logDensity`
/// (up to a constant). It needs no tuning beyond a typical step width.
struct SliceSampler {
    /// The initial width of the bracket around the current point on each coordinate.
    var width: Double
    /// The most widenings of a bracket on each side.
    var maximumSteps: Int = 20

    /// One sweep: updates each coordinate of `point` in turn; `value` is `logDensity(point)` and
    /// is kept current. `point` must have a finite log-density.
    func sweep(
        _ point: inout [Double], value: inout Double, logDensity: ([Double]) -> Double,
        using generator: inout SeededGenerator
    ) {
        for i in point.indices {
            let level = value + Double.log(onePlus: -generator.nextUniform()) // log(u * p), u in (0, 1]
            let x = point[i]
            var low = x - width * generator.nextUniform()
            var high = low + width
            var probe = point
            var left = generator.nextInt(below: maximumSteps + 1)
            var right = maximumSteps - left
            probe[i] = low
            while left > 0, logDensity(probe) > level {
                low -= width
                probe[i] = low
                left -= 1
            }
            probe[i] = high
            while right > 0, logDensity(probe) > level {
                high += width
                probe[i] = high
                right -= 1
            }
            while true {
                let candidate = generator.nextUniform(in: low, high)
                probe[i] = candidate
                let candidateValue = logDensity(probe)
                if candidateValue > level {
                    point[i] = candidate
                    value = candidateValue
                    break
                }
                if candidate < x { low = candidate } else { high = candidate }
                if high - low < 1e-12 { break } // the slice has collapsed onto x: keep it
            }
        }
    }
}
