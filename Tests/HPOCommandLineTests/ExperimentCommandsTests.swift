import ArgumentParser
@testable import HPOCommandLine
import Testing

@Suite struct ExperimentCommandsTests {
    @Test func progressLinesShowDoneTotalElapsedAndTimeLeftPerOptimizer() {
        let lines = ProgressDisplay.lines(
            title: "hpo reproduce",
            groups: [.init(label: "random", done: 40, total: 80), .init(label: "bo-rf", done: 20, total: 80)],
            computed: 30, elapsed: 15)
        // 60 of 160 done; 30 computed in 15 s, so 100 left take about 50 s
        #expect(lines == [
            "hpo reproduce  [###########-------------------]  60/160 runs  0:15 elapsed  ~0:50 left",
            "  random  [##########----------]  40/80",
            "  bo-rf   [#####---------------]  20/80",
        ])
        let finished = ProgressDisplay.lines(title: "t", groups: [.init(label: "random", done: 3, total: 3)], computed: 0, elapsed: 3725)
        #expect(finished[0].hasSuffix("1:02:05 elapsed  done"))
    }

    @Test func unknownOptimizersAreNamedWithTheValidOnes() throws {
        let error = #expect(throws: (any Error).self) { try ExperimentSession.optimizers("random,smac") }
        #expect("\(error.map { "\($0)" } ?? "")".hasPrefix("unknown optimizer 'smac': valid optimizers are auto, auto-noisy, random, random-without-replacement"))
        let empty = #expect(throws: CommandLineError.self) { try ExperimentSession.optimizers(" , ") }
        #expect(empty?.description.hasPrefix("--optimizers is empty: name at least one of auto") == true)
    }

    @Test func reproduceDefaultsToTheOriginalProtocol() throws {
        let command = try ReproduceCommand.parse([])
        #expect(command.benchmark == "fcnet-protein")
        #expect(command.output == "report")
        #expect((command.runs, command.evaluations, command.comparisonRuns, command.comparisonEvaluations) == (50, 50, 30, 100))
        #expect(try BenchmarkOptionsHelp.objective(command.objective, benchmark: command.benchmark) == "noisy")
        #expect(try BenchmarkOptionsHelp.objective(nil, benchmark: "branin") == "deterministic")
        #expect(command.commandText == "hpo reproduce --benchmark fcnet-protein")
        #expect(throws: (any Error).self) { try ReproduceCommand.parse(["--comparison-runs", "0"]) }
    }
}
