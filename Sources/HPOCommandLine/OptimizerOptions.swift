import ArgumentParser
import Foundation
import HPO

/// The options that choose an optimizer: a preset by name and any of its settings by key.
struct OptimizerOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The optimizer: a preset name (`hpo optimizers` lists them). (default: \(OptimizerOptions.defaultPreset))",
        valueName: "name"))
    var optimizer: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change one of the optimizer's settings, e.g. --set kappa=2 (repeatable; `hpo optimizers NAME` lists the keys).",
        valueName: "key=value"))
    var changes: [String] = []

    @Option(help: ArgumentHelp(
        "A JSON file of settings, {\"key\": value, ...}, applied before --set.", valueName: "file"))
    var settings: String?

    /// The optimizer of a command that does not name one.
    static let defaultPreset = OptimizerRegistry.defaultPresetName

    /// Whether any option was given.
    var isGiven: Bool { optimizer != nil || !changes.isEmpty || settings != nil }

    /// Refuses an unknown optimizer, key or value before the command starts.
    func validate() throws {
        do {
            _ = try resolve()
        } catch let error as UnknownOptimizerError {
            throw ValidationError(error.description)
        } catch let error as SettingError {
            throw ValidationError(error.description)
        }
    }

    /// The optimizer named (or `preset`, by default ``defaultPreset``) with the settings given,
    /// labelled truthfully, e.g. `bo-rf-noisy[kappa=2]`.
    func resolve(preset: String? = nil, registry: OptimizerRegistry = .standard) throws -> NamedOptimizer {
        try registry.optimizer(named: preset ?? optimizer ?? Self.defaultPreset, settings: changes, after: try fileSettings())
    }

    /// The settings of `--settings`, in the file's order of keys.
    private func fileSettings() throws -> [(key: String, value: SettingValue)] {
        guard let path = settings else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SettingError.unreadableFile(path: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode([String: SettingValue].self, from: data).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        } catch {
            throw SettingError.unreadableFile(path: path, reason: "it must be a JSON object of settings, e.g. {\"kappa\": 2, \"trees\": 20}")
        }
    }
}
