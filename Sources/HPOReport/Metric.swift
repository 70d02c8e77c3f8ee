import HPORun


/// What a trajectory figure plots for each run.
public enum Metric: String, Sendable, CaseIterable {
    /// The incumbent's regret: its noise-free value minus the optimum.
    case regret
    /// The best value observed so far (noisy, as the original report plotted it).
    case observed

    /// The values of `run` after each evaluation.
    public func values(of run: ResultsDocument.RunRecord) -> [Double] {
        switch self {
        case .regret: run.regret ?? []
        case .observed: run.observed
        }
    }

    /// The axis label with its unit.
    public var axisLabel: String {
        switch self {
        case .regret: "regret (mean validation MSE − optimum)"
        case .observed: "best observed validation MSE"
        }
    }
}
