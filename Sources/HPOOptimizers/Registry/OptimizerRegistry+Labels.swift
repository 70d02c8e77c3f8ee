import Foundation

extension OptimizerRegistry {
    /// The preset called `name` with `settings` given as `key=value` texts, as `--set` takes them
    /// (each value read by its key's ``SettingType``), after `changes`; labelled truthfully.
    public func optimizer(
        named name: String, settings texts: [String], after changes: [(key: String, value: SettingValue)] = []
    ) throws -> NamedOptimizer {
        let keys = try preset(named: name).spec.keys
        let types = Dictionary(keys.map { ($0.key, $0.type) }, uniquingKeysWith: { first, _ in first })
        var given = changes
        for text in texts {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { throw SettingError.malformed(argument: text) }
            let key = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
            let valueText = String(text[text.index(after: equals)...])
            guard let type = types[key] else { throw SettingError.unknownKey(key: key, optimizer: name, valid: keys.map(\.key)) }
            guard let value = type.parse(valueText) else {
                throw SettingError.invalidValue(key: key, value: valueText, valid: type.description)
            }
            given.append((key, value))
        }
        return try optimizer(named: name, changes: given)
    }

    /// The optimizer a label names, as labels are printed: a preset (`bo-rf`), or a preset with
    /// settings changed (`bo-rf-noisy[kappa=2,trees=20]`, `bo-dngo[hidden_layers=20,30]`).
    public func optimizer(label: String) throws -> NamedOptimizer {
        let label = label.trimmingCharacters(in: .whitespaces)
        guard let open = label.firstIndex(of: "["), label.hasSuffix("]") else { return try optimizer(named: label) }
        let inner = label[label.index(after: open)..<label.index(before: label.endIndex)]
        // A piece without `=` continues the previous setting's list, e.g. hidden_layers=20,30.
        var texts: [String] = []
        for piece in inner.split(separator: ",", omittingEmptySubsequences: false) {
            if piece.contains("=") || texts.isEmpty { texts.append(String(piece)) } else { texts[texts.count - 1] += "," + piece }
        }
        return try optimizer(named: String(label[..<open]), settings: texts)
    }

    /// The labels of a comma-separated list, e.g. `random,bo-rf[kappa=2,trees=20]`: commas
    /// inside brackets belong to the label.
    public static func labels(in list: String) -> [String] {
        var labels: [String] = [], current = "", depth = 0
        for character in list {
            switch character {
            case "[": depth += 1
            case "]": depth -= 1
            case "," where depth == 0:
                labels.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        labels.append(current)
        return labels.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
