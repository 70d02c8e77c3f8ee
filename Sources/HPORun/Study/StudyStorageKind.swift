/// A kind of storage for studies (an SQLite file, a PostgreSQL database), known by the form of a
/// study's location: a new kind is one type conforming to this protocol and one entry in
/// `StudyStorages.standard`.
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
    /// `location` as shown to people: without a password, say.
    func displayed(_ location: String) -> String
}

extension StudyStorageKind {
    public func displayed(_ location: String) -> String { location }
}

/// The kinds of storage a study location can name, tried in order.
public struct StudyStorages: Sendable {
    /// The kinds, the most specific first; the last one usually takes any location.
    public var kinds: [any StudyStorageKind]

    /// Storages of `kinds`, tried in order.
    public init(kinds: [any StudyStorageKind]) {
        self.kinds = kinds
    }

    /// The kind of storage `location` names; throws ``StudyError/storage(file:message:)`` if
    /// none takes it.
    public func kind(of location: String) throws -> any StudyStorageKind {
        guard let kind = kinds.first(where: { $0.accepts(location) }) else {
            throw StudyError.storage(file: location, message: "it is not a study location; give " + locationForms)
        }
        return kind
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

    /// `location` as shown to people (see ``StudyStorageKind/displayed(_:)``).
    public func displayed(_ location: String) -> String {
        (try? kind(of: location).displayed(location)) ?? location
    }

    /// The forms of location understood, for help texts.
    public var locationForms: String {
        kinds.map { "\($0.locationForm) (\($0.name))" }.joined(separator: ", ")
    }
}
