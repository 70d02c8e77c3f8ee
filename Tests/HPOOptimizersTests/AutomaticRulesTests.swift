import Foundation
import HPOOptimizers
import HPOSpace
import Testing

/// The automatic optimizer's rules: the preset chosen for each kind of space, and the edition a
/// study keeps.
@Suite struct AutomaticRulesTests {
    private static let ranged = try! SearchSpace([
        Parameter(name: "x", domain: .real(low: 0, high: 1, log: false)),
        Parameter(name: "c", domain: .categorical(choices: ["a", "b"])),
    ])
    private static let categorical = try! SearchSpace([
        Parameter(name: "c", domain: .categorical(choices: ["a", "b", "c"])),
        Parameter(name: "d", domain: .categorical(choices: ["p", "q"])),
    ])
    private static let tabular = try! SearchSpace([
        Parameter(name: "units", domain: .ordinal(values: [.number(16), .number(32), .number(64)])),
        Parameter(name: "activation", domain: .categorical(choices: ["relu", "tanh"])),
    ])

    private func preset(_ space: SearchSpace, noisy: Bool = false, edition: Int = AutomaticRules.currentEdition) -> String {
        AutomaticRules(edition: edition).choose(for: AutomaticRules.Problem(space: space, noisy: noisy)).preset
    }

    @Test func choosesByTheSpaceAndTheNoise() {
        #expect(preset(Self.ranged) == "bo-gp")
        #expect(preset(Self.categorical) == "bo-gp")
        #expect(preset(Self.tabular) == "bo-rf")
        for space in [Self.ranged, Self.categorical, Self.tabular] { #expect(preset(space, noisy: true) == "bo-rf-noisy") }
    }

    @Test func theFirstEditionChoseTheForestForEverySpaceWithoutARange() {
        #expect(preset(Self.categorical, edition: 1) == "bo-rf")
        #expect(preset(Self.tabular, edition: 1) == "bo-rf")
        #expect(preset(Self.ranged, edition: 1) == "bo-gp")
    }

    /// A study saved before the rules had editions keeps the optimizer it started with.
    @Test func settingsSavedBeforeEditionsKeepTheFirstEdition() throws {
        let old = try JSONDecoder().decode(OptimizerSpec.self, from: Data(#"{"kind": "auto", "settings": {"noisy": false}}"#.utf8))
        let chosen = try #require(try old.makeOptimizer(space: Self.categorical) as? AutomaticOptimizer)
        #expect(chosen.choice.preset == "bo-rf")

        let new = try OptimizerRegistry.standard.preset(named: "auto").spec
        let decoded = try JSONDecoder().decode(OptimizerSpec.self, from: JSONEncoder().encode(new))
        #expect(decoded == new)
        #expect(try #require(try decoded.makeOptimizer(space: Self.categorical) as? AutomaticOptimizer).choice.preset == "bo-gp")
    }

    @Test func anEditionAfterTheLatestIsRefusedByName() throws {
        let spec = try OptimizerRegistry.standard.preset(named: "auto").spec.setting("rules", to: .integer(AutomaticRules.currentEdition + 1))
        #expect {
            _ = try spec.makeOptimizer(space: Self.categorical)
        } throws: { error in
            "\(error)".contains("rules") && "\(error)".contains("an edition from 1 to \(AutomaticRules.currentEdition)")
        }
    }
}
