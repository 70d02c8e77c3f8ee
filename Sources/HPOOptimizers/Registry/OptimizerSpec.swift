import Foundation
import HPOSpace

/// One optimizer with its settings: a kind (``OptimizerKind``) and a value of its settings.
///
/// Specs are plain values: equal when their kind's name and settings are equal, and stored as
/// `{"kind": NAME, "settings": {...}}`. Decoding looks the kind up in the
/// ``OptimizerRegistry`` of the decoder's `userInfo[.optimizerRegistry]`, the standard one by
/// default.
public struct OptimizerSpec: Hashable, Sendable, Codable {
    private var bound: any BoundSettings

    /// The optimizer of `kind` with `settings`.
    public init<Kind: OptimizerKind>(_ kind: Kind, settings: Kind.Settings) {
        bound = Bound(kind: kind, settings: settings)
    }

    /// The kind's name, e.g. `bo-rf`.
    public var kind: String { bound.kindName }

    /// A fresh optimizer over `space`; throws for settings out of range.
    public func makeOptimizer(space: SearchSpace) throws -> any Optimizer {
        try bound.makeOptimizer(space: space)
    }

    /// One line on what the optimizer does with its main settings, for reports.
    public var summary: String { bound.summary }

    /// Whether the optimizer plans by its budget (``OptimizerKind/usesBudget(_:)``).
    public var usesBudget: Bool { bound.usesBudget }

    /// Every setting that applies, in the kind's order, with its value.
    public var values: [(key: String, value: SettingValue)] { bound.values }

    /// The keys of the kind's settings, with what each does and takes.
    public var keys: [(key: String, type: SettingType, summary: String)] { bound.keys }

    /// The spec with the setting `key` set to `value`; throws ``SettingError`` for an unknown key,
    /// an invalid value or a setting that does not apply.
    public func setting(_ key: String, to value: SettingValue) throws -> OptimizerSpec {
        var copy = self
        copy.bound = try bound.setting(key, to: value)
        return copy
    }

    /// The spec with `changes` applied in the kind's order of settings (so `acquisition` comes
    /// before `kappa` whatever the order given); the last value given for a key counts.
    public func setting(_ changes: [(key: String, value: SettingValue)]) throws -> OptimizerSpec {
        let order = Dictionary(keys.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        var latest: [String: SettingValue] = [:]
        for change in changes {
            guard order[change.key] != nil else {
                throw SettingError.unknownKey(key: change.key, optimizer: kind, valid: keys.map(\.key))
            }
            latest[change.key] = change.value
        }
        var spec = self
        for (key, value) in latest.sorted(by: { order[$0.key]! < order[$1.key]! }) {
            spec = try spec.setting(key, to: value)
        }
        return spec
    }

    /// The typed settings, if the kind's settings are of type `Settings`.
    public func settings<Settings>(as type: Settings.Type) -> Settings? {
        bound.settingsValue as? Settings
    }

    public static func == (a: OptimizerSpec, b: OptimizerSpec) -> Bool {
        a.bound.isEqual(to: b.bound)
    }

    public func hash(into hasher: inout Hasher) {
        bound.hash(into: &hasher)
    }

    // MARK: - Coding

    private enum CodingKeys: String, CodingKey {
        case kind, settings
    }

    public init(from decoder: any Decoder) throws {
        let registry = decoder.userInfo[.optimizerRegistry] as? OptimizerRegistry ?? .standard
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.kind) else {
            self = try LegacyOptimizerSpec.decode(from: decoder)
            return
        }
        let name = try container.decode(String.self, forKey: .kind)
        guard let kind = registry.kind(named: name) else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "unknown optimizer kind '\(name)': known kinds are \(registry.kindNames.joined(separator: ", "))")
        }
        self = try kind.decodeSpec(from: container.superDecoder(forKey: .settings))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try bound.encodeSettings(to: container.superEncoder(forKey: .settings))
    }
}

extension CodingUserInfoKey {
    /// The ``OptimizerRegistry`` that decodes ``OptimizerSpec``s (the standard one if absent).
    public static let optimizerRegistry = CodingUserInfoKey(rawValue: "hpo.optimizerRegistry")!
}

extension OptimizerKind {
    /// The spec of this kind whose settings `decoder` holds.
    func decodeSpec(from decoder: any Decoder) throws -> OptimizerSpec {
        OptimizerSpec(self, settings: try Settings(from: decoder))
    }
}

// MARK: - Type erasure

/// A kind with a value of its settings, behind ``OptimizerSpec``.
private protocol BoundSettings: Sendable {
    var kindName: String { get }
    var summary: String { get }
    var usesBudget: Bool { get }
    var values: [(key: String, value: SettingValue)] { get }
    var keys: [(key: String, type: SettingType, summary: String)] { get }
    var settingsValue: Any { get }
    func makeOptimizer(space: SearchSpace) throws -> any Optimizer
    func setting(_ key: String, to value: SettingValue) throws -> any BoundSettings
    func isEqual(to other: any BoundSettings) -> Bool
    func hash(into hasher: inout Hasher)
    func encodeSettings(to encoder: any Encoder) throws
}

private struct Bound<Kind: OptimizerKind>: BoundSettings {
    let kind: Kind
    var settings: Kind.Settings

    var kindName: String { kind.name }
    var summary: String { kind.summary(of: settings) }
    var usesBudget: Bool { kind.usesBudget(settings) }
    var settingsValue: Any { settings }

    var values: [(key: String, value: SettingValue)] {
        kind.settings.compactMap { setting in setting.value(in: settings).map { (setting.key, $0) } }
    }

    var keys: [(key: String, type: SettingType, summary: String)] {
        kind.settings.map { ($0.key, $0.type, $0.summary) }
    }

    func makeOptimizer(space: SearchSpace) throws -> any Optimizer {
        try kind.makeOptimizer(space: space, settings: settings)
    }

    func setting(_ key: String, to value: SettingValue) throws -> any BoundSettings {
        guard let setting = kind.settings.first(where: { $0.key == key }) else {
            throw SettingError.unknownKey(key: key, optimizer: kind.name, valid: kind.settings.map(\.key))
        }
        var copy = self
        try setting.set(value, in: &copy.settings)
        return copy
    }

    func isEqual(to other: any BoundSettings) -> Bool {
        guard let other = other as? Bound<Kind> else { return false }
        return kind.name == other.kind.name && settings == other.settings
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(kind.name)
        hasher.combine(settings)
    }

    func encodeSettings(to encoder: any Encoder) throws {
        try settings.encode(to: encoder)
    }
}
