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

        /// Creates settings; the defaults keep a suggestion at 100 observations in 6 dimensions
        /// well under 50 ms (BENCHMARKS.md).
        public init(targets: TargetScale = .identity, restarts: Int = 1, maximumObservations: Int = 1000, maximumFitObservations: Int = 200) {
            self.targets = targets
            self.restarts = restarts
            self.maximumObservations = maximumObservations
            self.maximumFitObservations = maximumFitObservations
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
        }
    }
}
