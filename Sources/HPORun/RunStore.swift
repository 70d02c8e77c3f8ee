import Foundation
import HPOSpace

/// Finished runs kept on disk, one file per run, so an interrupted experiment resumes where it
/// stopped.
///
/// Layout under ``directory``: `runs/<label>/run-0007.json` holds run 7 of optimizer `<label>`
/// as a ``ResultsDocument/RunRecord`` (byte-reproducible); `timings/<label>/run-0007.json` holds
/// the seconds spent on each suggestion (wall-clock, not reproducible). Each file is written to a
/// temporary file and renamed into place, and the run file last, so a run counts as finished only
/// once all of it is on disk: an interrupt loses at most the runs in flight.
public struct RunStore: Sendable {
    /// The folder the store lives in.
    public let directory: URL

    /// A store in `directory` (created on the first write).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The file of run `run` of optimizer `label`.
    public func runFile(label: String, run: Int) -> URL {
        directory.appendingPathComponent("runs").appendingPathComponent(label).appendingPathComponent(Self.fileName(run: run))
    }

    /// The file of the suggestion times of run `run` of optimizer `label`.
    public func timingFile(label: String, run: Int) -> URL {
        directory.appendingPathComponent("timings").appendingPathComponent(label).appendingPathComponent(Self.fileName(run: run))
    }

    /// The indices of the finished runs of optimizer `label`.
    public func finishedRuns(label: String) -> Set<Int> {
        let folder = directory.appendingPathComponent("runs").appendingPathComponent(label)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.compactMap(Self.run(fromFileName:)))
    }

    /// Records a finished run of optimizer `label`: its suggestion times, then the run itself.
    public func save(_ record: ResultsDocument.RunRecord, suggestSeconds: [Double], label: String) throws {
        try Self.write(SortedJSON.encode(suggestSeconds), to: timingFile(label: label, run: record.run))
        try Self.write(SortedJSON.encode(record), to: runFile(label: label, run: record.run))
    }

    /// The stored run `run` of optimizer `label`.
    public func record(label: String, run: Int) throws -> ResultsDocument.RunRecord {
        let file = runFile(label: label, run: run)
        let record = try Self.decode(ResultsDocument.RunRecord.self, from: file)
        guard record.run == run else {
            throw StoreError.unreadable(path: file.path, reason: "it holds run \(record.run), not run \(run)")
        }
        return record
    }

    /// The stored suggestion times of run `run` of optimizer `label`, if that file is there.
    public func suggestSeconds(label: String, run: Int) throws -> [Double]? {
        let file = timingFile(label: label, run: run)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try Self.decode([Double].self, from: file)
    }

    // MARK: - Files

    static func fileName(run: Int) -> String {
        let digits = String(run)
        return "run-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".json"
    }

    static func run(fromFileName name: String) -> Int? {
        guard name.hasPrefix("run-"), name.hasSuffix(".json") else { return nil }
        let digits = name.dropFirst(4).dropLast(5)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let run = Int(digits),
              fileName(run: run) == name
        else { return nil }
        return run
    }

    static func decode<T: Decodable>(_ type: T.Type, from file: URL) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw StoreError.unreadable(path: file.path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw StoreError.unreadable(path: file.path, reason: "it is not the JSON this version writes (\(error))")
        }
    }

    /// Writes `data` to a temporary file beside `file` and renames it into place.
    public static func write(_ data: Data, to file: URL) throws {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        } catch {
            throw StoreError.unwritable(path: file.path, reason: error.localizedDescription)
        }
    }
}

/// A stored file that cannot be written or read back, or an output folder that holds runs of
/// other settings.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case unwritable(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case otherSettings(directory: String, differences: [String])

    public var description: String {
        switch self {
        case .unwritable(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .unreadable(let path, let reason):
            "cannot use '\(path)': \(reason); delete it to compute that run again"
        case .otherSettings(let directory, let differences):
            "the output folder '\(directory)' holds runs made with other settings ("
                + differences.joined(separator: "; ")
                + "): choose another output folder, or delete this one to start over"
        }
    }
}
