import HPO

extension OptimizerName {
    /// The optimizer with its default settings; `withoutReplacement` applies to random search.
    func spec(withoutReplacement: Bool) -> OptimizerSpec {
        switch self {
        case .random: .random(RandomSearch.Settings(withoutReplacement: withoutReplacement))
        }
    }
}
