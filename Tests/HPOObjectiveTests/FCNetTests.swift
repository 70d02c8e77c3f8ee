import Foundation
import HPORandom
import HPOSpace
import Testing
@testable import HPOObjective

@Suite("FCNet tabular benchmark")
struct FCNetTests {
    /// The published optima (fcnet-facts.md): best mean validation MSE and its configuration.
    static let published: [(FCNetDataset, Double, [String])] = [
        (.protein, 0.221378855407238, ["relu", "relu", "8", "0", "0.3", "0.0005", "cosine", "512", "512"]),
        (.slice, 0.00019159916337230243, ["relu", "tanh", "16", "0", "0", "0.0005", "cosine", "256", "512"]),
        (.naval, 3.19113473778998e-05, ["tanh", "relu", "8", "0", "0", "0.0005", "cosine", "128", "512"]),
        (.parkinsons, 0.0067059280117973685, ["relu", "relu", "8", "0", "0", "0.005", "cosine", "32", "512"]),
    ]

    @Test("each dataset has 62,208 configurations and the published optimum", arguments: published)
    func optimum(dataset: FCNetDataset, best: Double, configuration: [String]) throws {
        let benchmark = try FCNetBenchmark(dataset, mode: .mean)
        #expect(benchmark.table.count == 62_208)
        #expect(benchmark.space.size == 62_208)
        #expect(benchmark.table.validationMSE.count == 62_208 * 4)
        #expect(abs(benchmark.optimum - best) <= 1e-12 * best)
        #expect(benchmark.space.values(of: benchmark.optimalConfiguration).map(\.value.description) == configuration)
        #expect(benchmark.regret(of: benchmark.optimalConfiguration) == 0)
    }

    @Test("protein's best configuration is the 'Best' row of the original report")
    func originalReportBestRow() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .mean)
        let best = benchmark.space.dictionary(of: benchmark.optimalConfiguration)
        #expect(best == [
            "activation_fn_1": .string("relu"), "activation_fn_2": .string("relu"), "batch_size": .number(8),
            "dropout_1": .number(0.0), "dropout_2": .number(0.3), "init_lr": .number(0.0005),
            "lr_schedule": .string("cosine"), "n_units_1": .number(512), "n_units_2": .number(512),
        ])
        // The report prints the value rounded to 6 digits: 0.221379.
        #expect((benchmark.optimum * 1e6).rounded() / 1e6 == 0.221379)
    }

    @Test("known entries: the first configuration of protein (key 000000000)")
    func knownEntry() throws {
        // From the source pickle: val_loss and train_time of key "000000000", model_size 449.
        let table = try FCNetTable.load(.protein)
        #expect(table.validationMSE[0..<4].map(Double.init) == [0.341951459646225, 0.34103745222091675, 0.33918553590774536, 0.33868858218193054])
        #expect(table.runtime[0..<4].map(Double.init) == [485.5804443359375, 483.2498779296875, 477.0804138183594, 481.446044921875])
        #expect(table.parameterCount[0] == 449)
    }

    @Test("objective modes: mean is deterministic, seed:K reads that seed, noisy draws among the 4")
    func modes() throws {
        let table = try FCNetTable.load(.naval)
        let configuration = try SearchSpace.fcnet.configuration(id: 1234)
        var generator = SeededGenerator(seed: 1)
        let mean = try FCNetBenchmark(table: table, mode: .mean).evaluate(configuration, using: &generator)
        #expect(mean.value == table.meanValidationMSE[1234])
        for k in 0..<4 {
            let evaluation = try FCNetBenchmark(table: table, mode: .seed(k)).evaluate(configuration, using: &generator)
            #expect(evaluation.value == Double(table.validationMSE[1234 * 4 + k]))
            #expect(evaluation.cost == Double(table.runtime[1234 * 4 + k]))
        }
        let noisy = FCNetBenchmark(table: table, mode: .noisy)
        var seen = Set<Double>()
        for _ in 0..<200 { seen.insert(try noisy.evaluate(configuration, using: &generator).value) }
        #expect(seen == Set((0..<4).map { Double(table.validationMSE[1234 * 4 + $0]) }))
    }

    @Test("objective mode parsing and its errors")
    func modeParsing() throws {
        #expect(try ObjectiveMode(parsing: "noisy") == .noisy)
        #expect(try ObjectiveMode(parsing: "mean") == .mean)
        #expect(try ObjectiveMode(parsing: "seed:3") == .seed(3))
        for bad in ["seed:4", "seed:-1", "seed:", "loud", ""] {
            #expect(throws: ObjectiveModeError(text: bad, seeds: 4)) { try ObjectiveMode(parsing: bad) }
        }
        #expect(ObjectiveModeError(text: "loud", seeds: 4).description == "unknown objective mode 'loud': valid modes are noisy, mean, seed:0 ... seed:3")
    }

    @Test("the catalog names the four benchmarks first and refuses others with the valid list")
    func catalog() throws {
        #expect(BenchmarkRegistry.standard.names.prefix(4) == ["fcnet-protein", "fcnet-slice", "fcnet-naval", "fcnet-parkinsons"])
        #expect(throws: UnknownBenchmarkError(name: "fcnet-cifar", valid: BenchmarkRegistry.standard.names)) { try BenchmarkRegistry.standard.benchmark(named: "fcnet-cifar") }
        #expect(UnknownBenchmarkError(name: "x", valid: ["fcnet-protein", "branin"]).description == "unknown benchmark 'x': valid benchmarks are fcnet-protein, branin")
    }

    @Test("a missing, truncated or damaged table file is a clear error, not a crash")
    func damagedFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hpo-fcnet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CFCNetData/data/fcnet_slice.bin")
        let good = try Data(contentsOf: source)
        #expect(try FCNetTable.load(.slice, contentsOf: source).bestMeanValidationMSE == FCNetTable.load(.slice).bestMeanValidationMSE)

        let missing = directory.appendingPathComponent("nothing.bin")
        #expect(throws: FCNetTableError.missing(source: missing.path)) { try FCNetTable.load(.slice, contentsOf: missing) }

        let truncated = directory.appendingPathComponent("truncated.bin")
        try good.prefix(1000).write(to: truncated)
        #expect(throws: FCNetTableError.wrongSize(source: truncated.path, expected: good.count, actual: 1000)) {
            try FCNetTable.load(.slice, contentsOf: truncated)
        }

        var flipped = good
        flipped[good.count / 2] ^= 0x01
        let damaged = directory.appendingPathComponent("damaged.bin")
        try flipped.write(to: damaged)
        do {
            _ = try FCNetTable.load(.slice, contentsOf: damaged)
            Issue.record("a damaged table loaded")
        } catch let error as FCNetTableError {
            guard case .checksumMismatch = error else { Issue.record("wrong error \(error)"); return }
            #expect("\(error)".contains("is damaged: checksum"))
        }

        var badMagic = good
        badMagic[0] = 0x58
        let notTable = directory.appendingPathComponent("other.bin")
        try badMagic.write(to: notTable)
        #expect(throws: FCNetTableError.notATable(source: notTable.path)) { try FCNetTable.load(.slice, contentsOf: notTable) }
        // The right size and header but the table of another dataset: the manifest's checksum differs.
        #expect(throws: FCNetTableError.self) { try FCNetTable.load(.naval, contentsOf: source) }
    }
}
