import DossierCore
@testable import DossierExport
import Foundation
import Testing

/// `dossier export` writes every format as the articles come (`Exporter.stream`): what a stream
/// writes, piece by piece, must be what `Exporter.render` makes of all the articles at once.
@Suite struct StreamedExportTests {
    /// The test briefing's texts (two share an actor, named differently) and a seed.
    static let exports: [ArticleExport] = (ExportCorpus.briefingTexts().prefix(3) + ExportCorpus.seedTexts().prefix(1)).map { text in
        ExportCorpus.withReaderAnnotations(ExportCorpus.annotate(text.text, source: text.name))
    }

    func streamed(_ exports: [ArticleExport], as format: ExportFormat) throws -> String {
        var stream = Exporter.stream(as: format, palette: .builtIn)
        var text = ""
        let write = { (piece: String) throws(ExportWriteError) in text += piece }
        for export in exports { try stream.add(export, write: write) }
        try stream.finish(write: write)
        #expect(stream.count == exports.count)
        return text
    }

    @Test(arguments: ExportFormat.allCases)
    func streamedExportIsTheWholeRender(format: ExportFormat) throws {
        #expect(Self.exports.count == 4)
        for count in 0...4 {
            let some = Array(Self.exports.prefix(count))
            let text = try streamed(some, as: format)
            #expect(text == (count == 0 ? "" : Exporter.render(some, as: format)), "\(format), \(count) articles")
        }
    }

    /// Articles with nothing to annotate and no notes: a Web Annotation collection of no items,
    /// and briefing documents with no actors.
    @Test(arguments: ExportFormat.allCases)
    func articlesWithNothingToExportStreamAsTheyRender(format: ExportFormat) throws {
        let plain = ["A short line.", "Another short line.\n\nAnd a second paragraph."].map { text in
            ArticleExport(annotated: ExportCorpus.annotate(text, source: "plain.txt"), dateRead: Date(timeIntervalSince1970: 0))
        }
        #expect(plain.allSatisfy { $0.annotated.quotes.isEmpty && $0.annotated.claims.isEmpty && $0.notes.isEmpty })
        for count in 1...2 {
            let some = Array(plain.prefix(count))
            #expect(try streamed(some, as: format) == Exporter.render(some, as: format), "\(format), \(count) articles")
        }
    }

    /// The briefing's head is written when the last article is in: nothing before `finish`.
    @Test(arguments: [ExportFormat.markdown, .html, .webannotation])
    func aBriefingDocumentIsWrittenAtTheEnd(format: ExportFormat) throws {
        var stream = Exporter.stream(as: format, palette: .builtIn)
        var pieces = 0
        let write = { (_: String) throws(ExportWriteError) in pieces += 1 }
        for export in Self.exports { try stream.add(export, write: write) }
        #expect(pieces == 0)
        try stream.finish(write: write)
        #expect(pieces >= 2)
    }

    /// The summary keeps what the briefing's head reads, not the articles' texts.
    @Test func theBriefingSummaryKeepsClaimTextsNotArticles() throws {
        let export = try #require(Self.exports.first { $0.annotated.claims.contains { $0.actor != nil } })
        let kept = BriefingArticle(export)
        #expect(kept.annotated.text.count == 0 && kept.annotated.quotes.isEmpty && kept.annotated.numbers.isEmpty)
        #expect(kept.annotated.entities.map(\.id) == export.annotated.entities.map(\.id))
        #expect(kept.annotated.entities.map(\.mentions) == export.annotated.entities.map(\.mentions))
        #expect(kept.annotated.entities.map(\.aliases) == export.annotated.entities.map(\.aliases))
        for claim in export.annotated.claims where claim.actor != nil {
            #expect(kept.text(of: claim) == export.text.slice(claim.span))
        }
    }
}

/// The reader's `e` writes through the streams into an `AtomicFile` (`Exporter.write`).
@Suite struct ExporterWriteTests {
    @Test(arguments: ExportFormat.allCases)
    func theFileIsTheRenderedDocument(format: ExportFormat) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("briefing.\(format.rawValue)").path
        let exports = Array(StreamedExportTests.exports.prefix(3))
        try Exporter.write(exports, as: format, to: path, overwrite: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Exporter.render(exports, as: format))
        // An existing file is kept unless overwriting: nothing of the new document reaches it.
        #expect(throws: ExportWriteError.exists(path)) {
            try Exporter.write(Array(exports.prefix(1)), as: format, to: path, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Exporter.render(exports, as: format))
        try Exporter.write(Array(exports.prefix(1)), as: format, to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Exporter.render(Array(exports.prefix(1)), as: format))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["briefing.\(format.rawValue)"],
                "no temporary file left")
    }
}

@Suite struct ExportSpoolTests {
    /// More than one chunk of text outside ASCII: the pieces are whole characters, and together
    /// the text appended.
    @Test func drainGivesBackTheTextInWholeCharacters() throws {
        let spool = ExportSpool()
        var appended = ""
        var line = 0
        while appended.utf8.count < ExportSpool.chunkSize * 2 + 17 {
            let piece = "\(line) a é € 😀 Ωμέγα\n"
            try spool.append(piece)
            appended += piece
            line += 1
        }
        var drained: [String] = []
        try spool.drain { (piece: String) throws(ExportWriteError) in drained.append(piece) }
        #expect(drained.count >= 3)
        #expect(drained.joined() == appended)
        #expect(!drained.joined().contains("\u{FFFD}"))
    }

    @Test func aCutCharacterWaitsForTheNextChunk() {
        let bytes = Array("aé€😀".utf8)   // 1 + 2 + 3 + 4 bytes
        #expect(ExportSpool.lastWholeCharacterEnd(bytes, count: bytes.count) == bytes.count)
        #expect(ExportSpool.lastWholeCharacterEnd(bytes, count: 2) == 1)    // "é" cut after its first byte
        #expect(ExportSpool.lastWholeCharacterEnd(bytes, count: 3) == 3)
        #expect(ExportSpool.lastWholeCharacterEnd(bytes, count: 5) == 3)    // "€" cut after two of three
        #expect(ExportSpool.lastWholeCharacterEnd(bytes, count: 9) == 6)    // "😀" cut after three of four
        #expect(ExportSpool.lastWholeCharacterEnd(bytes, count: 0) == 0)
    }

    @Test func aFolderThatCannotHoldTheSpoolIsAOneLineError() throws {
        // Less than a chunk stays in memory: the folder is never asked for.
        let small = ExportSpool(in: "/nonexistent-dossier-folder")
        try small.append("a short article\n")
        var drained = ""
        try small.drain { (piece: String) throws(ExportWriteError) in drained += piece }
        #expect(drained == "a short article\n")
        // A chunk's worth needs the file.
        let large = ExportSpool(in: "/nonexistent-dossier-folder")
        let chunk = String(repeating: "x", count: ExportSpool.chunkSize)
        #expect(throws: ExportWriteError.self) { try large.append(chunk) }
        do {
            try ExportSpool(in: "/nonexistent-dossier-folder").append(chunk)
        } catch {
            #expect(error.description.hasPrefix("/nonexistent-dossier-folder: cannot write: temporary file for the export"))
            #expect(!error.description.contains("\n"))
        }
    }
}
