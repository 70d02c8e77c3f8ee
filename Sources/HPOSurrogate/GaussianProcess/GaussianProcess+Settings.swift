import RealModule

extension GaussianProcess {
    /// How a Gaussian process is fitted.
    public struct Settings: Hashable, Sendable, Codable {
        /// The scale the observations are modelled on before standardization: identity, or the
        /// Gaussian copula of their ranks (robust to outliers and heavy tails).
        public var targets: TargetScale
        /// Random starts of the hyperparameter fit besides the prior's centre.
        public var restarts: Int
        /// The most observations the posterior is conditioned on; past it, a random subset that
        /// keeps the best observation (the exact posterior costs O(n^3) time and O(n^2) memory).
        public var maximumObservations: Int
        /// The most observations the hyperparameters are fitted on (each likelihood evaluation
        /// costs two O(n^3) steps); past it, a random subset that keeps the best observation.
        public var maximumFitObservations: Int
        /// The results up to which every fit searches the hyperparameters from the prior's
        /// centre and ``restarts`` random points; past it, from their fit on the results up to an
        /// anchor (``hyperparameterAnchor(settled:)``), made once per anchor, so that long runs
        /// and many workers do not pay for several full searches per suggestion.
        public var refitUntil: Int

        /// Creates settings; the defaults keep a suggestion at 100 observations in 6 dimensions
        /// well under 50 ms (BENCHMARKS.md).
        public init(
            targets: TargetScale = .identity, restarts: Int = 1, maximumObservations: Int = 1000, maximumFitObservations: Int = 200,
            refitUntil: Int = 64
        ) {
            self.targets = targets
            self.restarts = restarts
            self.maximumObservations = maximumObservations
            self.maximumFitObservations = maximumFitObservations
            self.refitUntil = refitUntil
        }

        private enum CodingKeys: String, CodingKey {
            case targets, restarts, maximumObservations, maximumFitObservations, refitUntil
        }

        /// Decodes settings; those saved before ``refitUntil`` existed fit the hyperparameters
        /// at every suggestion, as they did.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            targets = try container.decode(TargetScale.self, forKey: .targets)
            restarts = try container.decode(Int.self, forKey: .restarts)
            maximumObservations = try container.decode(Int.self, forKey: .maximumObservations)
            maximumFitObservations = try container.decode(Int.self, forKey: .maximumFitObservations)
            refitUntil = try container.decodeIfPresent(Int.self, forKey: .refitUntil) ?? Int.max
        }

        /// The number of leading observations whose hyperparameter fit starts the search when
        /// the first `settled` observations are results, or `nil` to search from the prior.
        ///
        /// `nil` while `settled` is below 9/8 of ``refitUntil``; then the largest anchor p =
        /// round(refitUntil 2^(k/4)), k = 0, 1, ..., with p + p/8 <= `settled`. The anchors grow
        /// by a fifth, so a long run makes a full fit four times per doubling of its results.
        /// The margin of an eighth leaves the anchor's observations alone while parallel
        /// workers' late results arrive just before the end (observations are in trial order),
        /// so each worker makes one full fit per anchor.
        public func hyperparameterAnchor(settled: Int) -> Int? {
            guard refitUntil < Int.max / 4, settled >= refitUntil + refitUntil / 8 else { return nil }
            var anchor = refitUntil
            for k in 1... {
                let next = Int((Double(refitUntil) * Double.pow(2, Double(k) / 4)).rounded())
                guard next + next / 8 <= settled else { break }
                anchor = next
            }
            return anchor
        }

        /// Throws ``SurrogateError/invalidSetting(name:value:valid:)`` for the first setting out of range.
        public func validate() throws {
            guard restarts >= 0 else {
                throw SurrogateError.invalidSetting(name: "hyperparameter restarts", value: "\(restarts)", valid: "a non-negative integer")
            }
            guard maximumObservations >= 2 else {
                throw SurrogateError.invalidSetting(name: "maximum observations", value: "\(maximumObservations)", valid: "an integer of at least 2")
            }
            guard maximumFitObservations >= 2 else {
                throw SurrogateError.invalidSetting(
                    name: "maximum fit observations", value: "\(maximumFitObservations)", valid: "an integer of at least 2")
            }
            guard refitUntil >= 2 else {
                throw SurrogateError.invalidSetting(name: "refit until", value: "\(refitUntil)", valid: "an integer of at least 2")
            }
        }
    }
}
