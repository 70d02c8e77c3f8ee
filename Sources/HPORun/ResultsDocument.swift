import Foundation
import HPOSpace

/// The machine-readable record of an experiment, as `hpo run` writes it.
///
/// JSON keys are sorted and no wall-clock time is included unless asked for, so the same seed
/// gives byte-identical files.
public struct ResultsDocument: Codable, Hashable, Sendable {
    /// One trial: the configuration by name, the observed value and the cost.
    public struct TrialRecord: Codable, Hashable, Sendable {
        public var config: [String: ParameterValue]
        public var value: Double
        public var cost: Double
        /// Seconds spent suggesting the configuration; present only when timings are requested.
        public var suggestSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case config, value, cost
            case suggestSeconds = "suggest_seconds"
        }
    }

    /// One run.
    public struct RunRecord: Codable, Hashable, Sendable {
        public var run: Int
        public var seed: UInt64
        public var trials: [TrialRecord]
        public var observed: [Double]
        public var regret: [Double]?

        /// The record of `result`, with per-trial suggestion times if `includeTimings`.
        public init(_ result: RunResult, space: SearchSpace, includeTimings: Bool = false) {
            run = result.run
            seed = result.seed
            trials = result.trials.map {
                TrialRecord(
                    config: space.dictionary(of: $0.configuration), value: $0.value, cost: $0.cost,
                    suggestSeconds: includeTimings ? $0.suggestSeconds : nil)
            }
            observed = result.observed
            regret = result.regret
        }
    }

    public var optimizer: String
    public var benchmark: String
    public var objective: String
    public var seed: UInt64
    public var evaluations: Int
    /// The benchmark's optimum (best noise-free value), when known.
    public var optimum: Double?
    public var runs: [RunRecord]

    /// The document of `results`, with per-trial suggestion times if `includeTimings`.
    public init(
        optimizer: String, benchmark: String, objective: String, seed: UInt64, evaluations: Int,
        optimum: Double?, space: SearchSpace, results: [RunResult], includeTimings: Bool = false
    ) {
        self.init(
            optimizer: optimizer, benchmark: benchmark, objective: objective, seed: seed, evaluations: evaluations,
            optimum: optimum, runs: results.map { RunRecord($0, space: space, includeTimings: includeTimings) })
    }

    /// The document of runs already recorded, e.g. read back from a ``RunStore``.
    public init(
        optimizer: String, benchmark: String, objective: String, seed: UInt64, evaluations: Int,
        optimum: Double?, runs: [RunRecord]
    ) {
        self.optimizer = optimizer
        self.benchmark = benchmark
        self.objective = objective
        self.seed = seed
        self.evaluations = evaluations
        self.optimum = optimum
        self.runs = runs
    }

    /// The document as JSON with sorted keys.
    public func json() throws -> Data {
        try SortedJSON.encode(self)
    }

    /// One CSV row per trial: run, seed, trial, each parameter, value, cost, observed, regret.
    public func csv(space: SearchSpace) -> String {
        var lines = [(["run", "seed", "trial"] + space.names + ["value", "cost", "observed", "regret"]).joined(separator: ",")]
        for run in runs {
            for (i, trial) in run.trials.enumerated() {
                var fields = ["\(run.run)", "\(run.seed)", "\(i + 1)"]
                fields += space.names.map { CSV.escape(trial.config[$0]?.description ?? "") }
                fields += ["\(trial.value)", "\(trial.cost)", "\(run.observed[i])", run.regret.map { "\($0[i])" } ?? ""]
                lines.append(fields.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Minimal CSV quoting (RFC 4180).
public enum CSV {
    /// The field, quoted if it holds a comma, a quote or a line break.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
