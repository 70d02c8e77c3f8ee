import HPORun
import HPOSurrogate

extension Study {
    /// The complete trials with a finite loss: what importance and the report's models are fitted to.
    public static func modelledTrials(_ trials: [Trial]) -> [Trial] {
        trials.filter { $0.state == .complete && ($0.value?.isFinite ?? false) }
    }

    /// The functional ANOVA of a forest fitted to the study's complete trials, drawn from the
    /// study's seed (see ``FunctionalANOVA``).
    ///
    /// Throws ``ImportanceError`` for fewer than 2 complete trials or losses that are all equal.
    public func functionalANOVA(settings: ParameterImportance.Settings = ParameterImportance.Settings()) throws -> FunctionalANOVA {
        let complete = Self.modelledTrials(try trials())
        return try FunctionalANOVA(
            configurations: complete.map(\.configuration), values: complete.compactMap(\.value), space: space,
            settings: settings, seed: self.settings.seed)
    }

    /// How much of the variance of the loss each parameter and each of the top pairs explains,
    /// by functional ANOVA of the complete trials (see ``ParameterImportance``); the same study
    /// gives the same result.
    ///
    /// Throws ``ImportanceError`` for fewer than 2 complete trials or losses that are all equal.
    public func importance(settings: ParameterImportance.Settings = ParameterImportance.Settings()) throws -> ParameterImportance {
        try functionalANOVA(settings: settings).importance(pairsAmong: settings.pairsAmong)
    }
}
