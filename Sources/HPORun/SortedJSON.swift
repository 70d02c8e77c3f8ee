import Foundation

/// JSON with sorted keys and a final newline: the same value always gives the same bytes.
public enum SortedJSON {
    /// `value` as JSON; `pretty` indents it for people to read.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
