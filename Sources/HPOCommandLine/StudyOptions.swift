import ArgumentParser
import Foundation
import HPO

/// The options that name a study and, for a new one, its settings.
struct StudyOptions: ParsableArguments {
    @Option(help: "The study file (SQLite). It is created if it does not exist, and continued if it does.")
    var study: String?

    @Option(help: "The search-space file: JSON, or YAML for .yaml/.yml (the schema `hpo space` prints). Needed to create a study.")
    var space: String?

    @Option(help: "The optimizer of a new study (default random): \(OptimizerName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var optimizer: OptimizerName?

    @Option(help: "The seed of a new study (default 0): trial n draws the optimizer's randomness from stream n of it.")
    var seed: UInt64?

    @Flag(help: "Random search: never draw a configuration twice (finite spaces).")
    var withoutReplacement = false

    @OptionGroup(title: "Bayesian optimization")
    var bayesianOptimization: BayesianOptimizationOptions

    @OptionGroup(title: "DNGO surrogate (bo-dngo, bo-dngo-noisy)")
    var dngo: DNGOOptions

    /// The optimizer asked for, if any option names one.
    private var optimizerSpec: OptimizerSpec? {
        optimizer == nil && !withoutReplacement
            ? nil
            : (optimizer ?? .random).spec(
                withoutReplacement: withoutReplacement, bayesianOptimization: bayesianOptimization, dngo: dngo)
    }

    /// Opens the study: continues the one in `--study` (checking any settings given against its
    /// own), or creates it, in that file or in memory, from `--space` and the other settings.
    func open() throws -> Study {
        let space = try self.space.map(SpaceFile.load(path:))
        guard let path = study else {
            guard let space else { throw CommandLineError("--space is required: give the search-space file (or a --study file that holds one)") }
            return Study(space: space, optimizer: optimizerSpec ?? .random(RandomSearch.Settings()), seed: seed ?? 0)
        }
        if FileManager.default.fileExists(atPath: path) {
            do {
                let storage = try SQLiteStudyStorage(path: path)
                let stored = storage.settings
                let asked = StudySettings(space: space ?? stored.space, optimizer: optimizerSpec ?? stored.optimizer, seed: seed ?? stored.seed)
                let differences = asked.differences(from: stored)
                guard differences.isEmpty else { throw StudyError.settingsMismatch(file: path, differences: differences) }
                return Study(storage: storage)
            } catch StudyError.noStudy where space != nil {
                // an empty database: create the study below
            }
        }
        guard let space else { throw StudyError.noStudy(file: path) }
        let settings = StudySettings(space: space, optimizer: optimizerSpec ?? .random(RandomSearch.Settings()), seed: seed ?? 0)
        return Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
    }

    /// The study in `--study`, which must exist.
    func openExisting() throws -> Study {
        guard study != nil else { throw CommandLineError("--study is required: give the study file") }
        return try open()
    }
}

/// The path of a study file that must exist already.
func existingStudyFile(_ path: String) throws -> String {
    guard FileManager.default.fileExists(atPath: path) else {
        throw CommandLineError("the study file '\(path)' does not exist")
    }
    return path
}
