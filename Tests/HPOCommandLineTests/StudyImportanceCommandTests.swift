import Foundation
import HPO
import Testing

@testable import HPOCommandLine

@Suite("hpo study importance and report")
struct StudyImportanceCommandTests {
    /// A file study of 30 random trials whose loss is `lr` alone.
    private func makeStudy(at path: String) throws {
        let space = try SearchSpace([.real("lr", 1e-4, 1, log: true), .categorical("kind", ["a", "b"])])
        let settings = StudySettings(space: space, optimizer: RandomSearch.Kind().spec(), seed: 2)
        let study = Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
        for _ in 0..<30 {
            let trial = try study.ask()
            _ = try study.tell(trial, value: trial.configuration[0])
        }
    }

    @Test("the table lists every parameter with its share, the pairs, and what the main effects and pairs leave")
    func table() {
        let importance = ParameterImportance(
            mainEffects: [
                .init(parameters: ["lr"], indices: [0], share: 0.75, spread: 0.05),
                .init(parameters: ["kind"], indices: [1], share: 0.2, spread: 0.01),
            ],
            pairEffects: [.init(parameters: ["lr", "kind"], indices: [0, 1], share: 0.03, spread: 0.02)],
            trialCount: 40, treeCount: 32, variance: 1)
        let text = StudyCommand.Importance.table(importance)
        #expect(text.contains("fANOVA of 40 complete trials, 32 trees"))
        #expect(text.contains(" 75.0% ±   5.0%"))
        #expect(text.contains("lr × kind"))
        #expect(text.contains("explain 98.0%"))
    }

    @Test("report writes index.html and the CSV files of a study file")
    func report() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hpo-report-\(ProcessInfo.processInfo.processIdentifier)")
        let path = folder.path + ".sqlite"
        defer {
            try? FileManager.default.removeItem(at: folder)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try makeStudy(at: path)
        let command = try StudyCommand.Report.parse([path, "--output", folder.path])
        try command.run()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(names).isSuperset(of: ["index.html", "trials.csv", "importance.csv", "marginals.csv"]))
    }
}
