import Foundation
import HPOSpace
import HPORun
import HPOStudy
import Testing

@Suite("Space files")
struct SpaceFileTests {
    static let yaml = """
        parameters:
          - {name: kind, type: categorical, choices: [a, b, c]}
          - {name: batch_size, type: ordinal, values: [8, 16, 32, 64]}
          - {name: units, type: integer, low: 1, high: 64}
          - {name: lr, type: real, low: 0.0001, high: 1.0, log: true, default: 0.01}
        """

    @Test("the issue's YAML example reads as the same space as its JSON")
    func yamlEqualsJSON() throws {
        let fromYAML = try SpaceFile.parse(Self.yaml, format: .yaml, file: "space.yaml")
        let json = String(decoding: try fromYAML.json(), as: UTF8.self)
        let fromJSON = try SpaceFile.parse(json, format: .json, file: "space.json")
        #expect(fromYAML == fromJSON)
        #expect(fromYAML.names == ["kind", "batch_size", "units", "lr"])
        #expect(fromYAML.parameters[3].domain == .real(low: 0.0001, high: 1, log: true))
        #expect(fromYAML.parameters[3].defaultValue == .number(0.01))
        #expect(fromYAML.parameters[1].domain == .ordinal(values: [8, 16, 32, 64].map(ParameterValue.number)))
        #expect(fromYAML.size == nil)
    }

    @Test("the format follows the extension")
    func formatFromExtension() {
        #expect(SpaceFile.Format(path: "a/space.yaml") == .yaml)
        #expect(SpaceFile.Format(path: "space.YML") == .yaml)
        #expect(SpaceFile.Format(path: "space.json") == .json)
        #expect(SpaceFile.Format(path: "space") == .json)
    }

    /// A malformed file, its format, the line the error must name (nil: none) and a phrase the
    /// message must contain.
    struct Malformed: Sendable, CustomStringConvertible {
        let label: String
        let format: SpaceFile.Format
        let text: String
        let line: Int?
        let message: String
        var description: String { label }
    }

