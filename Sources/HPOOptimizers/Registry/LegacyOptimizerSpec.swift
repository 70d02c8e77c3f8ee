/// The form optimizers were stored in before kinds and the registry (study files and comparison
/// folders of earlier versions): read so that those files still open.
///
/// Settings of experiments removed since (the trust region, the incumbent rule `bestObserved`)
/// are refused rather than read as the defaults, so that runs made with them are never taken for
/// runs of today's optimizer.
enum LegacyOptimizerSpec: Decodable {
    case random(RandomSearch.Settings)
    case bayesianOptimization(surrogate: SurrogateKind, settings: BayesianOptimization.Settings)

    /// The optimizer in today's form; throws for a setting that no longer exists.
    static func decode(from decoder: any Decoder) throws -> OptimizerSpec {
        if let loop = try RemovedSettings(from: decoder).bayesianOptimization?.settings {
            let removed = [loop.trustRegion != nil ? "a trust region" : nil, loop.incumbent == "bestObserved" ? "the incumbent rule bestObserved" : nil]
                .compactMap { $0 }
            if !removed.isEmpty {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "the optimizer uses " + removed.joined(separator: " and ")
                        + ", which this version no longer has (earlier versions in git history do)"))
            }
        }
        return switch try LegacyOptimizerSpec(from: decoder) {
        case .random(let settings): .random(settings)
        case .bayesianOptimization(let surrogate, let settings): .bayesianOptimization(surrogate: surrogate, settings: settings)
        }
    }

    /// The settings of removed experiments in the stored form, where present.
    private struct RemovedSettings: Decodable {
        struct BayesianOptimization: Decodable {
            let settings: Loop
        }

        struct Loop: Decodable {
            let trustRegion: Present?
            let incumbent: String?
        }

        /// A value that is there, whatever it holds.
        struct Present: Decodable {
            init(from decoder: any Decoder) throws {}
        }

        let bayesianOptimization: BayesianOptimization?
    }
}
