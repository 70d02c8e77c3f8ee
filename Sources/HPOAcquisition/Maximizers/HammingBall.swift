import HPORandom
import HPOSpace

/// The configurations within Hamming distance ``radius`` of ``center`` in the finite parameters
/// of a space: the trust region a maximizer may be confined to. Real parameters are not counted
/// (they never make a configuration leave the ball).
public struct HammingBall: Hashable, Sendable {
    /// The configuration at the centre.
    public let center: Configuration
    /// The largest number of finite parameters in which a member may differ from the centre.
    public let radius: Int
    /// The positions of the space's finite parameters.
    private let finite: [Int]

    /// The ball of `radius` around `center` in `space` (a negative radius counts as 0: the
    /// centre alone).
    public init(center: Configuration, radius: Int, in space: SearchSpace) {
        self.center = center
        self.radius = max(radius, 0)
        self.finite = space.finiteParameterIndices
    }

    /// Whether the ball is every configuration of the space.
    public var coversSpace: Bool { radius >= finite.count }

    /// The number of finite parameters in which `configuration` differs from the centre.
    public func distance(to configuration: Configuration) -> Int {
        var differences = 0
        for d in finite where configuration.values[d] != center.values[d] { differences += 1 }
        return differences
    }

    /// Whether `configuration` lies in the ball.
    public func contains(_ configuration: Configuration) -> Bool {
        coversSpace || distance(to: configuration) <= radius
    }

    /// A configuration of the ball: the centre with min(``radius``, number of finite parameters)
    /// distinct finite parameters, chosen uniformly, redrawn from their sampling distributions
    /// (a redrawn value may equal the centre's), and the real parameters as the centre has them.
    /// Every member of the ball can be drawn; the draw is not uniform over the ball.
    public func sample(in space: SearchSpace, using generator: inout SeededGenerator) -> Configuration {
        if coversSpace { return space.sample(using: &generator) }
        var configuration = center
        for position in generator.sample(radius, from: finite.count) {
            let d = finite[position]
            configuration.values[d] = space.parameters[d].sample(using: &generator)
        }
        return configuration
    }

    /// Calls `body` with every id of a finite `space` and whether it lies in the ball, in id
    /// order, keeping the distance to the centre up to date digit by digit (no configuration is
    /// made). Does nothing for an infinite space.
    public func forEachID(in space: SearchSpace, _ body: (_ id: Int, _ inside: Bool) -> Void) {
        guard let size = space.size else { return }
        let lows = space.parameters.map { Int($0.indexBounds.low) }
        let highs = space.parameters.map { Int($0.indexBounds.high) }
        let centre = center.values.map { Int($0) }
        var digits = lows
        var differences = zip(lows, centre).filter { $0 != $1 }.count
        let all = coversSpace
        for id in 0..<size {
            body(id, all || differences <= radius)
            // Odometer step: the last parameter is the least significant digit of the id.
            var d = digits.count - 1
            while d >= 0 {
                let old = digits[d]
                let carries = old == highs[d]
                let new = carries ? lows[d] : old + 1
                digits[d] = new
                differences += (new != centre[d] ? 1 : 0) - (old != centre[d] ? 1 : 0)
                if !carries { break }
                d -= 1
            }
        }
    }
}
