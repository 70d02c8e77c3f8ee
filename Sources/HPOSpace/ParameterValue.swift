import Foundation

/// The value of one parameter as a user sees it: a string (a categorical choice) or a number.
///
/// In JSON a value is a string or a number; integers print without a fraction (`8`, not `8.0`).
public enum ParameterValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case string(String)
    case number(Double)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a parameter value must be a string or a number")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let string): try container.encode(string)
        case .number(let number): try container.encode(number)
        }
    }

    /// The value as it prints in messages and tables: strings bare, numbers in their shortest form.
    public var description: String {
        switch self {
        case .string(let string): string
        case .number(let number): number.shortDescription
        }
    }

    /// The number, or `nil` for a string.
    public var number: Double? {
        if case .number(let number) = self { number } else { nil }
    }
}

extension Double {
    /// The shortest text that reads back as this value, without a trailing `.0` for integers.
    public var shortDescription: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return description
    }
}

extension Double {
    /// The value with `digits` significant digits in C-locale `%g` style, e.g. `0.0302514`.
    public func significant(_ digits: Int) -> String {
        String(format: "%.\(digits)g", self)
    }
}
