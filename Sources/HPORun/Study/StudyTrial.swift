import Foundation
import HPOSpace

extension Study {
    /// One trial of a study as stored: its configuration, state, value and timestamps.
    public struct Trial: Hashable, Sendable {
        /// The trial's number in the study, from 1, unique and never reused.
        public let id: Int
        /// Where the trial is.
        public var state: TrialState
        /// The configuration in the space's internal units.
        public let configuration: Configuration
        /// The configuration as name -> value, as written to files and passed to commands.
        public let config: [String: ParameterValue]
        /// The loss of a complete trial.
        public var value: Double?
        /// When the trial was stored as running (taken inside the storage's transaction).
        public let startedAt: Date
        /// When it was told (or found interrupted).
        public var finishedAt: Date?
        /// Why a failed trial failed, or why an interrupted one was interrupted.
        public var failureReason: String?
        /// The end of a failed command's standard error.
        public var stderrTail: String?
        /// The process evaluating the trial, when it is evaluated by `optimize` (or named by the
        /// asker); `nil` for trials handed out by ask, whose evaluator is not known. For people
        /// reading the study: liveness is judged by ``lease``.
        public let owner: TrialOwner?
        /// The running trial's lease, which its worker renews while it evaluates it; `nil` for a
        /// trial that never expires (asked without a lease).
        public var lease: TrialLease?
        /// The interrupted trial whose configuration this trial evaluates again, if it is such a
        /// re-run; `nil` for a trial the optimizer suggested.
        public let retryOf: Int?

        /// Creates a trial record.
        public init(
            id: Int, state: TrialState, configuration: Configuration, config: [String: ParameterValue],
            value: Double? = nil, startedAt: Date, finishedAt: Date? = nil, failureReason: String? = nil,
            stderrTail: String? = nil, owner: TrialOwner? = nil, lease: TrialLease? = nil, retryOf: Int? = nil
        ) {
            self.id = id
            self.state = state
            self.configuration = configuration
            self.config = config
            self.value = value
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.failureReason = failureReason
            self.stderrTail = stderrTail
            self.owner = owner
            self.lease = lease
            self.retryOf = retryOf
        }

        /// The trial with `outcome` recorded at `date`.
        public func finished(with outcome: TrialOutcome, at date: Date) -> Trial {
            var trial = self
            trial.finishedAt = date
            switch outcome {
            case .complete(let value):
                trial.state = .complete
                trial.value = value
            case .failed(let reason, let stderrTail):
                trial.state = .failed
                trial.failureReason = reason
                trial.stderrTail = stderrTail
            case .interrupted(let reason):
                trial.state = .interrupted
                trial.failureReason = reason
            }
            return trial
        }
    }

    /// A trial about to be stored: the configuration to evaluate and, for a re-run of an
    /// interrupted trial, that trial's id.
    public struct NewTrial: Hashable, Sendable {
        /// The configuration to evaluate.
        public var configuration: Configuration
        /// The interrupted trial evaluated again, or `nil` for a suggestion of the optimizer.
        public var retryOf: Int?

        /// Creates a new trial's description.
        public init(configuration: Configuration, retryOf: Int? = nil) {
            self.configuration = configuration
            self.retryOf = retryOf
        }
    }
}
