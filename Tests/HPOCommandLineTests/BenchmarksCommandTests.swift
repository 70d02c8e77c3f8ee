import Foundation
import Testing

@Suite("hpo benchmarks")
struct BenchmarksCommandTests {
    @Test("--json parses: every benchmark with its kind, budget, optimum and parameters, and the suites")
    func json() throws {
        let output = try HPOProcess.run(["benchmarks", "--json"])
        #expect(output.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let benchmarks = try #require(document["benchmarks"] as? [[String: Any]])
        let names = benchmarks.compactMap { $0["name"] as? String }
        #expect(names.count >= 16 && names.contains("branin") && names.contains("fcnet-protein"))
        let branin = try #require(benchmarks.first { $0["name"] as? String == "branin" })
        #expect(branin["kind"] as? String == "continuous")
        #expect(branin["default_evaluations"] as? Int == 40)
        #expect(branin["dimensions"] as? Int == 2)
        #expect((branin["parameters"] as? [Any])?.count == 2)
        let suites = try #require(document["suites"] as? [[String: Any]])
        #expect(suites.compactMap { $0["name"] as? String } == ["synthetic", "continuous", "mixed", "fcnet", "all"])
    }

    @Test("the table lists FCNet and synthetic benchmarks with their kinds, and the suites")
    func table() throws {
        let output = try HPOProcess.run(["benchmarks"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("fcnet-naval") && output.stdout.contains("tabular"))
        #expect(output.stdout.contains("levy-categorical") && output.stdout.contains("categorical"))
        #expect(output.stdout.contains("suites"))
    }

    @Test("evaluate prints the values of points read from standard input; a bad point names itself")
    func evaluate() throws {
        let directory = try HPOProcess.temporaryDirectory("evaluate")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Goldstein-Price at (0, -1) is 3 and at (0, 0) is 600; written to a file and piped by a shell.
        try Data(#"[{"x1": 0, "x2": -1}, {"x1": 0, "x2": 0}]"#.utf8).write(to: directory.appendingPathComponent("points.json"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"\(try HPOProcess.executable.path)\" benchmarks evaluate goldstein-price < points.json"]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try JSONDecoder().decode([Double].self, from: data) == [3, 600])
        let refused = try HPOProcess.run(["benchmarks", "evaluate", "branin"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("JSON array of configurations"))
    }

    @Test("compare refuses --suite with --benchmark, --peers without --suite, and an unknown suite")
    func compareRefusals() throws {
        #expect(try HPOProcess.run(["compare", "--suite", "synthetic", "--benchmark", "branin"]).stderr.contains("exclude each other"))
        #expect(try HPOProcess.run(["compare", "--peers", "p.csv"]).stderr.contains("--peers needs --suite"))
        #expect(try HPOProcess.run(["compare", "--suite", "nope"]).stderr.contains("unknown suite 'nope': valid suites are synthetic"))
    }
}
