/// The optimizer kinds and presets known by name: what `--optimizer`, `--set` and
/// `hpo optimizers` offer, and what decodes optimizers from study files and comparison folders.
///
/// A registry is a value: ``standard`` holds the project's optimizers, and code that imports
/// `HPO` adds its own kinds and presets with the `registering` methods, then passes
/// the registry where optimizers are looked up or decoded.
public struct OptimizerRegistry: Sendable {
    /// The kinds, in the order registered.
    public private(set) var kinds: [any OptimizerKind] = []
    /// The presets, in the order registered.
    public private(set) var presets: [OptimizerPreset] = []

    /// An empty registry.
    public init() {}

    /// The registry with `kind` and its default preset (named as the kind, with its
    /// ``OptimizerKind/defaults``) added; a kind or preset of the same name is replaced.
    public func registering<Kind: OptimizerKind>(_ kind: Kind, noisy: String? = nil) -> OptimizerRegistry {
        var registry = self
        registry.kinds.removeAll { $0.name == kind.name }
        registry.kinds.append(kind)
        return registry.registering(OptimizerPreset(name: kind.name, summary: kind.summary, spec: kind.spec(), noisy: noisy))
    }

    /// The registry with `preset` added; a preset of the same name is replaced.
    public func registering(_ preset: OptimizerPreset) -> OptimizerRegistry {
        var registry = self
        if let index = registry.presets.firstIndex(where: { $0.name == preset.name }) {
            registry.presets[index] = preset
        } else {
            registry.presets.append(preset)
        }
        return registry
    }

    /// The names of the kinds.
    public var kindNames: [String] { kinds.map(\.name) }

    /// The kind called `name`, if registered.
    public func kind(named name: String) -> (any OptimizerKind)? {
        kinds.first { $0.name == name }
    }

    /// The preset called `name`; throws ``UnknownOptimizerError`` naming the valid presets.
    public func preset(named name: String) throws -> OptimizerPreset {
        guard let preset = presets.first(where: { $0.name == name }) else {
            throw UnknownOptimizerError(name: name, valid: presets.map(\.name))
        }
        return preset
    }

    /// The preset called `name` with `changes` applied (see ``OptimizerSpec/setting(_:)``),
    /// labelled truthfully (``label(of:)``): `bo-rf-noisy`, or `bo-rf-noisy[kappa=2]` when a
    /// setting differs from the preset.
    public func optimizer(named name: String, changes: [(key: String, value: SettingValue)] = []) throws -> NamedOptimizer {
        let spec = try preset(named: name).spec.setting(changes)
        return NamedOptimizer(uncheckedLabel: label(of: spec, near: name), spec: spec)
    }

    /// The name of the preset with exactly these settings, or the nearest preset of the same kind
    /// (fewest different settings, `near` first on ties) followed by the settings that differ:
    /// `bo-rf-noisy[kappa=2]`, or `bo-rf[custom]` when only settings without a key differ.
    /// A kind that is not registered is labelled by its name.
    public func label(of spec: OptimizerSpec, near: String? = nil) -> String {
        let candidates = presets.filter { $0.spec.kind == spec.kind }
        if let exact = candidates.first(where: { $0.spec == spec }) { return exact.name }
        let mine = spec.values
        func differences(from preset: OptimizerPreset) -> [String] {
            let theirs = Dictionary(preset.spec.values.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            return mine.filter { theirs[$0.key] != $0.value }.map { "\($0.key)=\($0.value)" }
        }
        let ranked = candidates.map { (preset: $0, differences: differences(from: $0)) }
        let nearest = ranked.min { a, b in
            a.differences.count != b.differences.count
                ? a.differences.count < b.differences.count
                : a.preset.name == near && b.preset.name != near
        }
        guard let nearest else { return spec.kind }
        return nearest.preset.name + "[" + (nearest.differences.isEmpty ? "custom" : nearest.differences.joined(separator: ",")) + "]"
    }
}

/// An optimizer name that is not one of the presets.
public struct UnknownOptimizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name that was given.
    public let name: String
    /// The valid names.
    public let valid: [String]

    /// The error for `name`, listing the `valid` names.
    public init(name: String, valid: [String]) {
        self.name = name
        self.valid = valid
    }

    public var description: String {
        "unknown optimizer '\(name)': valid optimizers are " + valid.joined(separator: ", ")
    }
}
