import ArgumentParser
import Foundation
import HPO

/// The options that name a study and, for a new one, its settings.
struct StudyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The study: an SQLite file (PATH or sqlite:PATH) or a PostgreSQL database (postgresql://USER@HOST:PORT/DB?study=NAME). It is created if it does not exist, and continued if it does.",
        valueName: "location"))
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
        guard let location = study else {
            guard let space else { throw CommandLineError("--space is required: give the search-space file (or a --study that holds one)") }
            return Study(space: space, optimizer: try optimizerSpec() ?? defaultSpec(), seed: seed ?? 0)
        }
        do {
            let study = try StudyStorages.standard.open(location)
            let stored = study.settings
            let asked = StudySettings(space: space ?? stored.space, optimizer: try optimizerSpec() ?? stored.optimizer, seed: seed ?? stored.seed)
            let differences = asked.differences(from: stored)
            guard differences.isEmpty else { throw StudyError.settingsMismatch(file: location, differences: differences) }
            return study
        } catch StudyError.noStudy where space != nil {
            // no study there yet: create it below
        }
        guard let space else { throw StudyError.noStudy(file: location) }
        let settings = StudySettings(space: space, optimizer: try optimizerSpec() ?? defaultSpec(), seed: seed ?? 0)
        return try StudyStorages.standard.open(location, creating: settings)
    }

    /// The optimizer of a new study that names none.
    private func defaultSpec() throws -> OptimizerSpec {
        try OptimizerRegistry.standard.preset(named: OptimizerOptions.defaultPreset).spec
    }

    /// The study in `--study`, which must exist.
    func openExisting() throws -> Study {
        guard study != nil else { throw CommandLineError("--study is required: give the study file or database") }
        return try open()
    }
}

/// The study at `location` (any storage), opened for reading only; a clear error if there is none.
func openStudyForReading(_ location: String) throws -> Study {
    do {
        return try StudyStorages.standard.openForReading(location)
    } catch StudyError.noStudy {
        throw CommandLineError("there is no study at '\(location)': give a study file or database that holds one (" + StudyStorages.standard.locationForms + ")")
    }
}

/// The study at `location` (any storage), which must exist, opened for reading and writing.
func openExistingStudy(_ location: String) throws -> Study {
    do {
        return try StudyStorages.standard.open(location)
    } catch StudyError.noStudy {
        throw CommandLineError("there is no study at '\(location)': give a study file or database that holds one (" + StudyStorages.standard.locationForms + ")")
    }
}

/// A study's short name for titles: the `study` of a database URL, else the file's name.
func studyName(_ location: String) -> String {
    if location.contains("://") {
        let components = URLComponents(string: location)
        return components?.queryItems?.first { $0.name == "study" }?.value ?? "default"
    }
    return URL(fileURLWithPath: location).lastPathComponent
}
