import HPOSpace

/// A kind of optimizer (random search, Bayesian optimization with a random forest, ...): its
/// name, its typed settings with their defaults and keys, and how to build an optimizer from them.
///
/// This is the seam for new optimizers: a type conforming to it, registered in an
/// ``OptimizerRegistry``, is offered by name next to the built-in ones, takes `--set key=value`
/// through ``settings``, and is stored in study files and comparison folders by ``name``.
public protocol OptimizerKind: Sendable {
    /// The kind's settings: a value that fully describes one optimizer of this kind.
    associatedtype Settings: Hashable, Sendable, Codable

    /// The name, e.g. `bo-rf`: letters, digits and `-`. It names the kind's default preset too.
    var name: String { get }
    /// What the kind's default preset does, in one line.
    var summary: String { get }
    /// The settings of the kind's default preset.
    var defaults: Settings { get }
    /// The settings users can change by key, in the order they are listed and applied.
    var settings: [OptimizerSetting<Settings>] { get }

    /// A fresh optimizer over `space`; throws for settings out of range.
    func makeOptimizer(space: SearchSpace, settings: Settings) throws -> any Optimizer
    /// One line on what an optimizer with `settings` does, for reports.
    func summary(of settings: Settings) -> String
    /// Whether an optimizer with `settings` plans by the number of evaluations it will get
    /// (``History/budget``), so that a run of it is not the beginning of a longer run.
    func usesBudget(_ settings: Settings) -> Bool
}

extension OptimizerKind {
    public func usesBudget(_ settings: Settings) -> Bool { false }

    /// The optimizer of this kind with `settings` (the defaults unless given).
    public func spec(_ settings: Settings? = nil) -> OptimizerSpec {
        OptimizerSpec(self, settings: settings ?? defaults)
    }

    /// The optimizer of this kind with the defaults changed by `change`.
    public func spec(changing change: (inout Settings) -> Void) -> OptimizerSpec {
        var settings = defaults
        change(&settings)
        return OptimizerSpec(self, settings: settings)
    }
}
