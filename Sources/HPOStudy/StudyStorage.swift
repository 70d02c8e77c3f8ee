import Foundation
import HPOSpace

/// Where a study keeps its settings and trials: in memory, or in an SQLite file shared by
/// processes. Implementations make ``insertTrial(owner:choosing:)`` and
/// ``finishTrial(id:outcome:)`` atomic with respect to every other writer.
public protocol StudyStorage: Sendable {
    /// The study's settings.
    var settings: StudySettings { get }

    /// Every trial, by id.
    func trials() throws -> [Study.Trial]

    /// Reads the trials, lets `choose` pick the next configuration from them (or throw), and
    /// stores it as a new running trial with the next id, with no other writer in between.
    func insertTrial(
        owner: TrialOwner?, choosing choose: (_ trials: [Study.Trial]) throws -> Configuration
    ) throws -> Study.Trial

    /// Records the outcome of a running trial; throws ``StudyError/unknownTrial(id:count:)`` or
    /// ``StudyError/alreadyFinished(id:state:)`` otherwise.
    func finishTrial(id: Int, outcome: TrialOutcome) throws -> Study.Trial
}