    static let corpus: [Malformed] = [
        Malformed(label: "YAML syntax", format: .yaml, text: "parameters:\n  - {name: a, type: real, low: 0, high: 1\n", line: 3,
                  message: "is not valid YAML"),
        Malformed(label: "YAML bad indentation", format: .yaml, text: "parameters:\n  - name: a\n   type: real\n", line: 3,
                  message: "is not valid YAML"),
        Malformed(label: "YAML empty", format: .yaml, text: "", line: nil, message: "is empty"),
        Malformed(label: "YAML no parameters", format: .yaml, text: "params: []\n", line: 1, message: "no 'parameters' list"),
        Malformed(label: "YAML unknown type", format: .yaml,
                  text: "parameters:\n  - {name: a, type: real, low: 0, high: 1}\n  - {name: b, type: float, low: 0, high: 1}\n",
                  line: 3, message: "parameter 'b' has unknown type 'float': valid types are categorical, ordinal, integer, real"),
        Malformed(label: "YAML empty choices", format: .yaml, text: "parameters:\n  - {name: kind, type: categorical, choices: []}\n",
                  line: 2, message: "parameter 'kind'"),
        Malformed(label: "YAML low >= high", format: .yaml,
                  text: "parameters:\n  - name: lr\n    type: real\n    low: 1\n    high: 0.5\n", line: 2,
                  message: "parameter 'lr' has low 1 >= high 0.5: low must be less than high"),
        Malformed(label: "YAML log with low <= 0", format: .yaml,
                  text: "parameters:\n  - {name: lr, type: real, low: 0, high: 1, log: true}\n", line: 2,
                  message: "parameter 'lr' is on a log scale but low is 0: a log range needs low > 0"),
        Malformed(label: "YAML duplicate names", format: .yaml,
                  text: "parameters:\n  - {name: a, type: integer, low: 1, high: 3}\n  - {name: a, type: integer, low: 1, high: 4}\n",
                  line: 3, message: "parameter 'a' is defined twice: parameter names must be unique"),
        Malformed(label: "YAML missing field", format: .yaml, text: "parameters:\n  - {name: units, type: integer, low: 1}\n",
                  line: 2, message: "parameter 'units' is missing the field 'high'"),
        Malformed(label: "YAML wrong field type", format: .yaml,
                  text: "parameters:\n  - {name: units, type: integer, low: 1, high: 4}\n  - {name: lr, type: real, low: one, high: 4}\n",
                  line: 3, message: "does not follow the space schema: at .parameters[1].low: expected Double, found 'one'"),
        Malformed(label: "YAML parameters not a list", format: .yaml, text: "parameters: {a: 1}\n", line: 1,
                  message: "does not follow the space schema: at .parameters"),
        Malformed(label: "YAML default outside", format: .yaml,
                  text: "parameters:\n  - {name: units, type: integer, low: 1, high: 4, default: 9}\n", line: 2,
                  message: "parameter 'units' has default 9, which is not in its domain"),
        Malformed(label: "JSON syntax", format: .json, text: "{\"parameters\": [\n  {\"name\": \"a\"},\n  oops\n]}", line: 3,
                  message: "is not valid JSON: Invalid value around character"),
        Malformed(label: "JSON truncated", format: .json, text: "{\"parameters\": [", line: nil,
                  message: "is not valid JSON: Unexpected end of file"),
        Malformed(label: "JSON not an object", format: .json, text: "[1, 2]", line: nil, message: "does not follow the space schema"),
        Malformed(label: "JSON unknown type", format: .json,
                  text: #"{"parameters": [{"name": "a", "type": "boolean"}]}"#, line: nil, message: "parameter 'a' has unknown type 'boolean'"),
        Malformed(label: "JSON empty choices", format: .json,
                  text: #"{"parameters": [{"name": "k", "type": "categorical", "choices": []}]}"#, line: nil, message: "parameter 'k'"),
        Malformed(label: "JSON low >= high", format: .json,
                  text: #"{"parameters": [{"name": "n", "type": "integer", "low": 5, "high": 5}]}"#, line: nil,
                  message: "parameter 'n' has low 5 >= high 5"),
        Malformed(label: "JSON log with low <= 0", format: .json,
                  text: #"{"parameters": [{"name": "n", "type": "integer", "low": -2, "high": 5, "log": true}]}"#, line: nil,
                  message: "parameter 'n' is on a log scale but low is -2"),
        Malformed(label: "JSON duplicate names", format: .json,
                  text: #"{"parameters": [{"name": "x", "type": "real", "low": 0, "high": 1}, {"name": "x", "type": "real", "low": 0, "high": 2}]}"#,
                  line: nil, message: "parameter 'x' is defined twice"),
        Malformed(label: "YAML names that collide as environment variables", format: .yaml,
                  text: "parameters:\n  - {name: a-b, type: real, low: 0, high: 1}\n  - {name: c, type: real, low: 0, high: 1}\n  - {name: a_b, type: real, low: 0, high: 1}\n",
                  line: 4, message: "parameters 'a-b' and 'a_b' would both reach the objective command as the environment variable HPO_PARAM_A_B: rename one of them"),
        Malformed(label: "JSON names that differ only in case", format: .json,
                  text: #"{"parameters": [{"name": "A", "type": "real", "low": 0, "high": 1}, {"name": "a", "type": "real", "low": 0, "high": 2}]}"#,
                  line: nil, message: "parameters 'A' and 'a' would both reach the objective command as the environment variable HPO_PARAM_A"),
        Malformed(label: "JSON no parameters", format: .json, text: #"{"parameters": []}"#, line: nil, message: "the search space has no parameters"),
        Malformed(label: "JSON missing name", format: .json, text: #"{"parameters": [{"type": "real", "low": 0, "high": 1}]}"#, line: nil,
                  message: "parameter '#1' is missing the field 'name'"),
    ]

    @Test("each malformed file gives its specific message, the file name and the line", arguments: corpus)
    func malformed(_ example: Malformed) {
        let file = example.format == .yaml ? "bad.yaml" : "bad.json"
        #expect {
            _ = try SpaceFile.parse(example.text, format: example.format, file: file)
        } throws: { error in
            guard let error = error as? SpaceFileError else { return false }
            let text = error.description
            return error.file == file && error.line == example.line && text.contains(example.message)
                && text.hasPrefix("space file '\(file)'" + (example.line.map { ", line \($0)" } ?? ""))
        }
    }

    @Test("a file that cannot be read is named in the error")
    func missingFile() {
        #expect {
            _ = try SpaceFile.load(path: "/nonexistent/space.yaml")
        } throws: { error in
            (error as? SpaceFileError)?.description.hasPrefix("space file '/nonexistent/space.yaml' cannot be read") == true
        }
    }
}
