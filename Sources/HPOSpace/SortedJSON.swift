import Foundation

/// JSON with sorted keys: the same value always gives the same bytes. Every file and message
/// the project writes as JSON goes through here.
public enum SortedJSON {
    /// `value` as JSON; `pretty` indents it for people to read, `newline` ends it with a line break
    /// (as a file should; a value embedded in other text or a database column has none).
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false, newline: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        if newline { data.append(0x0A) }
        return data
    }
}
