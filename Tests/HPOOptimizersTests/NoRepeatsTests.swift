import Foundation
import HPOObjective
import HPOOptimizers
import HPORandom
import HPORun
import HPOSpace
import Testing

/// The Branin function on its usual domain (global minimum 0.397887 at three points).
private struct Branin: Objective {
    let space: SearchSpace

    init() throws {
        space = try SearchSpace([.real("x1", -5, 10), .real("x2", 0, 15)])
    }

    func evaluate(_ configuration: Configuration, using generator: inout SeededGenerator) throws -> Evaluation {
        let values = space.values(of: configuration).map { entry -> Double in
            if case .number(let x) = entry.value { x } else { .nan }
        }
        let (x1, x2) = (values[0], values[1])
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        let value = pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * cos(x1) + 10
        return Evaluation(value: value, cost: 0)
    }
}

/// An optimizer repeats a configuration only when it means to (intensification, allow_repeats):
/// on a continuous space too, where the maximizer can climb back to an evaluated point.
@Suite struct NoRepeatsTests {
    @Test(arguments: ["bo-rf", "bo-dngo", "bo-gp"])
    func modelBasedPresetsNeverRepeatAConfigurationOnAContinuousSpace(_ preset: String) throws {
        let branin = try Branin()
        let quick = preset == "bo-dngo" ? [("epochs", SettingValue.integer(20)), ("warm_start_epochs", 2)] : []
        let spec = try OptimizerRegistry.standard.optimizer(named: preset, changes: quick).spec
        let loop = try RunLoop(optimizer: spec, objective: branin, evaluations: 40)
        for result in try Experiment(loop: loop, runs: 3, seed: 8).perform(jobs: 2) {
            #expect(Set(result.trials.map(\.configuration)).count == 40, "\(preset) run \(result.run) repeated a configuration")
        }
    }
}
