import ArgumentParser
import Foundation
import HPO
import Testing
@testable import HPOCommandLine

@Suite("Command line")
struct CommandLineTests {
    /// The message the command line prints for `arguments`, or nil when parsing and running succeed.
    func failure(_ arguments: [String]) -> String? {
        do {
            var command = try HPOCommand.parseAsRoot(arguments)
            try command.run()
            return nil
        } catch {
            return HPOCommand.message(for: error)
        }
    }

    func exitCode(_ arguments: [String]) -> Int32 {
        do {
            var command = try HPOCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return HPOCommand.exitCode(for: error).rawValue
        }
    }

    @Test("an unknown optimizer is refused with the valid list")
    func unknownOptimizer() {
        let message = failure(["run", "--optimizer", "hyperband"]) ?? ""
        #expect(message == "unknown optimizer 'hyperband': valid optimizers are " + OptimizerRegistry.standard.presets.map(\.name).joined(separator: ", "))
        #expect(exitCode(["run", "--optimizer", "hyperband"]) != 0)
    }

    @Test("an unknown benchmark is refused with the valid list")
    func unknownBenchmark() {
        let valid = "unknown benchmark 'mnist': valid benchmarks are fcnet-protein, fcnet-slice, fcnet-naval, fcnet-parkinsons, branin, "
        #expect(failure(["run", "--benchmark", "mnist", "--runs", "1", "--evaluations", "1"])?.hasPrefix(valid) == true)
        #expect(exitCode(["run", "--benchmark", "mnist"]) != 0)
        #expect(failure(["space", "mnist"])?.hasPrefix(valid) == true)
    }

    @Test("an unknown objective mode is refused with the valid modes")
    func unknownMode() {
        #expect(failure(["run", "--objective", "seed:7", "--runs", "1", "--evaluations", "1"])
            == "unknown objective mode 'seed:7': valid modes are noisy, mean, seed:0 ... seed:3")
    }

    @Test("non-positive counts are refused", arguments: ["--runs", "--evaluations", "--jobs"])
    func nonPositiveCounts(option: String) {
        #expect(failure(["run", option, "0"]) == "\(option) must be a positive integer, not 0")
        #expect(failure(["run", "\(option)=-3"]) == "\(option) must be a positive integer, not -3")
        #expect(exitCode(["run", option, "0"]) == ExitCode.validationFailure.rawValue)
    }

    @Test("a run writes JSON and CSV files")
    func writesFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hpo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("runs.json").path
        let csv = directory.appendingPathComponent("runs.csv").path
        #expect(failure(["run", "--runs", "3", "--evaluations", "4", "--output", json]) == nil)
        #expect(failure(["run", "--runs", "3", "--evaluations", "4", "--output", csv, "--format", "csv"]) == nil)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        #expect((object?["runs"] as? [Any])?.count == 3)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count == 13)
        let unwritable = directory.appendingPathComponent("no/such/dir/runs.json").path
        #expect(failure(["run", "--runs", "1", "--evaluations", "1", "--output", unwritable])?.hasPrefix("cannot write --output '\(unwritable)'") == true)
    }
}

@Suite("hpo bench")
struct BenchCommandTests {
    /// bo-gp on a continuous benchmark is timed with its own gradient maximizer; exhaustive
    /// enumeration, which needs a finite space, is left out instead of failing the command.
    @Test("bo-gp on a continuous space times its gradient maximizer")
    func gaussianProcessOnAContinuousSpace() throws {
        let output = try HPOProcess.run(["bench", "--optimizer", "bo-gp", "--benchmark", "branin", "--observations", "12", "--repetitions", "1"])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = output.stdout.split(separator: "\n").filter { $0.hasPrefix("12 ") }.map { $0.split(separator: " ", omittingEmptySubsequences: true)[1] }
        #expect(rows == ["fit", "gradient"])
    }

    /// On a finite space every maximizer is timed: the fit, the optimizer's own, VNA and exhaustive.
    @Test("bo-gp on a tabular benchmark also times VNA and exhaustive enumeration")
    func gaussianProcessOnAFiniteSpace() {
        let timed = BenchCommand.timedMaximizers(of: BayesianOptimization.GaussianProcessKind.loopDefaults, space: .fcnet).map(\.0)
        #expect(timed == ["fit only", "gradient", "vna", "exhaustive"])
        let forest = BenchCommand.timedMaximizers(of: BayesianOptimization.Settings(), space: .fcnet).map(\.0)
        #expect(forest == ["fit only", "vna", "exhaustive"])
    }
}
