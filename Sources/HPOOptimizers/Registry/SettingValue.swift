import Foundation

/// The value of one optimizer setting as users write it: on the command line (`--set key=value`),
/// in a settings file (JSON) and in `hpo optimizers --json`.
public enum SettingValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int)
    /// A finite real number.
    case number(Double)
    /// A name, e.g. `lcb`.
    case string(String)
    /// A list, e.g. the widths of a network's hidden layers.
    case list([SettingValue])

    /// The value as written in a label or a message: `2`, `0.5`, `lcb`, `50,50`.
    public var description: String {
        switch self {
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value):
            value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
        case .string(let value): value
        case .list(let values): values.map(\.description).joined(separator: ",")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let values = try? container.decode([SettingValue].self) {
            self = .list(values)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a setting is a boolean, a number, a name or a list of them")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .list(let values): try container.encode(values)
        }
    }
}

extension SettingValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: SettingValue...) { self = .list(elements) }
}
