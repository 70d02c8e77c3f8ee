import ArgumentParser

/// The `hpo` command: hyperparameter optimization and architecture search from the terminal.
public struct HPOCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hpo",
        abstract: "Hyperparameter optimization and neural-architecture search.",
        discussion: """
            Runs random search and Bayesian optimization on the embedded FCNet tabular benchmarks \
            (62,208 configurations of a 2-layer MLP on 4 UCI regression sets). Every run is \
            reproducible from its seed.
            """,
        subcommands: [
            RunCommand.self, CompareCommand.self, ReproduceCommand.self, BenchCommand.self, BenchmarksCommand.self, SpaceCommand.self,
        ]
    )

    public init() {}
}
