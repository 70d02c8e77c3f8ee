import HPORun

/// A kind of storage for studies (an SQLite file, a PostgreSQL database), known by the form of a
/// study's location: a new kind is one type conforming to this protocol and one entry in
/// ``StudyStorages/standard``.
public protocol StudyStorageKind: Sendable {
    /// The kind's name, e.g. `SQLite`.
    var name: String { get }
    /// The form of its locations, for help texts, e.g. `PATH or sqlite:PATH`.
    var locationForm: String { get }
    /// Whether `location` names a study of this kind.
    func accepts(_ location: String) -> Bool
    /// Opens the study at `location` for reading and writing, creating it from `settings` if
    /// there is none there. Throws ``StudyError/noStudy(file:)`` if there is none and `settings`
    /// is `nil`, ``StudyError/settingsMismatch(file:differences:)`` if the stored study has other
    /// settings.
    func open(_ location: String, creating settings: StudySettings?) throws -> any StudyStorage
    /// Opens the study at `location` for reading only, taking no write lock; throws
    /// ``StudyError/noStudy(file:)`` if there is none.
    func openForReading(_ location: String) throws -> any StudyStorage
}

/// The kinds of storage a study location can name, tried in order.
public struct StudyStorages: Sendable {
    /// The kinds, the most specific first; the last one takes any location.
    public var kinds: [any StudyStorageKind]

    /// Storages of `kinds`, tried in order.
    public init(kinds: [any StudyStorageKind]) {
        self.kinds = kinds
    }

    /// Every storage this package has: an SQLite file for a path or `sqlite:PATH`.
    public static let standard = StudyStorages(kinds: [SQLiteStudyStorageKind()])

    /// The kind of storage `location` names.
    public func kind(of location: String) -> any StudyStorageKind {
        kinds.first { $0.accepts(location) } ?? SQLiteStudyStorageKind()
    }

    /// Opens the study at `location` for reading and writing, creating it from `settings` if
    /// there is none (see ``StudyStorageKind/open(_:creating:)``).
    public func open(_ location: String, creating settings: StudySettings? = nil) throws -> Study {
        Study(storage: try kind(of: location).open(location, creating: settings))
    }

    /// Opens the study at `location` for reading only.
    public func openForReading(_ location: String) throws -> Study {
        Study(storage: try kind(of: location).openForReading(location))
    }

    /// The forms of location understood, for help texts.
    public var locationForms: String {
        kinds.map { "\($0.locationForm) (\($0.name))" }.joined(separator: ", ")
    }
}

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
