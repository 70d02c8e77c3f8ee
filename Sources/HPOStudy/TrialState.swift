/// Where a trial is in its life: asked and being evaluated, or finished one way or the other.
public enum TrialState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Asked, not yet told.
    case running
    /// Told a finite value.
    case complete
    /// Told a failure (or its process died before telling).
    case failed
}
