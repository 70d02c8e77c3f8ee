import Foundation
import HPOObjective
import HPORun
import HPOSpace

/// The original report's section 5: for each optimizer, the configuration of the lowest value
/// recorded in any of its runs, beside the dataset's global optimum.
///
/// The recorded value is one noisy evaluation, so it can lie below the optimum's mean; the table
/// also gives the configuration's mean over the seeds.
public struct BestConfigurationTable: Codable, Hashable, Sendable {
    /// One column: a configuration and its values.
    public struct Column: Codable, Hashable, Sendable {
        /// `optimum`, or the optimizer's label.
        public var name: String
        /// The configuration's values by parameter name.
        public var config: [String: ParameterValue]
        /// The lowest recorded value (for the optimum column: its mean validation MSE).
        public var value: Double
        /// The configuration's noise-free value (mean over the seeds).
        public var meanValue: Double
        /// Where the value was recorded: run index and evaluation (1-based); absent for the optimum.
        public var run: Int?
        public var evaluation: Int?

        enum CodingKeys: String, CodingKey {
            case name, config, value, run, evaluation
            case meanValue = "mean_value"
        }
    }

    /// The benchmark's name.
    public var benchmark: String
    /// The parameter names, in the space's order.
    public var parameters: [String]
    /// The global optimum, then one column per optimizer.
    public var columns: [Column]

    /// The table of `documents` on `benchmark`; the first of equal lowest values is taken (by
    /// run, then evaluation).
    public init(documents: [ResultsDocument], benchmark: any Benchmark) throws {
        self.benchmark = benchmark.name
        let space = benchmark.space
        parameters = space.names
        columns = [Column(
            name: "optimum", config: space.dictionary(of: benchmark.optimalConfiguration), value: benchmark.optimum,
            meanValue: benchmark.optimum, run: nil, evaluation: nil)]
        for document in documents {
            var best: (run: Int, evaluation: Int, trial: ResultsDocument.TrialRecord)?
            for run in document.runs {
                for (i, trial) in run.trials.enumerated() where best.map({ trial.value < $0.trial.value }) ?? true {
                    best = (run.run, i + 1, trial)
                }
            }
            guard let best else { continue }
            columns.append(Column(
                name: document.optimizer, config: best.trial.config, value: best.trial.value,
                meanValue: benchmark.trueValue(of: try space.configuration(from: best.trial.config)),
                run: best.run, evaluation: best.evaluation))
        }
    }

    /// Parameters as rows, the columns as columns, then the values and where they were recorded;
    /// `trueValueName` names the noise-free value's row (FCNet's by default).
    public func csv(trueValueName: String = "mean validation MSE") -> String {
        var lines = [(["parameter"] + columns.map(\.name)).map(CSV.escape).joined(separator: ",")]
        for parameter in parameters {
            lines.append(([parameter] + columns.map { $0.config[parameter]?.description ?? "" }).map(CSV.escape).joined(separator: ","))
        }
        lines.append((["lowest recorded value"] + columns.map { "\($0.value)" }).joined(separator: ","))
        lines.append(([trueValueName] + columns.map { "\($0.meanValue)" }).joined(separator: ","))
        lines.append((["run"] + columns.map { $0.run.map(String.init) ?? "" }).joined(separator: ","))
        lines.append((["evaluation"] + columns.map { $0.evaluation.map(String.init) ?? "" }).joined(separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as an HTML `<table>`; values to 6 significant digits as in the original report,
    /// values that differ from the optimum's configuration highlighted; `valueName` and
    /// `trueValueName` name the recorded and the noise-free value (FCNet's by default).
    public func html(valueName: String = "validation MSE", trueValueName: String = "mean validation MSE over the seeds") -> String {
        var out = "<table class=\"config\">\n<thead><tr><th>parameter</th>"
        out += columns.map { "<th>\($0.name == "optimum" ? "global optimum" : Markup.escape($0.name))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        let optimum = columns.first
        for parameter in parameters {
            out += "<tr><th scope=\"row\">\(Markup.escape(parameter))</th>"
            for column in columns {
                let value = column.config[parameter]
                let differs = column.name != "optimum" && value != optimum?.config[parameter]
                out += differs ? "<td class=\"differs\">" : "<td>"
                out += Markup.escape(value?.description ?? "–") + "</td>"
            }
            out += "</tr>\n"
        }
        out += "<tr class=\"group\"><th scope=\"row\">lowest recorded \(Markup.escape(valueName))</th>"
        out += columns.map { "<td>\($0.name == "optimum" ? "–" : $0.value.significant(6))</td>" }.joined() + "</tr>\n"
        out += "<tr><th scope=\"row\">\(Markup.escape(trueValueName))</th>"
        out += columns.map { "<td>\($0.meanValue.significant(6))</td>" }.joined() + "</tr>\n"
        out += "<tr><th scope=\"row\">recorded in run, evaluation</th>"
        out += columns.map { column in "<td>\(column.run.map { "\($0), \(column.evaluation ?? 0)" } ?? "–")</td>" }.joined() + "</tr>\n"
        return out + "</tbody>\n</table>\n"
    }
}
