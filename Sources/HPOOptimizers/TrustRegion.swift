import HPOAcquisition
import HPOSpace

/// An adaptive trust region for Bayesian optimization over the finite parameters of a space, in
/// the manner of CASMOPOLITAN (Wan et al. 2021) and TuRBO (Eriksson et al. 2019).
///
/// After the initial design the acquisition function is maximized only over the configurations
/// within Hamming distance r of the incumbent (the evaluated configuration with the lowest
/// predicted mean). The radius starts at ``initialRadius``. After ``failureTolerance``
/// consecutive evaluations that did not lower the lowest observation it shrinks (by one, or by
/// half, see ``Shrink``); after ``successTolerance`` consecutive evaluations that did, it grows
/// (by one, or doubles), never beyond ``initialRadius``. When it would fall below 1 the region
/// restarts at ``initialRadius``. A radius at least the number of finite parameters is the whole
/// space (a global step).
///
/// The radius is a function of the history alone (``state(after:initialDesignSize:)``), so
/// an optimizer rebuilt from its history, as a study does, is in the same region.
public struct TrustRegion: Hashable, Sendable, Codable {
    /// How the radius shrinks after failures (and grows after successes).
    public enum Shrink: String, Hashable, Sendable, Codable, CaseIterable {
        /// r -> r - 1 after failures, r -> r + 1 after successes.
        case decrement
        /// r -> r / 2 (rounded down) after failures, r -> 2r after successes.
        case halve
    }

    /// The radius at the start and after every restart, and the largest radius.
    public var initialRadius: Int
    /// Consecutive evaluations without a new lowest observation after which the radius shrinks.
    public var failureTolerance: Int
    /// Consecutive evaluations with a new lowest observation after which the radius grows.
    public var successTolerance: Int
    /// How the radius shrinks and grows.
    public var shrink: Shrink

    /// Creates trust-region settings (tuning record in BENCHMARKS.md).
    public init(initialRadius: Int = 3, failureTolerance: Int = 5, successTolerance: Int = 2, shrink: Shrink = .decrement) {
        self.initialRadius = initialRadius
        self.failureTolerance = failureTolerance
        self.successTolerance = successTolerance
        self.shrink = shrink
    }

    /// Where the region stands after a sequence of evaluations.
    public struct State: Hashable, Sendable {
        /// The current radius, in 1 ... ``TrustRegion/initialRadius``.
        public var radius: Int
        /// Consecutive evaluations without a new lowest observation since the last change.
        public var failures = 0
        /// Consecutive evaluations with a new lowest observation since the last change.
        public var successes = 0
        /// How many times the radius fell below 1 and was reset.
        public var restarts = 0
    }

    /// The state before any model-based evaluation.
    public var initialState: State { State(radius: initialRadius) }

    /// `state` after one more evaluation that did (`improved`) or did not lower the lowest
    /// observation.
    public func update(_ state: State, improved: Bool) -> State {
        var next = state
        if improved {
            next.successes += 1
            next.failures = 0
            if next.successes >= successTolerance {
                next.radius = min(initialRadius, shrink == .halve ? 2 * next.radius : next.radius + 1)
                next.successes = 0
            }
        } else {
            next.failures += 1
            next.successes = 0
            if next.failures >= failureTolerance {
                next.radius = shrink == .halve ? next.radius / 2 : next.radius - 1
                next.failures = 0
                if next.radius < 1 {
                    next.radius = initialRadius
                    next.restarts += 1
                }
            }
        }
        return next
    }

    /// The state after every evaluation of `history` past the first `initialDesignSize`: each
    /// counts as a success when its value is below every earlier successful value (the first
    /// successful value counts as one too), and as a failure otherwise (failed evaluations too).
    public func state(after history: History, initialDesignSize: Int) -> State {
        var state = initialState
        var lowest = Double.infinity
        for (index, observation) in history.observations.enumerated() {
            let value = observation.value.flatMap { $0.isFinite ? $0 : nil }
            let improved = value.map { $0 < lowest } ?? false
            if let value, improved { lowest = value }
            if index >= initialDesignSize { state = update(state, improved: improved) }
        }
        return state
    }

    /// Throws ``OptimizerError/invalidSetting(name:value:valid:)`` for the first setting out of range.
    public func validate() throws {
        for (name, value) in [("initial radius", initialRadius), ("failure tolerance", failureTolerance), ("success tolerance", successTolerance)] {
            guard value >= 1 else {
                throw OptimizerError.invalidSetting(name: "trust region \(name)", value: "\(value)", valid: "a positive integer")
            }
        }
    }
}
