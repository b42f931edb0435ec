// swift-tools-version:6.0
// libFuzzer target for the reader's theme and config parsers (TOMLKit is C++, so the core's
// swiftc-over-sources build does not work here). Build and run with Tests/Fuzz/run-theme.sh.
import PackageDescription

let package = Package(
    name: "ThemeFuzz",
    dependencies: [.package(name: "Dossier", path: "../../..")],
    targets: [
        // SwiftPM defines `main` as `ThemeFuzz_main` (our @main), which hands over to libFuzzer's
        // LLVMFuzzerRunDriver; libFuzzer's own `main` is then never linked in, so nothing clashes.
        .executableTarget(name: "ThemeFuzz", dependencies: [.product(name: "DossierTUI", package: "Dossier")]),
    ]
)
