import Foundation

extension SearchSpace {
    /// The configuration as a JSON object of name -> value (keys sorted).
    public func json(of configuration: Configuration) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(dictionary(of: configuration))
    }

    /// Reads a configuration from a JSON object of name -> value, checking it against the space.
    public func configuration(json data: Data) throws -> Configuration {
        let values: [String: ParameterValue]
        do {
            values = try JSONDecoder().decode([String: ParameterValue].self, from: data)
        } catch let error as DecodingError {
            throw SpaceError.malformed("the configuration is not a JSON object of name -> value: " + error.readableDescription)
        }
        return try configuration(from: values)
    }
}
