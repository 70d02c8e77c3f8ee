import ArgumentParser
import Foundation
import HPO

/// `hpo benchmarks evaluate NAME`: the noise-free values of configurations read from standard
/// input, so that other implementations of a benchmark can be checked against this one.
struct BenchmarksEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Print the noise-free values of configurations of a benchmark read as JSON from standard input.",
        discussion: """
            Standard input holds a JSON array of configurations, each an object of parameter \
            names and values, e.g. [{"x1": 3.14, "x2": 2.275}]; standard output is the JSON \
            array of their noise-free values (the true value of regret), in the same order, \
            each with the 17 significant digits that read back exactly.
            """
    )

    @Argument(help: ArgumentHelp(BenchmarkOptionsHelp.benchmark))
    var benchmark: String

    func run() throws {
        let benchmark = try BenchmarkRegistry.standard.benchmark(named: self.benchmark)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let points: [[String: ParameterValue]]
        do {
            points = try JSONDecoder().decode([[String: ParameterValue]].self, from: input)
        } catch {
            throw CommandLineError("standard input is not a JSON array of configurations (objects of parameter names and values), e.g. [{\"x1\": 1, \"x2\": 2}]")
        }
        let values = try points.enumerated().map { index, point in
            do {
                return benchmark.trueValue(of: try benchmark.space.configuration(from: point))
            } catch {
                throw CommandLineError("configuration #\(index + 1) of standard input: \(error)")
            }
        }
        print("[" + values.map { String(format: "%.17g", $0) }.joined(separator: ", ") + "]")
    }
}
