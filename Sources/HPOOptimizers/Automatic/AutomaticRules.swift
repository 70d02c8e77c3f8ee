import HPOSpace

/// The rules by which the automatic optimizer (`auto`) picks one of the project's presets for a
/// study: by what the space holds, the budget, and whether the objective is declared noisy.
///
/// The rules, and the measurements behind them, are written down in BENCHMARKS.md (the suite
/// table) and docs/research-log.md; they are a pure function, so the choice is the same in every
/// process of a study.
public struct AutomaticRules: Hashable, Sendable {
    /// What the rules look at.
    public struct Problem: Hashable, Sendable {
        /// Parameters with a real range.
        public var real = 0
        /// Integer ranges.
        public var integer = 0
        /// Ordinal parameters.
        public var ordinal = 0
        /// Categorical parameters.
        public var categorical = 0
        /// The number of configurations of a finite space, `nil` with a real parameter.
        public var size: Int?
        /// The evaluations the study is to make, when known.
        public var budget: Int?
        /// Whether the objective is declared noisy.
        public var noisy: Bool

        /// What the rules see of `space`, `budget` and `noisy`.
        public init(space: SearchSpace, budget: Int?, noisy: Bool) {
            for parameter in space.parameters {
                switch parameter.domain {
                case .real: real += 1
                case .integer: integer += 1
                case .ordinal: ordinal += 1
                case .categorical: categorical += 1
                }
            }
            size = space.size
            self.budget = budget
            self.noisy = noisy
        }

        /// The number of parameters.
        public var dimension: Int { real + integer + ordinal + categorical }
    }

    /// The preset chosen for a problem, and why, in one line.
    public struct Choice: Hashable, Sendable {
        /// The preset's name.
        public var preset: String
        /// Why it was chosen.
        public var reason: String
    }

    /// The rules.
    public init() {}

    /// The rule for a declared noisy objective, in words.
    public static let noisyRule = "bo-rf-noisy for any space and budget (the only preset with intensification and a final confirmation that stays fast at any size)"
    /// The rule for a deterministic objective, in words.
    public static let deterministicRule = "bo-rf for any space and budget (the best average rank over the synthetic suite among random, bo-rf and bo-dngo, the presets measured there so far, and strong on the FCNet tables)"

    /// The preset for `problem`.
    public func choose(for problem: Problem) -> Choice {
        if problem.noisy {
            return Choice(preset: "bo-rf-noisy", reason: Self.noisyRule)
        }
        return Choice(preset: "bo-rf", reason: Self.deterministicRule)
    }
}
