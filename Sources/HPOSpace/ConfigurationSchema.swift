import Foundation

extension SearchSpace {
    /// The configuration as a JSON object of name -> value (keys sorted).
    public func json(of configuration: Configuration) throws -> Data {
        try SortedJSON.encode(dictionary(of: configuration), newline: false)
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
