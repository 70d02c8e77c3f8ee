/// One setting of an optimizer kind: its key, what it does, the values it takes, and how it reads
/// and writes the kind's typed settings. A kind's settings are the keys `--set` accepts.
public struct OptimizerSetting<Settings: Sendable>: Sendable {
    /// The key, e.g. `kappa`.
    public let key: String
    /// What the setting does, in one sentence.
    public let summary: String
    /// The values it takes.
    public let type: SettingType
    private let read: @Sendable (Settings) -> SettingValue?
    private let write: @Sendable (inout Settings, SettingValue) throws -> Void

    /// A setting read by `read` (`nil` where it does not apply, e.g. `kappa` of expected
    /// improvement) and written by `write`, which receives a value checked against `type` and
    /// may throw ``SettingError`` when the setting does not apply to `settings`.
    public init(
        _ key: String, _ type: SettingType, _ summary: String,
        read: @escaping @Sendable (Settings) -> SettingValue?,
        write: @escaping @Sendable (inout Settings, SettingValue) throws -> Void
    ) {
        self.key = key
        self.summary = summary
        self.type = type
        self.read = read
        self.write = write
    }

    /// The setting's value in `settings`, or `nil` where it does not apply.
    public func value(in settings: Settings) -> SettingValue? {
        read(settings)
    }

    /// Sets the setting in `settings` to `value`; throws ``SettingError`` for a value of the wrong
    /// type or a setting that does not apply.
    public func set(_ value: SettingValue, in settings: inout Settings) throws {
        guard let checked = type.checked(value) else {
            throw SettingError.invalidValue(key: key, value: value.description, valid: type.description)
        }
        try write(&settings, checked)
    }
}

// MARK: - Settings stored at a key path

extension OptimizerSetting {
    /// A true-or-false setting stored at `path`.
    public static func bool(
        _ key: String, _ path: WritableKeyPath<Settings, Bool> & Sendable, _ summary: String
    ) -> Self {
        Self(key, .bool, summary, read: { .bool($0[keyPath: path]) }, write: { settings, value in
            if case .bool(let flag) = value { settings[keyPath: path] = flag }
        })
    }

    /// A whole-number setting of at least `minimum` stored at `path`.
    public static func integer(
        _ key: String, _ path: WritableKeyPath<Settings, Int> & Sendable, minimum: Int, _ summary: String
    ) -> Self {
        Self(key, .integer(minimum: minimum), summary, read: { .integer($0[keyPath: path]) }, write: { settings, value in
            if case .integer(let n) = value { settings[keyPath: path] = n }
        })
    }

    /// A number setting in `range` stored at `path`.
    public static func number(
        _ key: String, _ path: WritableKeyPath<Settings, Double> & Sendable, in range: ClosedRange<Double>, _ summary: String
    ) -> Self {
        Self(key, .number(range), summary, read: { .number($0[keyPath: path]) }, write: { settings, value in
            if case .number(let x) = value { settings[keyPath: path] = x }
        })
    }

    /// A setting stored at `path` whose values are the raw names of `Value`'s cases.
    public static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Settings, Value> & Sendable, _ summary: String
    ) -> Self where Value.RawValue == String {
        Self(key, .choice(Value.allCases.map(\.rawValue)), summary, read: { .string($0[keyPath: path].rawValue) },
             write: { settings, value in
            if case .string(let name) = value, let choice = Value(rawValue: name) { settings[keyPath: path] = choice }
        })
    }
}

/// A setting that cannot be read or applied.
public enum SettingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key the optimizer does not have.
    case unknownKey(key: String, optimizer: String, valid: [String])
    /// A value the setting does not take.
    case invalidValue(key: String, value: String, valid: String)
    /// A setting that only applies when another one has a certain value.
    case notApplicable(key: String, reason: String)
    /// A `--set` argument that is not `key=value`.
    case malformed(argument: String)
    /// A settings file that cannot be read.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownKey(let key, let optimizer, let valid):
            "unknown setting '\(key)' for \(optimizer): valid settings are " + valid.joined(separator: ", ")
        case .invalidValue(let key, let value, let valid):
            "invalid value '\(value)' for setting \(key): it must be \(valid)"
        case .notApplicable(let key, let reason):
            "setting \(key) does not apply: \(reason)"
        case .malformed(let argument):
            "invalid setting '\(argument)': write key=value, e.g. kappa=2 (`hpo optimizers --json` lists each optimizer's keys)"
        case .unreadableFile(let path, let reason):
            "cannot read the settings file '\(path)': \(reason)"
        }
    }
}

extension OptimizerSetting {
    /// This setting as a setting of `Root`, which holds these settings at `path` (e.g. the loop's
    /// settings inside a Bayesian-optimization kind's).
    public func lifted<Root>(_ path: WritableKeyPath<Root, Settings> & Sendable) -> OptimizerSetting<Root> {
        OptimizerSetting<Root>(key, type, summary, read: { self.read($0[keyPath: path]) }, write: { root, value in
            try self.write(&root[keyPath: path], value)
        })
    }
}

extension OptimizerSetting {
    /// This setting as a setting of `Root`, which may hold these settings at `path`: it reads
    /// `nil` where `Root` holds none, and refuses to be written there, saying `absent`.
    public func lifted<Root>(_ path: WritableKeyPath<Root, Settings?> & Sendable, absent reason: String) -> OptimizerSetting<Root> {
        OptimizerSetting<Root>(key, type, summary, read: { $0[keyPath: path].flatMap(self.read) }, write: { [key] root, value in
            guard var settings = root[keyPath: path] else { throw SettingError.notApplicable(key: key, reason: reason) }
            try self.write(&settings, value)
            root[keyPath: path] = settings
        })
    }
}
