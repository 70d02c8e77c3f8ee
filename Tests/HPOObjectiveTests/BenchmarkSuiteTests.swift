import Testing
@testable import HPOObjective

@Suite("Benchmark suites")
struct BenchmarkSuiteTests {
    @Test("every name of every suite resolves in the standard registry")
    func namesResolve() throws {
        for suite in BenchmarkSuite.standard {
            #expect(!suite.benchmarks.isEmpty)
            #expect(Set(suite.benchmarks).count == suite.benchmarks.count)
            for name in suite.benchmarks {
                _ = try BenchmarkRegistry.standard.benchmark(named: name)
            }
        }
    }

    @Test("synthetic is continuous plus mixed; all is fcnet plus synthetic; fcnet is the four tables")
    func partitions() throws {
        let synthetic = try BenchmarkSuite.named("synthetic").benchmarks
        let continuous = try BenchmarkSuite.named("continuous").benchmarks
        let mixed = try BenchmarkSuite.named("mixed").benchmarks
        #expect(Set(continuous).isDisjoint(with: mixed))
        #expect(Set(continuous + mixed) == Set(synthetic))
        #expect(try BenchmarkSuite.named("fcnet").benchmarks == ["fcnet-protein", "fcnet-slice", "fcnet-naval", "fcnet-parkinsons"])
        #expect(try Set(BenchmarkSuite.named("all").benchmarks) == Set(BenchmarkRegistry.standard.names))
        for name in continuous { #expect(try BenchmarkRegistry.standard.provider(named: name).kind == .continuous) }
        #expect(try BenchmarkRegistry.standard.provider(named: "fcnet-naval").kind == .tabular)
    }

    @Test("an unknown suite names the valid ones")
    func unknown() {
        #expect(throws: UnknownSuiteError(name: "nope", valid: ["synthetic", "continuous", "mixed", "fcnet", "all"])) {
            try BenchmarkSuite.named("nope")
        }
    }
}
