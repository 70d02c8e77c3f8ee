import HPO

/// One line about a trial, e.g. `trial 3: complete 0.25 (lr=0.01 units=4)` or
/// `trial 9 (re-run of trial 7): running (lr=0.5 units=2)`.
struct TrialLine {
    let trial: Study.Trial

    var text: String {
        let config = trial.config.keys.sorted().map { "\($0)=\(trial.config[$0]?.description ?? "")" }.joined(separator: " ")
        let name = "trial \(trial.id)" + (trial.retryOf.map { " (re-run of trial \($0))" } ?? "")
        switch trial.state {
        case .complete: return "\(name): complete \((trial.value ?? .nan).significant(6)) (\(config))"
        case .failed: return "\(name): failed: \(trial.failureReason ?? "no reason recorded") (\(config))"
        case .running: return "\(name): running (\(config))"
        case .interrupted: return "\(name): interrupted: \(trial.failureReason ?? "no reason recorded") (\(config))"
        }
    }
}
