/// A surrogate's setting or input that cannot be used, named with what would be valid.
public struct SurrogateSettingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The setting or input.
    public var name: String
    /// The value given.
    public var value: String
    /// What the value must be.
    public var valid: String

    /// Creates the error.
    public init(name: String, value: String, valid: String) {
        self.name = name
        self.value = value
        self.valid = valid
    }

    public var description: String { "invalid \(name) \(value): it must be \(valid)" }
}
