import Yams

/// A space file that cannot be used: names the file, the line where known, and what is wrong.
public struct SpaceFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public let file: String
    /// The line (from 1) the problem is on, where the parser reports it.
    public let line: Int?
    /// What is wrong, e.g. `parameter 'lr' has low 1 >= high 0: low must be less than high`.
    public let message: String

    /// Creates an error.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    init(yaml error: YamlError, file: String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            self.init(file: file, line: mark.line, message: "is not valid YAML: \(problem) (column \(mark.column))")
        default:
            self.init(file: file, line: nil, message: "is not valid YAML: \(error)")
        }
    }

    public var description: String {
        let place = line.map { "space file '\(file)', line \($0)" } ?? "space file '\(file)'"
        return message.hasPrefix("is ") || message.hasPrefix("does ") || message.hasPrefix("cannot ")
            ? "\(place) \(message)" : "\(place): \(message)"
    }
}
