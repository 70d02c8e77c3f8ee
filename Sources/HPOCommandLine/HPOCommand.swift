import ArgumentParser

/// The `hpo` command: hyperparameter optimization and architecture search from the terminal.
public struct HPOCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hpo",
        abstract: "Hyperparameter optimization and neural-architecture search.",
        discussion: """
            Runs random search and Bayesian optimization on the embedded FCNet tabular benchmarks \
            (62,208 configurations of a 2-layer MLP on 4 UCI regression sets). Every run is \
            reproducible from its seed. Tunes any program too: `hpo optimize` runs an external \
            command per trial, `hpo ask`/`hpo tell` or one `hpo session` serve workers in any language, and study files \
            (SQLite) keep every trial across restarts and processes.
            """,
        subcommands: [
            ReproduceCommand.self, CompareCommand.self, RunCommand.self, BenchCommand.self, BenchmarksCommand.self,
            OptimizersCommand.self, SpaceCommand.self, OptimizeCommand.self, AskCommand.self, TellCommand.self, HeartbeatCommand.self, SessionCommand.self,
            StudyCommand.self, DashboardCommand.self,
        ]
    )

    public init() {}
}
