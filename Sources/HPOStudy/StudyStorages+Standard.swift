import HPOPostgres
import HPORun

extension StudyStorages {
    /// Every storage this package has, the most specific first: a PostgreSQL database for a
    /// `postgresql://` or `postgres://` URL, else an SQLite file for a path or `sqlite:PATH`. A
    /// new kind of storage is one type conforming to ``HPORun/StudyStorageKind`` and one entry here.
    public static let standard = StudyStorages(kinds: [PostgreSQLStudyStorageKind(), SQLiteStudyStorageKind()])
}
