import Foundation

/// What values a setting takes; it checks a value and reads one from text.
public enum SettingType: Hashable, Sendable, CustomStringConvertible {
    /// `true` or `false`.
    case bool
    /// A whole number of at least `minimum`.
    case integer(minimum: Int)
    /// A finite number in `range`.
    case number(ClosedRange<Double>)
    /// One of `choices`.
    case choice([String])
    /// A non-empty list of whole numbers of at least `minimum`.
    case integers(minimum: Int)
    /// A non-empty list of values from `choices`.
    case choices([String])

    /// The valid values in words, for help and errors.
    public var description: String {
        switch self {
        case .bool: "true or false"
        case .integer(let minimum): "an integer of at least \(minimum)"
        case .number(let range):
            switch (range.lowerBound.isFinite, range.upperBound.isFinite) {
            case (true, true): "a number in \(SettingValue.number(range.lowerBound))...\(SettingValue.number(range.upperBound))"
            case (true, false): "a finite number of at least \(SettingValue.number(range.lowerBound))"
            default: "a finite number"
            }
        case .choice(let choices): "one of " + choices.joined(separator: ", ")
        case .integers(let minimum): "integers of at least \(minimum), comma-separated"
        case .choices(let choices): "names from " + choices.joined(separator: ", ") + ", comma-separated"
        }
    }

    /// `value` in this type's canonical form (e.g. a whole number for a number setting becomes
    /// a number), or `nil` if it is not valid.
    public func checked(_ value: SettingValue) -> SettingValue? {
        switch (self, value) {
        case (.bool, .bool): return value
        case (.integer(let minimum), .integer(let n)): return n >= minimum ? value : nil
        case (.integer(let minimum), .number(let x)):
            guard x == x.rounded(), abs(x) < 1e15, Int(x) >= minimum else { return nil }
            return .integer(Int(x))
        case (.number(let range), .integer(let n)): return range.contains(Double(n)) ? .number(Double(n)) : nil
        case (.number(let range), .number(let x)): return x.isFinite && range.contains(x) ? value : nil
        case (.choice(let choices), .string(let name)): return choices.contains(name) ? value : nil
        case (.integers(let minimum), .list(let values)):
            let checked = values.map { SettingType.integer(minimum: minimum).checked($0) }
            return !checked.isEmpty && !checked.contains(nil) ? .list(checked.compactMap { $0 }) : nil
        case (.integers, .integer), (.integers, .number), (.choices, .string):
            return checked(.list([value]))
        case (.choices(let choices), .list(let values)):
            let valid = !values.isEmpty && values.allSatisfy { if case .string(let name) = $0 { choices.contains(name) } else { false } }
            return valid ? value : nil
        default: return nil
        }
    }

    /// Reads `text` as given after `key=` on the command line: `true`, `3`, `0.5`, `lcb`, `50,50`
    /// or a JSON value; `nil` if it is not a valid value of this type.
    public func parse(_ text: String) -> SettingValue? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let word: (Substring) -> SettingValue = { word in
            let word = word.trimmingCharacters(in: .whitespaces)
            if let n = Int(word) { return .integer(n) }
            if let x = Double(word) { return .number(x) }
            switch word.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: return .string(word.hasPrefix("\"") && word.hasSuffix("\"") && word.count >= 2 ? String(word.dropFirst().dropLast()) : word)
            }
        }
        switch self {
        case .integers, .choices:
            let inner = text.hasPrefix("[") && text.hasSuffix("]") ? text.dropFirst().dropLast() : Substring(text)
            return checked(.list(inner.split(separator: ",", omittingEmptySubsequences: false).map(word)))
        default:
            return checked(word(Substring(text)))
        }
    }
}
