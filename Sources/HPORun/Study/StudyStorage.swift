import Foundation
import HPOSpace

/// Where a study keeps its settings, budget and trials: in memory, or in an SQLite file shared by
/// processes. Implementations make ``insertTrial(owner:choosing:)`` and
/// ``finishTrial(id:outcome:)`` atomic with respect to every other writer.
public protocol StudyStorage: Sendable {
    /// The study's settings.
    var settings: StudySettings { get }

    /// Every trial, by id.
    func trials() throws -> [Study.Trial]

    /// The number of evaluations the study is to make (``Study/setBudget(_:)``), or `nil` when
    /// it is not known.
    func budget() throws -> Int?

    /// Stores the number of evaluations the study is to make, or `nil` for unknown.
    func setBudget(_ budget: Int?) throws

    /// Reads the trials and the budget, lets `choose` pick the next trial from them (or throw),
    /// and stores it as a new running trial with the next id, with no other writer in between.
    func insertTrial(
        owner: TrialOwner?, choosing choose: (_ trials: [Study.Trial], _ budget: Int?) throws -> Study.NewTrial
    ) throws -> Study.Trial

    /// Records the outcome of a running trial; throws ``StudyError/unknownTrial(id:count:)`` or
    /// ``StudyError/alreadyFinished(id:state:)`` otherwise.
    func finishTrial(id: Int, outcome: TrialOutcome) throws -> Study.Trial
}
