import HPORun

/// Studies in PostgreSQL databases: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?study=NAME`
/// or the same with `postgres://` (see ``PostgreSQLLocation``).
public struct PostgreSQLStudyStorageKind: StudyStorageKind {
    /// The kind.
    public init() {}

    public var name: String { "PostgreSQL" }
    public var locationForm: String { "postgresql://USER@HOST[:PORT]/DATABASE?study=NAME" }

    public func accepts(_ location: String) -> Bool { PostgreSQLLocation.isURL(location) }

    public func open(_ location: String, creating settings: StudySettings?) throws -> any StudyStorage {
        try PostgreSQLStudyStorage(PostgreSQLLocation(url: location), creating: settings)
    }

    public func openForReading(_ location: String) throws -> any StudyStorage {
        try PostgreSQLStudyStorage(readingOnly: PostgreSQLLocation(url: location))
    }

    public func displayed(_ location: String) -> String {
        (try? PostgreSQLLocation(url: location).description) ?? PostgreSQLLocationError.withoutPassword(location)
    }
}
