import HPORandom
import HPOSpace

/// One FCNet dataset as a ``Benchmark``: evaluating a configuration looks up its recorded
/// validation MSE (per the ``ObjectiveMode``) and returns that seed's training runtime as the cost.
public struct FCNetBenchmark: Benchmark {
    /// The recorded results.
    public let table: FCNetTable
    /// How evaluations pick among the recorded seeds.
    public let mode: ObjectiveMode

    /// The benchmark of the embedded table of `dataset`.
    public init(_ dataset: FCNetDataset, mode: ObjectiveMode = .noisy) throws {
        self.init(table: try FCNetTable.load(dataset), mode: mode)
    }

    /// The benchmark of a loaded table.
    public init(table: FCNetTable, mode: ObjectiveMode = .noisy) {
        self.table = table
        self.mode = mode
    }

    public var space: SearchSpace { .fcnet }
    public var name: String { table.dataset.benchmarkName }
    public var valueName: String { "validation MSE" }

    /// Looks up the configuration. In `noisy` mode one seed is drawn from `generator` per call.
    public func evaluate(_ configuration: Configuration, using generator: inout SeededGenerator) throws -> Evaluation {
        let id = try space.id(of: configuration)
        let seeds = table.seeds
        switch mode {
        case .mean:
            var cost = 0.0
            for k in 0..<seeds { cost += Double(table.runtime[id * seeds + k]) }
            return Evaluation(value: table.meanValidationMSE[id], cost: cost / Double(seeds))
        case .noisy:
            let k = generator.nextInt(below: seeds)
            return Evaluation(value: Double(table.validationMSE[id * seeds + k]), cost: Double(table.runtime[id * seeds + k]))
        case .seed(let k):
            guard k >= 0, k < seeds else { throw ObjectiveModeError(text: mode.description, seeds: seeds) }
            return Evaluation(value: Double(table.validationMSE[id * seeds + k]), cost: Double(table.runtime[id * seeds + k]))
        }
    }

    public func trueValue(of configuration: Configuration) -> Double {
        table.meanValidationMSE[space.fastID(of: configuration) ?? 0]
    }

    public var optimum: Double { table.bestMeanValidationMSE }

    public var optimalConfiguration: Configuration {
        // The id is in range by construction of the table.
        (try? space.configuration(id: table.bestID)) ?? space.defaultConfiguration
    }
}
