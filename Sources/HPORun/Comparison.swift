import Foundation
import HPOObjective
import HPOOptimizers

/// A comparison of optimizers kept in an output folder: it performs the runs its ``RunStore``
/// lacks and assembles one ``ResultsDocument`` per optimizer from the stored runs.
///
/// Results are read back from the store whether they were computed now or by an earlier,
/// interrupted invocation, so the files are the same either way.
public struct Comparison: Sendable {
    /// What is compared.
    public let settings: ComparisonSettings
    /// The benchmark of ``settings``.
    public let benchmark: any Benchmark
    /// Where the runs are kept.
    public let store: RunStore

    /// One run of one optimizer.
    public struct Task: Hashable, Sendable {
        /// The optimizer's position in ``ComparisonSettings/optimizers``.
        public var optimizer: Int
        /// The run index.
        public var run: Int
    }

    /// A comparison of `settings` kept in `directory`, its benchmark looked up in `benchmarks`;
    /// throws for an unknown benchmark or objective.
    public init(settings: ComparisonSettings, directory: URL, benchmarks: BenchmarkRegistry = .standard) throws {
        self.settings = settings
        self.benchmark = try settings.makeBenchmark(in: benchmarks)
        self.store = RunStore(directory: directory)
    }

    /// The folder's `settings.json`.
    public var manifestFile: URL { store.directory.appendingPathComponent("settings.json") }

    /// Checks that the folder holds no runs of other settings and records these settings in it.
    public func prepare() throws {
        let mine = ComparisonManifest(settings)
        var manifest = mine
        if FileManager.default.fileExists(atPath: manifestFile.path) {
            let stored = try RunStore.decode(ComparisonManifest.self, from: manifestFile)
            let conflicts = stored.conflicts(with: mine)
            guard conflicts.isEmpty else {
                throw StoreError.otherSettings(directory: store.directory.path, differences: conflicts)
            }
            manifest = stored.merging(mine)
            if manifest == stored { return }
        }
        try RunStore.write(manifest.json(), to: manifestFile)
    }

    /// The runs not yet stored.
    public func pendingTasks() -> [Task] {
        settings.optimizers.indices.flatMap { optimizer in
            let finished = store.finishedRuns(label: settings.optimizers[optimizer].label)
            return (0..<settings.runs).filter { !finished.contains($0) }.map { Task(optimizer: optimizer, run: $0) }
        }
    }

    /// Performs one run and stores it.
    public func perform(_ task: Task) throws {
        let optimizer = settings.optimizers[task.optimizer]
        let loop = try RunLoop(optimizer: optimizer.spec, objective: benchmark, evaluations: settings.evaluations)
        let result = try loop.run(task.run, experimentSeed: settings.seed)
        try store.save(
            ResultsDocument.RunRecord(result, space: benchmark.space),
            suggestSeconds: result.trials.map(\.suggestSeconds), label: optimizer.label)
    }

    /// The results of each optimizer, in the order of the settings, from the stored runs; throws
    /// if a run is missing.
    public func documents() throws -> [ResultsDocument] {
        try settings.optimizers.map { optimizer in
            ResultsDocument(
                optimizer: optimizer.label, benchmark: benchmark.name, objective: settings.objective,
                seed: settings.seed, evaluations: settings.evaluations, optimum: benchmark.optimum,
                runs: try (0..<settings.runs).map { try store.record(label: optimizer.label, run: $0) })
        }
    }

    /// The seconds each optimizer spent on each suggestion, by label, one list per run whose
    /// times were recorded (wall-clock: they differ from one invocation to the next).
    public func suggestSeconds() throws -> [String: [[Double]]] {
        var times: [String: [[Double]]] = [:]
        for optimizer in settings.optimizers {
            times[optimizer.label] = try (0..<settings.runs).compactMap { try store.suggestSeconds(label: optimizer.label, run: $0) }
        }
        return times
    }

    /// The results file of optimizer `label`: `results/<label>.json`.
    public func resultsFile(label: String) -> URL {
        store.directory.appendingPathComponent("results").appendingPathComponent(label + ".json")
    }

    /// Writes each optimizer's results document (the format `hpo run --output` writes) and
    /// returns the documents.
    @discardableResult
    public func writeResults() throws -> [ResultsDocument] {
        let documents = try documents()
        for document in documents {
            try RunStore.write(document.json(), to: resultsFile(label: document.optimizer))
        }
        return documents
    }
}

// MARK: - Running many comparisons

