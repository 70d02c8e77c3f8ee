import HPOSpace

/// The scores a maximizer has computed, so that searches that meet again (local ascents from
/// different starts) score each configuration of a finite space once. Configurations to avoid
/// are remembered as -infinity, and a NaN score is stored as -infinity too.
///
/// A finite space of at most ``tableLimit`` configurations keeps the scores in a table by id,
/// which costs one array access per lookup; a larger one uses a dictionary by id; an infinite
/// space remembers only the excluded configurations.
struct ScoreMemo {
    /// The largest space whose scores are kept in a table (8 MB of scores).
    static var tableLimit: Int { 1 << 20 }

    private let space: SearchSpace
    private let excluded: Set<Configuration>
    /// Scores by id, NaN where unknown (table storage only).
    private var table: [Double] = []
    /// Scores by id (dictionary storage only).
    private var dictionary: [Int: Double] = [:]
    private let usesTable: Bool

    /// An empty memo for `space` in which the `excluded` configurations score -infinity.
    init(space: SearchSpace, excluding excluded: Set<Configuration>) {
        self.space = space
        self.excluded = excluded
        let size = space.size ?? 0
        usesTable = space.isFinite && size <= Self.tableLimit
        if usesTable {
            table = [Double](repeating: .nan, count: size)
        } else if space.isFinite {
            dictionary.reserveCapacity(4096 + excluded.count)
        }
        for configuration in excluded {
            guard let id = space.fastID(of: configuration) else { continue }
            if usesTable { table[id] = -.infinity } else { dictionary[id] = -.infinity }
        }
    }

    /// The score of `configuration`, computed by `score` the first time it is asked for.
    mutating func score(of configuration: Configuration, _ score: (Configuration) -> Double) -> Double {
        guard let id = space.fastID(of: configuration) else {
            if excluded.contains(configuration) { return -.infinity }
            return Self.clean(score(configuration))
        }
        return self.score(id: id) { score(configuration) }
    }

    /// The score of the configuration with dense id `id` of a finite space, computed by
    /// `score` (which makes that configuration) the first time it is asked for.
    mutating func score(id: Int, _ score: () -> Double) -> Double {
        if usesTable {
            let known = table[id]
            if !known.isNaN { return known }
            let computed = Self.clean(score())
            table[id] = computed
            return computed
        }
        if let known = dictionary[id] { return known }
        let computed = Self.clean(score())
        dictionary[id] = computed
        return computed
    }

    private static func clean(_ score: Double) -> Double {
        score.isNaN ? -.infinity : score
    }
}
