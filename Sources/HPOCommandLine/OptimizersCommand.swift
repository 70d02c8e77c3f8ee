import ArgumentParser
import Foundation
import HPO

/// `hpo optimizers`: the presets, and each one's settings.
struct OptimizersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimizers",
        abstract: "List the optimizers, or one optimizer's settings with what each does.",
        discussion: """
            Every command that takes --optimizer NAME also takes --set KEY=VALUE (repeatable) and \
            --settings FILE.json to change any of the keys listed here. An optimizer whose settings \
            differ from its preset is labelled with the differences, e.g. bo-rf-noisy[kappa=2].
            """
    )

    @Argument(help: "A preset whose settings to show.")
    var name: String?

    @Flag(help: "Print JSON: every preset with its full settings, and every kind's keys.")
    var json = false

    func run() throws {
        let registry = OptimizerRegistry.standard
        let presets = try name.map { [try registry.preset(named: $0)] } ?? registry.presets
        if json {
            print(String(decoding: try SortedJSON.encode(Listing(presets: presets), pretty: true), as: UTF8.self), terminator: "")
        } else if let preset = presets.first, name != nil {
            print(detail(preset))
        } else {
            let width = presets.map(\.name.count).max() ?? 0
            for preset in presets { print(preset.name.padding(width + 1) + " " + preset.summary) }
            print("\n`hpo optimizers NAME` shows a preset's settings; --set KEY=VALUE changes one.")
        }
    }

    /// A preset's settings, with what each does and takes.
    private func detail(_ preset: OptimizerPreset) -> String {
        let values = Dictionary(preset.spec.values.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var lines = ["\(preset.name): \(preset.summary)", "", preset.spec.summary, ""]
        let shown = preset.spec.keys.map { (key: $0, value: values[$0.key].map(\.description) ?? "(n/a)") }
        let width = shown.map(\.key.key.count).max() ?? 0
        let valueWidth = shown.map(\.value.count).max() ?? 0
        for (key, value) in shown {
            lines.append("  " + key.key.padding(width + 1) + value.padding(valueWidth + 1) + key.summary + " Valid: \(key.type).")
        }
        if let noisy = preset.noisy, noisy != preset.name { lines.append("\nWith --noisy (hpo optimize, hpo ask): \(noisy).") }
        return lines.joined(separator: "\n")
    }

    /// What `--json` prints.
    private struct Listing: Encodable {
        struct Preset: Encodable {
            let name, kind, summary: String
            let noisy: String?
            let settings: [String: SettingValue]
        }

        struct Key: Encodable {
            let key, valid, summary: String
        }

        let presets: [Preset]
        let kinds: [String: [Key]]

        init(presets: [OptimizerPreset]) {
            self.presets = presets.map {
                Preset(
                    name: $0.name, kind: $0.spec.kind, summary: $0.summary, noisy: $0.noisy,
                    settings: Dictionary($0.spec.values.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }))
            }
            var kinds: [String: [Key]] = [:]
            for preset in presets {
                kinds[preset.spec.kind] = preset.spec.keys.map { Key(key: $0.key, valid: $0.type.description, summary: $0.summary) }
            }
            self.kinds = kinds
        }
    }
}
