// swift-tools-version:6.0
import PackageDescription

// The modules read as the pipeline: randomness -> space -> objective -> surrogate ->
// acquisition -> optimizers -> run (the study driver: every run is a study) -> report ->
// stored studies (SQLite and PostgreSQL, space files, command objectives) -> command line. Dependencies point one way.
let package = Package(
    name: "swift-hpo",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "HPO", targets: ["HPO"]),
        .executable(name: "hpo", targets: ["hpo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
    ],
    targets: [
        .target(name: "HPORandom", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        .target(name: "HPOSpace", dependencies: ["HPORandom"]),
        .target(
            name: "CFCNetData",
            exclude: ["data"],
            cSettings: [.headerSearchPath("data")]
        ),
        .target(name: "HPOObjective", dependencies: ["HPOSpace", "CFCNetData"]),
        .target(
            name: "HPOSurrogate",
            dependencies: ["HPOSpace", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "HPOAcquisition",
            dependencies: ["HPOSurrogate", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(name: "HPOOptimizers", dependencies: ["HPOSpace", "HPOSurrogate", "HPOAcquisition"]),
        .target(name: "HPORun", dependencies: ["HPOOptimizers", "HPOObjective"]),
        .target(name: "HPOReport", dependencies: ["HPORun", .product(name: "RealModule", package: "swift-numerics")]),
        .target(
            name: "HPOPostgres",
            dependencies: ["HPOSpace", "HPORun", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(
            name: "HPOStudy",
            dependencies: [
                "HPOSpace", "HPOOptimizers", "HPORun", "HPOReport", "HPOPostgres",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "HPO",
            dependencies: [
                "HPORandom", "HPOSpace", "HPOObjective", "HPOSurrogate", "HPOAcquisition", "HPOOptimizers", "HPORun",
                "HPOReport", "HPOPostgres", "HPOStudy",
            ]
        ),
        // The live study page over HTTP: kept out of `HPO` so that the library does not bring a web server.
        .target(
            name: "HPODashboard",
            dependencies: [
                "HPORun", "HPOReport", "HPOStudy", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HPOCommandLine",
            dependencies: ["HPO", "HPODashboard", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "hpo", dependencies: ["HPOCommandLine"]),

        .testTarget(name: "HPORandomTests", dependencies: ["HPORandom"]),
        .testTarget(name: "HPOSpaceTests", dependencies: ["HPOSpace"]),
        .testTarget(name: "HPOObjectiveTests", dependencies: ["HPOObjective"]),
        .testTarget(name: "HPOSurrogateTests", dependencies: ["HPOSurrogate"]),
        .testTarget(name: "HPOAcquisitionTests", dependencies: ["HPOAcquisition"]),
        .testTarget(name: "HPOOptimizersTests", dependencies: ["HPOOptimizers", "HPOObjective", "HPORun"]),
        .testTarget(name: "HPORunTests", dependencies: ["HPORun"]),
        .testTarget(name: "HPOReportTests", dependencies: ["HPOReport", "HPORun", "HPOObjective", "HPOOptimizers"]),
        .testTarget(
            name: "HPOStudyTests",
            dependencies: ["HPOStudy", "HPORun", "HPORandom", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "HPODashboardTests",
            dependencies: [
                "HPODashboard", "HPORun", "HPOStudy", "HPOSpace", "HPOOptimizers",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "HPOTestSupport", path: "Tests/HPOTestSupport"),
        .testTarget(
            name: "HPOPostgresTests",
            dependencies: [
                "HPOPostgres", "HPOStudy", "HPORun", "HPOSpace", "HPOOptimizers", "HPOTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(name: "HPOCommandLineTests", dependencies: ["HPOCommandLine", "HPORun", "HPOStudy", "HPOTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
