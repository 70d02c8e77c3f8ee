import ArgumentParser
import Foundation
import HPO

extension StudyCommand {
    /// `hpo study report FILE --output DIR`: a self-contained HTML page and CSV files.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a self-contained HTML report of a study (index.html) and CSV files of its numbers.",
            discussion: "The page has the optimization history, the parameters' fANOVA importance, the loss against each parameter with the forest's marginal prediction, a contour of the two most important parameters, parallel coordinates, the best and the failed trials, the settings and a timeline per worker. It uses no script and fetches nothing."
        )

        @Argument(help: ArgumentHelp("The study: a file or a database URL (see hpo optimize --help).", valueName: "study"))
        var file: String

        @Option(help: "The folder to write index.html and the CSV files into (created if needed).")
        var output: String

        func run() throws {
            let study = try openStudyForReading(file)
            let name = studyName(file)
            let page = try study.report(name: name).write(to: URL(fileURLWithPath: output))
            print("report written to \(page.path)")
        }
    }
}
