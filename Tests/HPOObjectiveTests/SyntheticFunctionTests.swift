import Foundation
import HPORandom
import HPOSpace
import Testing
@testable import HPOObjective

@Suite("Synthetic benchmark functions")
struct SyntheticFunctionTests {
    /// The published global minima and a minimizer of each function, typed here from the sources
    /// (Surjanovic & Bingham's Virtual Library of Simulation Experiments; the constructed problems
    /// from their definitions), in user-facing values.
    static let published: [(String, Double, [ParameterValue])] = [
        ("branin", 0.397887357729739, [.number(-Double.pi), .number(12.275)]),
        ("hartmann3", -3.86278214782076, [0.114614, 0.555649, 0.852547].map(ParameterValue.number)),
        ("hartmann6", -3.32236801141551, [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573].map(ParameterValue.number)),
        ("ackley-5", 0, Array(repeating: .number(0), count: 5)),
        ("ackley-20", 0, Array(repeating: .number(0), count: 20)),
        ("rosenbrock-4", 0, Array(repeating: .number(1), count: 4)),
        ("levy-10", 0, Array(repeating: .number(1), count: 10)),
        ("styblinski-tang-8", -39.16616570377142 * 8, Array(repeating: .number(-2.903534), count: 8)),
        ("six-hump-camel", -1.0316, [.number(-0.0898), .number(0.7126)]),
        ("goldstein-price", 3, [.number(0), .number(-1)]),
        ("learning-rate-valley", 0, [.number(0.001), .number(0.0001), .number(0.3)]),
        ("ackley-integer", 0, Array(repeating: .number(0), count: 5)),
        ("rosenbrock-integer", 0, Array(repeating: .number(5), count: 4)),
        ("ackley-mixed", 0, [.string("d"), .string("c"), .number(0), .number(0), .number(0)]),
        ("levy-mixed", 0, [.string("b"), .number(3), .number(2), .number(2), .number(2)]),
        ("levy-categorical", 0, ["c", "b", "a", "f", "e", "d", "c", "b"].map(ParameterValue.string)),
    ]

    static func function(_ name: String) throws -> SyntheticFunction {
        try #require(SyntheticFunction.standard.first { $0.name == name })
    }

    static func close(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) <= 1e-4 * max(abs(expected), 1e-5)
    }

    @Test("every embedded function is in the published table, and there are at least 12")
    func everyFunctionIsTested() {
        #expect(SyntheticFunction.standard.count >= 12)
        #expect(Set(SyntheticFunction.standard.map(\.name)) == Set(Self.published.map(\.0)))
    }

    @Test("the published minimizer has the published minimum, and so does the documented one", arguments: published)
    func optimum(name: String, optimum: Double, values: [ParameterValue]) throws {
        let function = try Self.function(name)
        #expect(Self.close(function.optimum, optimum))
        let configuration = try function.space.configuration(from: Dictionary(uniqueKeysWithValues: zip(function.space.names, values)))
        #expect(Self.close(function.value(of: configuration), optimum))
        try function.space.validate(function.optimalConfiguration)
        #expect(Self.close(function.value(of: function.optimalConfiguration), function.optimum))
    }

    @Test("3,000 seeded random configurations never go below the optimum", arguments: published.map(\.0))
    func randomPointsAreNotBelowTheOptimum(name: String) throws {
        let function = try Self.function(name)
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<3_000 {
            let configuration = function.space.sample(using: &generator)
            #expect(function.value(of: configuration) >= function.optimum - 1e-9 * max(1, abs(function.optimum)))
        }
    }

    @Test("closed forms at other points: Branin's other minima, Rosenbrock and Goldstein-Price at the origin")
    func otherKnownValues() throws {
        let branin = try Self.function("branin")
        #expect(Self.close(branin.value(of: Configuration([Double.pi, 2.275])), 0.397887357729739))
        #expect(Self.close(branin.value(of: Configuration([9.42478, 2.475])), 0.397887357729739))
        // Each of the d - 1 terms is 100 (0 - 0)² + (1 - 0)² = 1.
        #expect(try Self.function("rosenbrock-4").value(of: Configuration([0, 0, 0, 0])) == 3)
        // (1 + 1 · 19) · (30 + 0) = 600.
        #expect(try Self.function("goldstein-price").value(of: Configuration([0, 0])) == 600)
        // Ackley at z = (1, ..., 1): -20 e^(-0.2) - e + 20 + e = 20 (1 - e^(-0.2)).
        #expect(Self.close(try Self.function("ackley-5").value(of: Configuration([1, 1, 1, 1, 1])), 20 * (1 - exp(-0.2))))
    }

    @Test("default budgets are 10 d + 20, at most 100")
    func defaultBudgets() throws {
        #expect(try Self.function("branin").defaultEvaluations == 40)
        #expect(try Self.function("hartmann6").defaultEvaluations == 80)
        #expect(try Self.function("ackley-20").defaultEvaluations == 100)
    }

    @Test("kinds are read from the spaces")
    func kinds() throws {
        #expect(try Self.function("branin").kind == .continuous)
        #expect(try Self.function("ackley-integer").kind == .integer)
        #expect(try Self.function("levy-mixed").kind == .mixed)
        #expect(try Self.function("levy-categorical").kind == .categorical)
    }

    @Test("deterministic evaluates the function; noisy adds noise of the stated deviation (2,000 draws, mean within 4 s.e., deviation within 10%)")
    func objectives() throws {
        let function = try Self.function("hartmann3")
        #expect(function.defaultObjective == "deterministic")
        let optimal = function.optimalConfiguration
        var generator = SeededGenerator(seed: 3)
        let exact = try function.benchmark(objective: "deterministic").evaluate(optimal, using: &generator)
        #expect(exact == Evaluation(value: function.value(of: optimal), cost: 1))
        let noisy = try function.benchmark(objective: "noisy")
        let draws = try (0..<2_000).map { _ in try noisy.evaluate(optimal, using: &generator).value - function.value(of: optimal) }
        let mean = draws.reduce(0, +) / 2_000
        let deviation = (draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 1_999).squareRoot()
        #expect(abs(mean) < 4 * function.noise / 2_000.0.squareRoot())
        #expect(abs(deviation - function.noise) < 0.1 * function.noise)
        #expect(noisy.trueValue(of: optimal) == function.value(of: optimal))
        #expect(throws: UnknownObjectiveError.self) { try function.benchmark(objective: "mean") }
    }

    @Test("a configuration outside the space is refused, not evaluated")
    func outOfDomain() throws {
        let benchmark = try Self.function("branin").benchmark(objective: "deterministic")
        var generator = SeededGenerator(seed: 0)
        #expect(throws: SpaceError.self) { try benchmark.evaluate(Configuration([20, 0]), using: &generator) }
    }
}
