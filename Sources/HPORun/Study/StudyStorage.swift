import Foundation
import HPOSpace

/// Where a study keeps its settings, budget and trials: in memory, in an SQLite file shared by
/// the processes of one host, or in a database server shared by hosts.
///
/// A storage offers a few short, atomic operations and no long transaction: the study reads the
/// trials, works out the next one (fitting a model can take a while) and then stores it only if
/// no other writer stored a trial meanwhile (``insert(_:)``), and changes a trial only while it
/// is running (``replaceRunning(_:)``). A trial that is no longer running never changes again.
public protocol StudyStorage: Sendable {
    /// The study's settings.
    var settings: StudySettings { get }

    /// The trials whose ids are `firstID` or more, in id order: every trial for `firstID` 1.
    func trials(from firstID: Int) throws -> [Study.Trial]

    /// The number of evaluations the study is to make (``Study/setBudget(_:)``), or `nil` when
    /// it is not known.
    func budget() throws -> Int?

    /// Stores the number of evaluations the study is to make, or `nil` for unknown.
    func setBudget(_ budget: Int?) throws

    /// Stores `trial` as the study's next trial and returns `true`, if its id is one more than
    /// the largest stored id (1 for the first) and, for a re-run (``Study/Trial/retryOf``), no
    /// stored trial re-runs the same trial; otherwise stores nothing and returns `false`. Atomic
    /// with respect to every other writer.
    func insert(_ trial: Study.Trial) throws -> Bool

    /// Stores `trial` in place of the stored trial with its id if that one is running, and
    /// returns the stored trial as it is after the call: `trial`, or the unchanged stored trial
    /// when it was no longer running. Throws ``StudyError/unknownTrial(id:count:)`` when there
    /// is no such trial. Atomic with respect to every other writer.
    func replaceRunning(_ trial: Study.Trial) throws -> Study.Trial
}

extension StudyStorage {
    /// Every trial, in id order.
    public func trials() throws -> [Study.Trial] {
        try trials(from: 1)
    }

    /// The trial with id `id`, or `nil`.
    public func trial(_ id: Int) throws -> Study.Trial? {
        guard id >= 1 else { return nil }
        return try trials(from: id).first { $0.id == id }
    }
}
