import HPOOptimizers
import HPOSpace

/// What defines a study and is stored with it: the space, the optimizer with its settings and the
/// seed. Reopening a study with different settings is refused.
public struct StudySettings: Hashable, Sendable, Codable {
    /// The space searched.
    public var space: SearchSpace
    /// The optimizer and its settings.
    public var optimizer: OptimizerSpec
    /// The study's seed: trial `n` draws the optimizer's randomness from stream `n` of it.
    public var seed: UInt64

    /// Creates settings.
    public init(space: SearchSpace, optimizer: OptimizerSpec, seed: UInt64) {
        self.space = space
        self.optimizer = optimizer
        self.seed = seed
    }

    /// What differs from `other`, one phrase per setting, e.g. `seed 3 (not 4)`; empty if equal.
    public func differences(from other: StudySettings) -> [String] {
        var result: [String] = []
        if space != other.space { result.append("a different search space") }
        if optimizer != other.optimizer {
            let (mine, theirs) = (optimizer.label, other.optimizer.label)
            result.append(mine != theirs ? "optimizer \(mine) (not \(theirs))" : "optimizer \(mine) with other settings than the study's")
        }
        if seed != other.seed { result.append("seed \(seed) (not \(other.seed))") }
        return result
    }
}
