/// Which parameters a one-hot encoding spreads over one column per value; every other parameter
/// takes one column on the unit scale (``Parameter/unit(ofInternal:)``).
public enum OneHotScope: String, Hashable, Sendable, Codable, CaseIterable {
    /// Categorical parameters only: ordered values keep their order as a position on the unit
    /// scale.
    case categorical
    /// Every parameter given as a list of values, categorical and ordinal: each value gets its
    /// own column, so a model need not learn an effect that rises and falls along the order
    /// (integer and real parameters stay on the unit scale).
    case choices

    /// Whether parameters of `domain` are one-hot in this scope.
    public func isOneHot(_ domain: Domain) -> Bool {
        switch (self, domain) {
        case (_, .categorical), (.choices, .ordinal): true
        default: false
        }
    }

    /// The number of columns `domain` takes: its number of values if it is one-hot in this scope,
    /// otherwise 1.
    public func columns(of domain: Domain) -> Int {
        isOneHot(domain) ? domain.cardinality ?? 1 : 1
    }

    /// Writes the encoding of `parameter`'s internal `value` to `out`, which has
    /// ``columns(of:)`` entries: a 1 at the value's column of a one-hot block, or the value on
    /// the unit scale.
    public func encode(_ value: Double, of parameter: Parameter, into out: inout ArraySlice<Double>) {
        if isOneHot(parameter.domain) {
            for (k, column) in out.indices.enumerated() { out[column] = k == Int(value) ? 1 : 0 }
        } else {
            out[out.startIndex] = parameter.unit(ofInternal: value)
        }
    }
}
