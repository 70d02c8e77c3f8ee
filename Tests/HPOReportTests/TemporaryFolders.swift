import Foundation

/// Fresh, empty folders for one test under the system's temporary directory, removed with
/// everything in them when the test's suite instance goes away (Swift Testing makes one instance
/// per test), so test runs leave nothing behind.
final class TemporaryFolders {
    /// The folder that holds this test's folders, unique to the test.
    let root = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("hpo-report-tests-\(UUID().uuidString)")

    /// A fresh, empty folder called `name` under ``root``.
    func folder(_ name: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Every regular file under `folder` by its path relative to `folder`, with its bytes.
func files(under folder: URL) throws -> [String: Data] {
    let root = folder.standardizedFileURL.path
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = root + "/" + relative
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }
    return result
}

/// Whether a file's bytes depend on wall-clock time (suggestion timings), so that it is outside
/// the byte-identity guarantee.
func holdsTimings(_ relativePath: String) -> Bool {
    relativePath.hasPrefix("timings/") || relativePath.contains("/timings/") || relativePath.hasSuffix("index.html")
        || relativePath.contains("suggest-time.")
}
