extension Study {
    /// Copies the study's budget and every trial, in id order and as they are (running ones
    /// with their leases), into `destination`: a storage with the same settings and no trials,
    /// e.g. a new study opened with ``settings``. Any two storages will do, so a study moves
    /// from an SQLite file to a database server and back. Returns the trials copied.
    ///
    /// Throws ``StudyError/copyIntoStudyWithTrials(count:)`` if the destination has trials (or
    /// another writer adds some during the copy), ``StudyError/settingsMismatch(file:differences:)``
    /// if its settings differ.
    @discardableResult
    public func copy(to destination: any StudyStorage) throws -> [Trial] {
        let differences = settings.differences(from: destination.settings)
        guard differences.isEmpty else {
            throw StudyError.settingsMismatch(file: "the destination", differences: differences)
        }
        let present = try destination.trials()
        guard present.isEmpty else { throw StudyError.copyIntoStudyWithTrials(count: present.count) }
        let trials = try self.trials()
        try destination.setBudget(try budget())
        for trial in trials {
            guard try destination.insert(trial) else {
                throw StudyError.copyIntoStudyWithTrials(count: try destination.trials().count)
            }
        }
        return trials
    }
}
