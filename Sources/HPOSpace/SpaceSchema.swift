import Foundation

// MARK: - The space file schema (JSON; YAML maps onto the same structure)
//
//   {"parameters": [
//     {"name": "kind", "type": "categorical", "choices": ["a", "b"]},
//     {"name": "batch_size", "type": "ordinal", "values": [8, 16, 32, 64]},
//     {"name": "units", "type": "integer", "low": 1, "high": 64},
//     {"name": "lr", "type": "real", "low": 0.0001, "high": 1.0, "log": true, "default": 0.01}
//   ]}

extension Parameter: Codable {
    private enum Key: String, CodingKey {
        case name, type, choices, values, low, high, log, `default`
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let position = decoder.codingPath.last?.intValue.map { "#\($0 + 1)" } ?? "?"
        guard let name = try container.decodeIfPresent(String.self, forKey: .name) else {
            throw SpaceError.missingField(parameter: position, field: "name")
        }
        guard let type = try container.decodeIfPresent(String.self, forKey: .type) else {
            throw SpaceError.missingField(parameter: name, field: "type")
        }
        let defaultValue = try container.decodeIfPresent(ParameterValue.self, forKey: .default)
        func required<T: Decodable>(_ key: Key, _: T.Type) throws -> T {
            guard let value = try container.decodeIfPresent(T.self, forKey: key) else {
                throw SpaceError.missingField(parameter: name, field: key.rawValue)
            }
            return value
        }
        let log = try container.decodeIfPresent(Bool.self, forKey: .log) ?? false
        let domain: Domain
        switch type {
        case "categorical":
            domain = .categorical(choices: try required(.choices, [ParameterValue].self).map(\.description))
        case "ordinal":
            domain = .ordinal(values: try required(.values, [ParameterValue].self))
        case "integer":
            let low = try required(.low, Double.self), high = try required(.high, Double.self)
            guard low == low.rounded(), high == high.rounded(), abs(low) < 1e15, abs(high) < 1e15 else {
                throw SpaceError.malformed(
                    "parameter '\(name)' is an integer range but its bounds \(low.shortDescription), \(high.shortDescription) are not both integers")
            }
            domain = .integer(low: Int(low), high: Int(high), log: log)
        case "real":
            domain = .real(low: try required(.low, Double.self), high: try required(.high, Double.self), log: log)
        default:
            throw SpaceError.unknownType(parameter: name, type: type)
        }
        try self.init(name: name, domain: domain, default: defaultValue)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .name)
        try container.encode(domain.typeName, forKey: .type)
        switch domain {
        case .categorical(let choices): try container.encode(choices, forKey: .choices)
        case .ordinal(let values): try container.encode(values, forKey: .values)
        case .integer(let low, let high, let log):
            try container.encode(low, forKey: .low)
            try container.encode(high, forKey: .high)
            if log { try container.encode(true, forKey: .log) }
        case .real(let low, let high, let log):
            try container.encode(low, forKey: .low)
            try container.encode(high, forKey: .high)
            if log { try container.encode(true, forKey: .log) }
        }
        try container.encodeIfPresent(defaultValue, forKey: .default)
    }
}

extension SearchSpace: Codable {
    private enum Key: String, CodingKey { case parameters }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard let parameters = try container.decodeIfPresent([Parameter].self, forKey: .parameters) else {
            throw SpaceError.malformed("the space has no 'parameters' list: expected {\"parameters\": [...]}")
        }
        try self.init(parameters)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(parameters, forKey: .parameters)
    }

    /// Reads a space from JSON in the schema above; every failure is a ``SpaceError`` whose
    /// message says what is wrong.
    public init(json data: Data) throws {
        do {
            self = try JSONDecoder().decode(SearchSpace.self, from: data)
        } catch let error as SpaceError {
            throw error
        } catch let error as DecodingError {
            throw SpaceError.malformed("the space is not valid: " + error.readableDescription)
        } catch {
            throw SpaceError.malformed("the space is not valid JSON: \(error)")
        }
    }

    /// The space as JSON in the schema above (keys sorted, so the bytes are stable).
    public func json(pretty: Bool = true) throws -> Data {
        try SortedJSON.encode(self, pretty: pretty, newline: false)
    }
}

extension DecodingError {
    /// A one-line account of where decoding failed and why.
    public var readableDescription: String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "at the top level" : "at \(text)"
        }
        switch self {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath)): missing field '\(key.stringValue)'"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0))" } ?? ""
            return "\(path(context.codingPath)): \(context.debugDescription)\(underlying)"
        @unknown default:
            return "\(self)"
        }
    }
}
