extension TargetScale {
    /// The scale a surrogate's saved settings name under `key`, or, for settings saved before
    /// scales existed, the scale their `logTargets` flag meant: the logarithm when it was `true`,
    /// the values as observed when it was `false`. Studies and experiment folders written then
    /// so keep their behaviour.
    static func decode<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, forKey key: Key, from decoder: any Decoder
    ) throws -> TargetScale {
        let legacy = try decoder.container(keyedBy: LegacyKey.self)
        if !container.contains(key), legacy.contains(.logTargets) {
            return try legacy.decode(Bool.self, forKey: .logTargets) ? .logarithm : .identity
        }
        return try container.decode(TargetScale.self, forKey: key)
    }

    private enum LegacyKey: String, CodingKey {
        case logTargets
    }
}
