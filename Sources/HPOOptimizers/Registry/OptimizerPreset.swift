/// A named optimizer with its full settings and a line on what it is for: what `--optimizer NAME`
/// selects and `hpo optimizers` lists.
public struct OptimizerPreset: Sendable {
    /// The name, e.g. `bo-rf-noisy`.
    public let name: String
    /// What the preset does and when to pick it, in one line.
    public let summary: String
    /// The optimizer and all its settings.
    public let spec: OptimizerSpec
    /// The preset with the noise handling of this one (e.g. `bo-rf-noisy` for `bo-rf`), which
    /// `--noisy` selects; `nil` if there is none.
    public let noisy: String?

    /// A preset; `noisy` names the preset `--noisy` turns this one into.
    public init(name: String, summary: String, spec: OptimizerSpec, noisy: String? = nil) {
        self.name = name
        self.summary = summary
        self.spec = spec
        self.noisy = noisy
    }
}
