import HPOSpace

/// The rules by which the automatic optimizer (`auto`) picks one of the project's presets for a
/// study: by what the space holds and whether the objective is declared noisy.
///
/// - A noisy objective: `bo-rf-noisy`, the preset with intensification and a final confirmation.
/// - A space with a real or integer range: `bo-gp`, which had the best average rank over the
///   synthetic suite at 25%, 50% and 100% of each budget (continuous problems of 2 to 20
///   dimensions, integer, mixed and categorical ones; docs/benchmark-notes.md).
/// - A space of categorical parameters only: `bo-gp` too (its overlap kernel), which reached a
///   lower regret than `bo-rf` at every fraction of the budget on the suite's categorical problem.
/// - A space of ordinal parameters, with or without categorical ones (a tabular benchmark, an
///   architecture search): `bo-rf`, stronger than `bo-gp` on three of the four FCNet tables.
///
/// The budget does not change the choice: the suite's budgets (40 to 100) gave no reason to, and
/// past 1,000 observations `bo-gp` conditions on a subset, so its time per suggestion stays near
/// a second. The rules are a pure function, so every process of a study makes the same choice,
/// and they have editions: a study keeps the edition it was made with (``edition``), so an
/// upgrade never changes the optimizer of a study under way.
public struct AutomaticRules: Hashable, Sendable {
    /// What the rules look at.
    public struct Problem: Hashable, Sendable {
        /// Whether the space has a real or integer range.
        public var hasRange: Bool
        /// Whether the space has an ordinal parameter.
        public var hasOrdinal: Bool
        /// Whether the objective is declared noisy.
        public var noisy: Bool

        /// What the rules see of `space` and `noisy`.
        public init(space: SearchSpace, noisy: Bool) {
            hasRange = space.parameters.contains {
                switch $0.domain {
                case .real, .integer: true
                case .categorical, .ordinal: false
                }
            }
            hasOrdinal = space.parameters.contains {
                if case .ordinal = $0.domain { true } else { false }
            }
            self.noisy = noisy
        }
    }

    /// The preset chosen for a problem, and why, in one line.
    public struct Choice: Hashable, Sendable {
        /// The preset's name.
        public var preset: String
        /// Why it was chosen.
        public var reason: String
    }

    /// The edition of the rules: 1 chose `bo-rf` for every space without a range, 2 (the
    /// current one) chooses `bo-gp` for spaces of categorical parameters only.
    public var edition: Int

    /// The latest edition, that of new studies.
    public static let currentEdition = 2

    /// The rules of `edition`.
    public init(edition: Int = Self.currentEdition) {
        self.edition = edition
    }

    /// The rules in words, for `hpo optimizers auto`.
    public static let summary = "bo-rf-noisy for a noisy objective; else bo-gp when the space has a real or integer range or only categorical parameters (best average rank over the synthetic suite), bo-rf for spaces with ordinal parameters and no range (tabular benchmarks)"

    /// The preset for `problem`.
    public func choose(for problem: Problem) -> Choice {
        if problem.noisy {
            return Choice(preset: "bo-rf-noisy", reason: "a noisy objective")
        }
        if problem.hasRange {
            return Choice(preset: "bo-gp", reason: "a space with a real or integer range")
        }
        if edition >= 2 && !problem.hasOrdinal {
            return Choice(preset: "bo-gp", reason: "a space of categorical parameters")
        }
        return Choice(preset: "bo-rf", reason: edition >= 2 ? "a space of ordinal parameters with no range" : "a space of categorical and ordinal parameters")
    }
}
