import HPO

/// One line about a finished trial, e.g. `trial 3: complete 0.25 (lr=0.01 units=4)`.
struct TrialLine {
    let trial: Study.Trial

    var text: String {
        let config = trial.config.keys.sorted().map { "\($0)=\(trial.config[$0]?.description ?? "")" }.joined(separator: " ")
        switch trial.state {
        case .complete: return "trial \(trial.id): complete \((trial.value ?? .nan).significant(6)) (\(config))"
        case .failed: return "trial \(trial.id): failed: \(trial.failureReason ?? "no reason recorded") (\(config))"
        case .running: return "trial \(trial.id): running (\(config))"
        }
    }
}
