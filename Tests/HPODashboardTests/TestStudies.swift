import Foundation
import HPODashboard
import HPOOptimizers
import HPORun
import HPOSpace
import HPOStudy

/// Study files for the dashboard's tests, each in a fresh temporary folder.
struct TestStudyFile {
    /// The folder holding the file, removed by ``remove()``.
    let folder: URL
    /// The study file.
    let path: String
    /// The study, over random search.
    let study: Study

    /// A new study file `name` over `space`, with a budget of `budget` evaluations.
    init(_ name: String, space: SearchSpace, budget: Int = 100) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hpo-dashboard-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent(name).path
        let settings = StudySettings(space: space, optimizer: try OptimizerRegistry.standard.preset(named: "random").spec, seed: 1)
        study = Study(storage: try SQLiteStudyStorage(path: path, creating: settings))
        try study.setBudget(budget)
    }

    /// The study as the dashboard serves it, named by its file.
    var entry: DashboardStudy {
        DashboardStudy(name: URL(fileURLWithPath: path).lastPathComponent, location: path, study: study)
    }

    /// Removes the folder.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

extension Study {
    /// Asks and tells `count` trials; every `failEvery`th fails with a reason and a standard
    /// error, the others get a loss that depends on the trial's id.
    func addTrials(_ count: Int, failEvery: Int? = nil) throws {
        for _ in 0..<count {
            let trial = try ask()
            if let failEvery, trial.id % failEvery == 0 {
                try tell(trial, failure: "exit status 1 <oom>", stderrTail: "Traceback\nRuntimeError: CUDA out of memory")
            } else {
                try tell(trial, value: Double(trial.id % 7) / 7 + 1 / Double(trial.id))
            }
        }
    }
}

/// Spaces the tests use.
enum TestSpaces {
    /// Every kind of parameter.
    static func mixed() throws -> SearchSpace {
        try SearchSpace([
            .real("lr", 1e-5, 1, log: true), .integer("layers", 1, 6), .categorical("optimizer", ["adam", "sgd"]),
            .ordinal("batch", [16, 32, 64]),
        ])
    }

    /// Two real ranges and a log range.
    static func continuous() throws -> SearchSpace {
        try SearchSpace([.real("x", -5, 10), .real("y", 0, 15), .real("lr", 1e-4, 1, log: true)])
    }
}
