/// The form optimizers were stored in before kinds and the registry (study files and comparison
/// folders of earlier versions): read so that those files still open.
enum LegacyOptimizerSpec: Decodable {
    case random(RandomSearch.Settings)
    case bayesianOptimization(surrogate: SurrogateKind, settings: BayesianOptimization.Settings)

    /// The optimizer in today's form.
    var spec: OptimizerSpec {
        switch self {
        case .random(let settings): .random(settings)
        case .bayesianOptimization(let surrogate, let settings): .bayesianOptimization(surrogate: surrogate, settings: settings)
        }
    }
}
