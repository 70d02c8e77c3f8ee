// swift-tools-version:6.0
import Foundation
import PackageDescription

// A path dependency is named by its folder (swift-hpo, or a worktree's name).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

// A separate package (not built by the project's CI): the speed and quality measurements of
// bo-gp. Run from this folder: swift run -c release GaussianProcessBench speed|quality
let package = Package(
    name: "GaussianProcessBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(name: "GaussianProcessBench", dependencies: [.product(name: "HPO", package: root.lastPathComponent)]),
    ],
    swiftLanguageModes: [.v6]
)
