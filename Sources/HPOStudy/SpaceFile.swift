import Foundation
import HPOSpace
import Yams

/// Search-space files: the schema ``SearchSpace`` encodes (what `hpo space` prints), written as
/// JSON or YAML. The format follows the file's extension (`.yaml`/`.yml` are YAML, anything else
/// JSON), e.g.
///
/// ```yaml
/// parameters:
///   - {name: kind, type: categorical, choices: [a, b, c]}
///   - {name: lr, type: real, low: 0.0001, high: 1.0, log: true, default: 0.01}
/// ```
public enum SpaceFile {
    /// The two spellings of the schema.
    public enum Format: String, Sendable, CaseIterable {
        case json, yaml

        /// The format of a file named `path`: YAML for `.yaml` and `.yml`, JSON otherwise.
        public init(path: String) {
            let suffix = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            self = suffix == "yaml" || suffix == "yml" ? .yaml : .json
        }
    }

    /// Reads the space in the file at `path`; every failure is a ``SpaceFileError`` naming the file.
    public static func load(path: String) throws -> SearchSpace {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SpaceFileError(file: path, line: nil, message: "cannot be read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpaceFileError(file: path, line: nil, message: "is not UTF-8 text")
        }
        return try parse(text, format: Format(path: path), file: path)
    }

    /// Reads a space from `text`; `file` names the source in error messages. Parameters whose names
    /// give the objective command the same environment variable (`a-b` and `a_b`, or `A` and `a`)
    /// are refused.
    public static func parse(_ text: String, format: Format, file: String) throws -> SearchSpace {
        switch format {
        case .json: try parseJSON(text, file: file)
        case .yaml: try parseYAML(text, file: file)
        }
    }

    // MARK: - JSON

    private static func parseJSON(_ text: String, file: String) throws -> SearchSpace {
        do {
            return try distinctEnvironmentNames(JSONDecoder().decode(SearchSpace.self, from: Data(text.utf8)), file: file, root: nil)
        } catch let error as SpaceError {
            throw SpaceFileError(file: file, line: nil, message: error.description)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw jsonSyntaxError(in: text, file: file)
            }
            throw SpaceFileError(file: file, line: nil, message: "does not follow the space schema: " + error.readableDescription)
        }
    }

    /// The syntax error JSONSerialization finds (JSONDecoder does not say where), with its line.
    private static func jsonSyntaxError(in text: String, file: String) -> SpaceFileError {
        let detail: String?
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
            detail = nil
        } catch {
            detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
        // "Invalid value around character 10." -> the line holding byte 10.
        let line = detail.flatMap { detail -> Int? in
            guard let range = detail.range(of: "character ") else { return nil }
            return Int(detail[range.upperBound...].prefix { $0.isNumber })
        }.map { offset in 1 + text.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") } }
        return SpaceFileError(file: file, line: line, message: "is not valid JSON" + (detail.map { ": " + $0 } ?? ""))
    }

    // MARK: - YAML

    private static func parseYAML(_ text: String, file: String) throws -> SearchSpace {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SpaceFileError(yaml: error, file: file)
        }
        guard let root else {
            throw SpaceFileError(file: file, line: nil, message: "is empty: expected a mapping with a 'parameters' list")
        }
        do {
            return try distinctEnvironmentNames(YAMLDecoder().decode(SearchSpace.self, from: text), file: file, root: root)
        } catch let error as SpaceError {
            throw SpaceFileError(file: file, line: line(of: error, in: root), message: error.description)
        } catch let error as DecodingError {
            // Yams wraps the schema's own errors in `dataCorrupted`.
            if case .dataCorrupted(let context) = error, let spaceError = context.underlyingError as? SpaceError {
                throw SpaceFileError(file: file, line: line(of: spaceError, in: root), message: spaceError.description)
            }
            // Yams reports a scalar of the wrong type as missing: say what was found instead.
            var message = "does not follow the space schema: " + error.readableDescription
            if let scalar = node(at: error.path, in: root)?.scalar {
                switch error {
                case .typeMismatch(let type, _), .valueNotFound(let type, _):
                    message = "does not follow the space schema: \(path(error.path)): expected \(type), found '\(scalar.string)'"
                default: break
                }
            }
            throw SpaceFileError(file: file, line: node(at: error.path, in: root)?.mark?.line ?? root.mark?.line, message: message)
        }
    }

    // MARK: - Checks

    /// `space`, if no two of its parameters reach the objective command as the same environment
    /// variable (``CommandObjective/environmentName(of:)``); `root`, the YAML document, gives the line.
    private static func distinctEnvironmentNames(_ space: SearchSpace, file: String, root: Node?) throws -> SearchSpace {
        guard let collision = CommandObjective.environmentNameCollision(among: space.names) else { return space }
        throw SpaceFileError(
            file: file, line: root.flatMap { line(ofParameter: collision.second, in: $0) },
            message: "parameters '\(collision.first)' and '\(collision.second)' would both reach the objective command as the environment variable \(collision.variable): rename one of them (names must differ in more than letter case and in characters other than letters, digits and _)")
    }

    /// The line of the parameter a space error names: its `name` field, or its position `#k`.
    private static func line(of error: SpaceError, in root: Node) -> Int? {
        guard let parameters = root["parameters"]?.sequence else { return root.mark?.line }
        let name: String?
        switch error {
        case .duplicateName(let n): name = n
        case .emptyChoices(let n), .duplicateChoice(let n, _), .invalidRange(let n, _, _),
            .nonPositiveLogRange(let n, _), .nonFiniteBound(let n), .unknownType(let n, _),
            .missingField(let n, _), .invalidDefault(let n, _, _):
            name = n
        default: name = nil
        }
        guard let name else { return parameters.first?.mark?.line ?? root.mark?.line }
        if name.hasPrefix("#"), let position = Int(name.dropFirst()), position >= 1, position <= parameters.count {
            return parameters[position - 1].mark?.line
        }
        return line(ofParameter: name, in: root)
    }

    /// The line of the last parameter named `name`: a repeated name is reported where it repeats.
    private static func line(ofParameter name: String, in root: Node) -> Int? {
        root["parameters"]?.sequence?.last { $0["name"]?.string == name }?.mark?.line
    }

    /// The node at a decoding path, or its deepest existing ancestor.
    private static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var node = root
        for key in path {
            let child: Node? = key.intValue.flatMap { index in
                node.sequence.flatMap { index < $0.count ? $0[index] : nil }
            } ?? node[key.stringValue]
            guard let child else { break }
            node = child
        }
        return node
    }

    /// A decoding path as `.parameters[1].low`.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "at the top level" : "at " + text
    }
}

extension DecodingError {
    /// Where in the document decoding failed.
    var path: [any CodingKey] {
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            context.codingPath
        @unknown default:
            []
        }
    }
}
