/// An optimizer with its settings under a label: what an experiment compares, and the name its
/// files, tables and legends use.
public struct NamedOptimizer: Hashable, Sendable, Codable {
    /// The label, e.g. `bo-rf` or `bo-rf-noisy[kappa=2]`: it names files, so it holds no `/`.
    public var label: String
    /// The optimizer and its settings.
    public var spec: OptimizerSpec

    /// Labels `spec`; throws unless `label` is non-empty, holds no `/`, no control character
    /// and does not start with `.`.
    public init(label: String, spec: OptimizerSpec) throws {
        guard !label.isEmpty, label.first != ".", !label.contains("/"),
              !label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw OptimizerError.invalidSetting(
                name: "optimizer label", value: "'\(label)'",
                valid: "a non-empty name without '/' or control characters that does not start with '.'")
        }
        self.label = label
        self.spec = spec
    }

    /// A label known to be valid.
    init(uncheckedLabel label: String, spec: OptimizerSpec) {
        self.label = label
        self.spec = spec
    }
}

extension OptimizerSpec {
    /// The optimizer's label in the standard registry (``OptimizerRegistry/label(of:near:)``):
    /// a preset's name, or the nearest preset's with the settings that differ.
    public var label: String {
        OptimizerRegistry.standard.label(of: self)
    }
}
