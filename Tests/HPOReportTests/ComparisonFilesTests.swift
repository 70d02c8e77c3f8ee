import Foundation
import HPOOptimizers
import HPOReport
import HPORun
import Testing

/// The files a comparison writes: byte-identical for any number of jobs, and after a resume.
@Suite struct ComparisonFilesTests {
    let folders = TemporaryFolders()

    /// A small protocol: two distinct optimizers, 4 runs of 12 evaluations.
    static func settings(runs: Int = 4, evaluations: Int = 12) throws -> ComparisonSettings {
        try ComparisonSettings(
            benchmark: "fcnet-protein", objective: "noisy", evaluations: evaluations, runs: runs, seed: 11,
            optimizers: [OptimizerRegistry.standard.optimizer(named: "random"), OptimizerRegistry.standard.optimizer(named: "random-without-replacement")])
    }

    /// Prepares, performs what is pending with `jobs`, writes results and report; returns the
    /// number of runs performed.
    @discardableResult
    static func complete(_ comparison: Comparison, jobs: Int) throws -> Int {
        try comparison.prepare()
        let performed = try Comparison.performPending([comparison], jobs: jobs)
        try comparison.writeResults()
        try ComparisonReport(comparison: comparison).write(to: comparison.store.directory)
        return performed
    }

    static func reproducibleFiles(_ folder: URL) throws -> [String: Data] {
        try files(under: folder).filter { !holdsTimings($0.key) }
    }

    @Test func oneJobAndTwoJobsWriteTheSameBytes() throws {
        let one = try Comparison(settings: Self.settings(), directory: folders.folder("jobs-1"))
        let two = try Comparison(settings: Self.settings(), directory: folders.folder("jobs-2"))
        #expect(try Self.complete(one, jobs: 1) == 8)
        #expect(try Self.complete(two, jobs: 2) == 8)
        let a = try Self.reproducibleFiles(one.store.directory), b = try Self.reproducibleFiles(two.store.directory)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.contains("results/random.json"))
        #expect(a.keys.contains("figures/comparison-regret-time.svg"))
        #expect(a.keys.contains("tables/summary.json"))
        #expect(a.keys.contains("runs/random-without-replacement/run-0003.json"))
        for (path, data) in a {
            #expect(b[path] == data, "\(path) differs between --jobs 1 and --jobs 2")
        }
        // the excluded files exist, and are the only ones excluded
        let all = try files(under: one.store.directory).keys
        #expect(Set(all.filter(holdsTimings)) == Set(["index.html", "tables/suggest-time.csv", "tables/suggest-time.json"]
            + (0..<4).flatMap { ["timings/random/run-000\($0).json", "timings/random-without-replacement/run-000\($0).json"] }))
    }

    @Test func anInterruptedComparisonResumesWithOnlyTheMissingRuns() throws {
        let whole = try Comparison(settings: Self.settings(), directory: folders.folder("uninterrupted"))
        try Self.complete(whole, jobs: 2)

        let resumed = try Comparison(settings: Self.settings(), directory: folders.folder("interrupted"))
        try resumed.prepare()
        // the first invocation finished three runs, then was killed while writing a fourth
        let tasks = resumed.pendingTasks()
        #expect(tasks.count == 8)
        for task in [tasks[0], tasks[5], tasks[6]] { try resumed.perform(task) }
        let leftover = resumed.store.runFile(label: "random", run: 2).deletingLastPathComponent().appendingPathComponent(".run-0002.json.tmp")
        try Data("{\"trunc".utf8).write(to: leftover)
        #expect(resumed.pendingTasks().count == 5)

        #expect(try Self.complete(resumed, jobs: 2) == 5)
        #expect(try Comparison.performPending([resumed], jobs: 2) == 0)
        try FileManager.default.removeItem(at: leftover)
        let a = try Self.reproducibleFiles(whole.store.directory), b = try Self.reproducibleFiles(resumed.store.directory)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a {
            #expect(b[path] == data, "\(path) differs after resuming")
        }
    }

    @Test func otherSettingsInTheSameFolderAreRefused() throws {
        let folder = try folders.folder("other-settings")
        try Comparison(settings: Self.settings(), directory: folder).prepare()
        let changed = try Comparison(settings: Self.settings(evaluations: 20), directory: folder)
        let error = #expect(throws: StoreError.self) { try changed.prepare() }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("evaluations 12 there, 20 now"), "\(message)")
        #expect(message.contains(folder.path))
        #expect(message.contains("choose another output folder"))

        var otherSpec = try Self.settings()
        otherSpec.optimizers[0] = try NamedOptimizer(label: "random", spec: .random(RandomSearch.Settings(withoutReplacement: true)))
        let respecified = try Comparison(settings: otherSpec, directory: folder)
        let specError = #expect(throws: StoreError.self) { try respecified.prepare() }
        #expect(specError.map { "\($0)" }?.contains("optimizer 'random' with settings") == true)

        // more runs extend the folder: run i does not depend on the number of runs
        try Comparison(settings: Self.settings(runs: 9), directory: folder).prepare()
    }

    @Test func shorterRunsAreTheBeginningOfLongerOnesWithTheSameSeed() throws {
        let alone = try Comparison(settings: Self.settings(), directory: folders.folder("short-alone"))
        try Self.complete(alone, jobs: 2)

        let short = try Comparison(settings: Self.settings(), directory: folders.folder("short-beside-long"))
        let long = try Comparison(settings: Self.settings(runs: 3, evaluations: 20), directory: folders.folder("long"))
        try short.prepare()
        try long.prepare()
        #expect(try Comparison.performPending([short, long], jobs: 2) == 8 + 6)
        try short.writeResults()
        try ComparisonReport(comparison: short).write(to: short.store.directory)

        let a = try Self.reproducibleFiles(alone.store.directory), b = try Self.reproducibleFiles(short.store.directory)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a {
            #expect(b[path] == data, "\(path) differs when taken from the longer runs")
        }
        // runs 0-2 were taken from the longer runs (their timings are the beginning of those),
        // run 3, which the longer comparison lacks, was computed
        let taken = try #require(try short.store.suggestSeconds(label: "random", run: 2))
        let longer = try #require(try long.store.suggestSeconds(label: "random", run: 2))
        #expect(taken == Array(longer.prefix(12)))
        #expect(try short.store.record(label: "random", run: 3).trials.count == 12)
    }
}
