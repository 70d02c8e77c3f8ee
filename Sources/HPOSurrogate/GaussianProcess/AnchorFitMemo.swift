import Synchronization

/// The last hyperparameter fit of a Gaussian process on an anchor's observations
/// (``GaussianProcess/Settings/hyperparameterAnchor(settled:)``), shared by the copies of one
/// process.
///
/// A memo, not state: an anchor fit is a function of its observations alone, so remembering it
/// changes no result, only the time. It is shared because optimizers suggest on copies (a study
/// suggests among running trials on a copy that takes no step), and a copy's fit would otherwise
/// be lost with it.
final class AnchorFitMemo: Sendable {
    /// The observations of an anchor: encoded features, row-major, and standardized targets.
    struct Key: Hashable, Sendable {
        let features: [Double]
        let targets: [Double]

        /// A 64-bit digest of every value's bits (FNV-1a), the seed of the anchor fit's draws.
        var digest: UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for value in features + targets {
                hash = (hash ^ value.bitPattern) &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }

    private let last = Mutex<(key: Key, hyperparameters: KernelHyperparameters)?>(nil)

    /// The hyperparameters fitted on `key`'s observations, if they were the last fitted.
    func hyperparameters(for key: Key) -> KernelHyperparameters? {
        last.withLock { $0?.key == key ? $0?.hyperparameters : nil }
    }

    /// Remembers the fit on `key`'s observations, in place of the one before.
    func remember(_ hyperparameters: KernelHyperparameters, for key: Key) {
        last.withLock { $0 = (key, hyperparameters) }
    }
}
