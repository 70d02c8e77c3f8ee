import HPOSpace

extension SearchSpace {
    /// The FCNet search space: 9 dimensions, 62,208 configurations of a 2-layer MLP, in the order
    /// of the benchmark's keys (the table's configuration ids follow this order).
    public static let fcnet: SearchSpace = {
        do {
            return try SearchSpace([
                .categorical("activation_fn_1", ["relu", "tanh"]),
                .categorical("activation_fn_2", ["relu", "tanh"]),
                .ordinal("batch_size", [8, 16, 32, 64]),
                .ordinal("dropout_1", [0.0, 0.3, 0.6]),
                .ordinal("dropout_2", [0.0, 0.3, 0.6]),
                .ordinal("init_lr", [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1]),
                .categorical("lr_schedule", ["cosine", "const"]),
                .ordinal("n_units_1", [16, 32, 64, 128, 256, 512]),
                .ordinal("n_units_2", [16, 32, 64, 128, 256, 512]),
            ])
        } catch {
            preconditionFailure("the built-in FCNet space is malformed: \(error)")
        }
    }()
}
