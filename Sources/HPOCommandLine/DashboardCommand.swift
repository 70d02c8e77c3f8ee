import ArgumentParser
import Foundation
import HPO
import HPODashboard

/// `hpo dashboard STUDY...`: a read-only web page per study that updates itself as trials finish.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Show studies live in a web browser, updated as their trials start and finish.",
        discussion: """
            Serves, until Ctrl-C, an index of the studies and each study's report page (the page of \
            `hpo study report`), which follows the study through server-sent events and updates \
            itself in place. /study/NAME/data.json gives the trials and a summary as JSON and \
            /study/NAME/trials.csv as CSV. Nothing is fetched from another host and nothing can be \
            changed through it. The studies are read, not locked: `hpo optimize`, `hpo ask` and \
            `hpo tell` go on beside it.
            """
    )

    @Argument(help: "The study files to show.")
    var studies: [String]

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "The address to listen on: 127.0.0.1 lets only this machine in; 0.0.0.0 lets in anyone who can reach it.")
    var host = "127.0.0.1"

    @Option(help: "Seconds between two readings of a study that a page follows.")
    var interval = 0.5

    func validate() throws {
        guard !studies.isEmpty else { throw ValidationError("give at least one study file") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        guard interval > 0, interval.isFinite else { throw ValidationError("--interval must be a positive number of seconds") }
    }

    func run() async throws {
        var seen: Set<String> = []
        var entries: [DashboardStudy] = []
        for location in studies where seen.insert(URL(fileURLWithPath: location).standardizedFileURL.path).inserted {
            let study = try openStudyForReading(location)
            entries.append(DashboardStudy(name: studyName(location), location: location, study: study))
        }
        let server = try DashboardServer(studies: entries, configuration: .init(
            host: host, port: port, pollInterval: .milliseconds(Int((interval * 1000).rounded(.up)))))
        let shown = entries.count == 1 ? entries[0].name : "\(entries.count) studies"
        let host = self.host
        do {
            try await server.run(gracefulShutdownSignals: [.sigint, .sigterm]) { address in
                var text = "dashboard of \(shown) at \(address.url) (read-only; Ctrl-C stops it)\n"
                if !["127.0.0.1", "::1", "localhost"].contains(host) {
                    text += "note: listening on \(host): anyone who can reach this machine can read these studies\n"
                }
                FileHandle.standardOutput.write(Data(text.utf8)) // unbuffered: a reader of a pipe sees it now
            }
        } catch DashboardError.portInUse(_, let port) {
            throw CommandLineError("port \(port) is in use; choose another with --port (--port 0 picks a free one)")
        } catch let error as DashboardError {
            throw CommandLineError(error.description)
        }
        print("dashboard stopped")
    }
}