extension Comparison {
    /// A run that has just been stored.
    public struct FinishedRun: Sendable {
        /// The comparison's position in the list performed.
        public var comparison: Int
        /// The optimizer's label.
        public var label: String
        /// The run index.
        public var run: Int
    }

    /// Performs the pending runs of all `comparisons` on up to `jobs` threads, longest runs
    /// first, storing each as soon as it finishes and calling `progress` after it (from any
    /// thread). Returns the number of runs stored.
    ///
    /// A run that another comparison also has with more evaluations (same benchmark, objective,
    /// seed, optimizer settings and run index) is not computed twice: its record is the first
    /// evaluations of the longer run. That is exact for an optimizer that does not plan by its
    /// budget (``OptimizerSpec/usesBudget``): run `i` evaluates the same configurations, and draws
    /// the same noise, whatever the number of evaluations that follow. Runs of an optimizer that
    /// does (an intensifying preset's final confirmation) are always computed with their own budget.
    @discardableResult
    public static func performPending(
        _ comparisons: [Comparison], jobs: Int, progress: @Sendable (FinishedRun) -> Void = { _ in }
    ) throws -> Int {
        let pending = comparisons.indices
            .flatMap { c in comparisons[c].pendingTasks().map { (comparison: c, task: $0) } }
        var computed: [(comparison: Int, task: Task)] = []
        var derived: [(comparison: Int, task: Task, donor: (comparison: Int, optimizer: Int))] = []
        for item in pending {
            if let donor = donor(of: item.task, in: item.comparison, among: comparisons) {
                derived.append((item.comparison, item.task, donor))
            } else {
                computed.append(item)
            }
        }
        computed.sort { a, b in
            let (ea, eb) = (comparisons[a.comparison].settings.evaluations, comparisons[b.comparison].settings.evaluations)
            if ea != eb { return ea > eb }
            return (a.task.run, a.comparison, a.task.optimizer) < (b.task.run, b.comparison, b.task.optimizer)
        }
        @Sendable func finished(_ comparison: Int, _ task: Task) {
            progress(FinishedRun(comparison: comparison, label: comparisons[comparison].settings.optimizers[task.optimizer].label, run: task.run))
        }
        _ = try parallelMap(computed, jobs: jobs) { item in
            try comparisons[item.comparison].perform(item.task)
            finished(item.comparison, item.task)
        }
        for item in derived {
            let source = comparisons[item.donor.comparison]
            let label = source.settings.optimizers[item.donor.optimizer].label
            let evaluations = comparisons[item.comparison].settings.evaluations
            let record = try source.store.record(label: label, run: item.task.run).prefix(evaluations)
            let seconds = try source.store.suggestSeconds(label: label, run: item.task.run) ?? []
            try comparisons[item.comparison].store.save(
                record, suggestSeconds: Array(seconds.prefix(evaluations)),
                label: comparisons[item.comparison].settings.optimizers[item.task.optimizer].label)
            finished(item.comparison, item.task)
        }
        return computed.count + derived.count
    }

    /// The comparison and optimizer holding the longest run of which `task` of comparison
    /// `index` is the beginning, if any has more evaluations.
    static func donor(of task: Task, in index: Int, among comparisons: [Comparison]) -> (comparison: Int, optimizer: Int)? {
        let mine = comparisons[index].settings
        let spec = mine.optimizers[task.optimizer].spec
        guard !spec.usesBudget else { return nil }
        var best: (comparison: Int, optimizer: Int, evaluations: Int)?
        for (c, other) in comparisons.enumerated() {
            let settings = other.settings
            guard settings.evaluations > mine.evaluations, settings.evaluations > best?.evaluations ?? 0,
                  settings.benchmark == mine.benchmark, settings.objective == mine.objective, settings.seed == mine.seed,
                  task.run < settings.runs,
                  let o = settings.optimizers.firstIndex(where: { $0.spec == spec })
            else { continue }
            best = (c, o, settings.evaluations)
        }
        return best.map { ($0.comparison, $0.optimizer) }
    }
}

extension ResultsDocument.RunRecord {
    /// The record of the run's first `evaluations` evaluations.
    func prefix(_ evaluations: Int) -> ResultsDocument.RunRecord {
        var record = self
        record.trials = Array(trials.prefix(evaluations))
        record.observed = Array(observed.prefix(evaluations))
        record.regret = regret.map { Array($0.prefix(evaluations)) }
        return record
    }
}
