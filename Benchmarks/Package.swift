// swift-tools-version:6.0
// The benchmarks live in their own package so that `swift test` on the main package never builds them.
// Run: Benchmarks/run.sh (or: swift run -c release --package-path Benchmarks dossier-bench).
import PackageDescription

let package = Package(
    name: "DossierBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Dossier", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "dossier-bench",
            dependencies: [.product(name: "DossierCore", package: "Dossier"), .product(name: "DossierTUI", package: "Dossier"),
                           .product(name: "DossierLoading", package: "Dossier")],
            path: "Sources/DossierBenchmarks"
        ),
        // Times `BriefingIndex(articles:)` and `dossier index`'s output over one feed (README, "The briefing index").
        .executableTarget(
            name: "dossier-index-bench",
            dependencies: [.product(name: "DossierCore", package: "Dossier"), .product(name: "DossierLoading", package: "Dossier")],
            path: "Sources/DossierIndexBench"
        ),
        // Trains the entity type model from gold articles (Scripts/train-models.sh, Benchmarks/cv-entities.sh).
        .executableTarget(
            name: "dossier-train-entities",
            dependencies: [.product(name: "DossierCore", package: "Dossier")],
            path: "Sources/DossierTrainEntities"
        ),
        .executableTarget(
            name: "dossier-train-speakers",
            dependencies: [.product(name: "DossierCore", package: "Dossier")],
            path: "Sources/DossierTrainSpeakers"
        ),
    ]
)
