import ArgumentParser
import Foundation
import HPO

/// The options that name a study and, for a new one, its settings.
struct StudyOptions: ParsableArguments {
    @Option(help: "The study file (SQLite). It is created if it does not exist, and continued if it does.")
    var study: String?

    @Option(help: "The search-space file: JSON, or YAML for .yaml/.yml (the schema `hpo space` prints). Needed to create a study.")
    var space: String?

    @OptionGroup(title: "Optimizer")
    var optimizer: OptimizerOptions

    @Flag(help: "The objective is noisy: a new study uses its optimizer's noise handling (bo-rf becomes bo-rf-noisy, bo-dngo becomes bo-dngo-noisy).")
    var noisy = false

    @Option(help: "The seed of a new study (default 0): trial n draws the optimizer's randomness from stream n of it.")
    var seed: UInt64?

    /// The optimizer asked for, if any option names one: the preset (or the default one) turned
    /// into its noisy variant with `--noisy`, with the settings given.
    private func optimizerSpec() throws -> OptimizerSpec? {
        guard optimizer.isGiven || noisy else { return nil }
        let registry = OptimizerRegistry.standard
        var name = optimizer.optimizer ?? OptimizerOptions.defaultPreset
        if noisy {
            guard let variant = try registry.preset(named: name).noisy else {
                let noisy = registry.presets.filter { $0.noisy != nil }.map(\.name)
                throw CommandLineError(
                    "--noisy: optimizer \(name) has no noise handling; choose one that has: " + noisy.joined(separator: ", "))
            }
            name = variant
        }
        return try optimizer.resolve(preset: name).spec
    }

    /// Opens the study: continues the one in `--study` (checking any settings given against its
    /// own), or creates it, in that file or in memory, from `--space` and the other settings.
    func open() throws -> Study {
        let space = try self.space.map(SpaceFile.load(path:))
        guard let path = study else {
            guard let space else { throw CommandLineError("--space is required: give the search-space file (or a --study file that holds one)") }
            return Study(space: space, optimizer: try optimizerSpec() ?? defaultSpec(), seed: seed ?? 0)
        }
        if FileManager.default.fileExists(atPath: path) {
            do {
                let storage = try SQLiteStudyStorage(path: path)
                let stored = storage.settings
                let asked = StudySettings(space: space ?? stored.space, optimizer: try optimizerSpec() ?? stored.optimizer, seed: seed ?? stored.seed)
                let differences = asked.differences(from: stored)
                guard differences.isEmpty else { throw StudyError.settingsMismatch(file: path, differences: differences) }
                return Study(storage: storage)
            } catch StudyError.noStudy where space != nil {
                // an empty database: create the study below
            }
        }
        guard let space else { throw StudyError.noStudy(file: path) }
        let settings = StudySettings(space: space, optimizer: try optimizerSpec() ?? defaultSpec(), seed: seed ?? 0)
        return Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
    }

    /// The optimizer of a new study that names none.
    private func defaultSpec() throws -> OptimizerSpec {
        try OptimizerRegistry.standard.preset(named: OptimizerOptions.defaultPreset).spec
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
