// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
        // For Tests/Fuzz/ThemeFuzz, a separate package that fuzzes the theme and config parsers.
        .library(name: "DossierTUI", targets: ["DossierTUI"]),
        // For Benchmarks/: the command line's own loaders.
        .library(name: "DossierLoading", targets: ["DossierLoading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The only C in the project: thin wrappers over ncurses macros, libxml2 and libcurl.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // libcurl's few numbers and prototypes, called through dlsym: no link line and no headers
        // needed, so `dossier` starts without loading libcurl and what it brings.
        .systemLibrary(name: "CCurlRuntime", path: "Sources/CCurlRuntime"),

        // Pure Swift: bytes in, annotated article out. No terminal, no database, no file system.
        .target(name: "DossierCore"),
        // Saved web pages: libxml2's HTML parser and DOM-based article extraction, feeding the core.
        .target(name: "DossierHTML", dependencies: ["DossierCore", "CLibXML2"]),
        // The reader's notes, highlights and reading positions (SQLite through GRDB).
        .target(name: "DossierStore", dependencies: ["DossierCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Markdown, JSON, W3C Web Annotation and HTML exports of an annotated article plus notes.
        .target(name: "DossierExport", dependencies: ["DossierCore", "DossierStore"]),
        // The ncurses reader: ReaderState / Action / update / render -> Canvas; CursesScreen draws it.
        .target(name: "DossierTUI", dependencies: ["DossierCore", "DossierStore", "DossierExport", "CNCursesW", "TOMLKit"]),
        // Files, folders, standard input, JSON Lines, feeds and web addresses → SourceDocuments; the
        // reader's ArticleLoading; fetching through libcurl, opened on the first fetch, with its cache
        // in the notes database.
        .target(name: "DossierLoading", dependencies: ["DossierCore", "DossierHTML", "DossierStore", "DossierTUI", "CLibXML2",
                                                       "CCurlRuntime"]),
        .executableTarget(name: "dossier", dependencies: [
            "DossierCore", "DossierHTML", "DossierStore", "DossierExport", "DossierTUI", "DossierLoading",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
        .testTarget(name: "DossierHTMLTests", dependencies: ["DossierHTML"]),
        .testTarget(name: "DossierStoreTests", dependencies: ["DossierStore"]),
        .testTarget(name: "DossierExportTests", dependencies: ["DossierExport"]),
        .testTarget(name: "DossierTUITests", dependencies: ["DossierTUI"]),
        // An in-process HTTP server on 127.0.0.1 (a port the OS picks) for the fetch and feed tests.
        // Threads and sockets, not Swift concurrency: see LoopbackServer for why.
        .target(name: "LoopbackHTTPServer", path: "Tests/LoopbackHTTPServer"),
        .testTarget(name: "DossierLoadingTests", dependencies: ["DossierLoading", "LoopbackHTTPServer"]),
        // Drives the built `dossier` binary: the CLI, the dev scorers, and the reader in tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["dossier", "LoopbackHTTPServer"]),
    ]
)
