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

    /// The axis label with its unit, for FCNet.
    public var axisLabel: String { axisLabel(trueValueName: "mean validation MSE", valueName: "validation MSE") }

    /// The axis label of a benchmark whose noise-free value is called `trueValueName` and whose
    /// evaluations `valueName`.
    public func axisLabel(trueValueName: String, valueName: String) -> String {
        switch self {
        case .regret: "regret (\(trueValueName) − optimum)"
        case .observed: "best observed \(valueName)"
        }
    }
}
