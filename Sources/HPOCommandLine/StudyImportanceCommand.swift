import ArgumentParser
import Foundation
import HPO

extension StudyCommand {
    /// `hpo study importance FILE [--json]`: the fANOVA importance of the parameters.
    struct Importance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print how much of the loss's variance each parameter and each top pair explains (fANOVA).",
            discussion: "A random forest is fitted to the study's complete trials (drawn from the study's seed) and its prediction is split into the effects of single parameters and of pairs (Hutter, Hoos and Leyton-Brown 2014). A share is the mean over the trees of the fraction of the variance explained; ± is its standard deviation over the trees. Interactions of three or more parameters take the rest."
        )

        @Argument(help: ArgumentHelp("The study: a file or a database URL (see hpo optimize --help).", valueName: "study"))
        var file: String

        @Flag(help: "Print the result as JSON instead of a table.")
        var json = false

        @Option(help: "The number of trees of the forest (1...1000).")
        var trees = 32

        func run() throws {
            let study = try openStudyForReading(file)
            let importance = try study.importance(settings: ParameterImportance.Settings(trees: trees))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                FileHandle.standardOutput.write(try encoder.encode(importance) + Data("\n".utf8))
            } else {
                print(Self.table(importance), terminator: "")
            }
        }

        /// The importance as aligned text: the main effects, then the pairs.
        static func table(_ importance: ParameterImportance) -> String {
            func percent(_ x: Double) -> String { String(format: "%5.1f%%", 100 * x) }
            let names = importance.mainEffects.map { $0.parameters.joined() }
                + importance.pairEffects.prefix(5).map { $0.parameters.joined(separator: " × ") }
            let width = max(20, names.map(\.count).max() ?? 0)
            func line(_ name: String, _ effect: ParameterImportance.Effect) -> String {
                name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + percent(effect.share) + " ± " + percent(effect.spread) + "\n"
            }
            var out = "fANOVA of \(importance.trialCount) complete trials, \(importance.treeCount) trees\n"
            out += "parameter".padding(toLength: width, withPad: " ", startingAt: 0) + "  share of variance\n"
            for effect in importance.mainEffects { out += line(effect.parameters.joined(), effect) }
            if !importance.pairEffects.isEmpty {
                out += "\npair (interaction beyond main effects)\n"
                for effect in importance.pairEffects.prefix(5) { out += line(effect.parameters.joined(separator: " × "), effect) }
            }
            let explained = (importance.mainEffects + importance.pairEffects).reduce(0) { $0 + $1.share }
            out += "\nmain effects and the \(importance.pairEffects.count) pairs analysed explain \(percent(min(explained, 1)).trimmingCharacters(in: .whitespaces)); the rest is higher-order interaction\n"
            return out
        }
    }
}
