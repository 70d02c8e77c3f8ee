import HPOSpace

/// One evaluation of a run.
public struct Trial: Hashable, Sendable {
    /// The configuration evaluated.
    public var configuration: Configuration
    /// The observed loss.
    public var value: Double
    /// The evaluation's cost in seconds (for FCNet: the drawn seed's training runtime).
    public var cost: Double
    /// Wall-clock seconds the optimizer spent suggesting this configuration (not reproducible,
    /// so not part of the default result files).
    public var suggestSeconds: Double

    /// Creates a trial.
    public init(configuration: Configuration, value: Double, cost: Double, suggestSeconds: Double) {
        self.configuration = configuration
        self.value = value
        self.cost = cost
        self.suggestSeconds = suggestSeconds
    }
}
