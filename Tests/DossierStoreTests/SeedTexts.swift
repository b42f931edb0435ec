import Foundation

/// Real article text for the tests: the seed briefing, found relative to this file.
enum SeedTexts {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The invented news page `Tests/Fixtures/sample-article.txt` (no real people or organisations).
    static let sampleArticle: String =
        (try? String(contentsOf: repository.appendingPathComponent("Tests/Fixtures/sample-article.txt"), encoding: .utf8)) ?? ""

    static func seed(_ name: String) -> String {
        (try? String(contentsOf: repository.appendingPathComponent("seeds/\(name)"), encoding: .utf8)) ?? ""
    }

    /// A fresh folder under the system temporary folder, removed by the caller.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-store-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
