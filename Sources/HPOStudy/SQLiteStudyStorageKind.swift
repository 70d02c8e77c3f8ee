import HPORun

/// Studies in SQLite files: a plain path, or `sqlite:PATH`.
public struct SQLiteStudyStorageKind: StudyStorageKind {
    /// The kind.
    public init() {}

    public var name: String { "SQLite" }
    public var locationForm: String { "PATH or sqlite:PATH" }

    public func accepts(_ location: String) -> Bool { true }

    public func open(_ location: String, creating settings: StudySettings?) throws -> any StudyStorage {
        try SQLiteStudyStorage(path: Self.path(of: location), creating: settings)
    }

    public func openForReading(_ location: String) throws -> any StudyStorage {
        try SQLiteStudyStorage(readingOnly: Self.path(of: location))
    }

    /// The file's path in `location`.
    static func path(of location: String) -> String {
        location.hasPrefix("sqlite:") ? String(location.dropFirst("sqlite:".count)) : location
    }
}
