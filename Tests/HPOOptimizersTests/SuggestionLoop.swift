import HPORandom
import HPOSpace
@testable import HPOOptimizers

/// The history after `steps` suggestions of `optimizer`, each evaluated by `objective` (a
/// configuration's internal values to its loss) before the next, all draws from `seed`.
func suggestionLoop(
    _ optimizer: some Optimizer, steps: Int, seed: UInt64, objective: ([Double]) -> Double?
) throws -> History {
    var optimizer = optimizer
    var history = History(space: optimizer.space)
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<steps {
        let configuration = try optimizer.suggest(given: history, using: &generator)
        try optimizer.space.validate(configuration)
        history.append(Observation(configuration: configuration, value: objective(configuration.values)))
    }
    return history
}
