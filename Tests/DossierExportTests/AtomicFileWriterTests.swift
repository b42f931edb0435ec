import Foundation
import Testing
@testable import DossierExport

@Suite struct AtomicFileWriterTests {
    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-export-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func entries(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func writesANewFileAndLeavesNoTemporaryFile() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("notes.md")
        try AtomicFileWriter.write("# Notes\n", to: target.path, overwrite: false)
        #expect(try String(contentsOf: target, encoding: .utf8) == "# Notes\n")
        #expect(entries(dir) == ["notes.md"])
    }

    /// The streamed export's file: written in pieces, it appears only at commit; let go before,
    /// it leaves the folder as it was (no target, no temporary file).
    @Test func aFileWrittenInPiecesAppearsWholeAtCommitAndNotBefore() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("briefing.json")
        let file = try AtomicFile(path: target.path, overwrite: false)
        try file.append(Array("{\"a\":1}\n".utf8)[...])
        try file.append(Array("{\"b\":2}\n".utf8)[...])
        #expect(!FileManager.default.fileExists(atPath: target.path), "nothing at the target before commit")
        try file.commit()
        #expect(try String(contentsOf: target, encoding: .utf8) == "{\"a\":1}\n{\"b\":2}\n")
        #expect(entries(dir) == ["briefing.json"])

        do {
            let abandoned = try AtomicFile(path: dir.appendingPathComponent("other.json").path, overwrite: false)
            try abandoned.append(Array("partial".utf8)[...])
        }
        #expect(entries(dir) == ["briefing.json"], "an abandoned file leaves no temporary file and no target")
        #expect(throws: ExportWriteError.exists(target.path)) { _ = try AtomicFile(path: target.path, overwrite: false) }
        #expect(throws: ExportWriteError.isDirectory(dir.path)) { _ = try AtomicFile(path: dir.path, overwrite: true) }
    }

    @Test func refusesToOverwriteWithoutForceAndKeepsTheOldContent() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("notes.md")
        try "precious".write(to: target, atomically: false, encoding: .utf8)
        #expect(throws: ExportWriteError.exists(target.path)) {
            try AtomicFileWriter.write("new", to: target.path, overwrite: false)
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious")
        #expect(entries(dir) == ["notes.md"])
        try AtomicFileWriter.write("new", to: target.path, overwrite: true)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(entries(dir) == ["notes.md"])
    }

    @Test func writingThroughASymbolicLinkKeepsTheLink() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.md")
        let link = dir.appendingPathComponent("link.md")
        try "old".write(to: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        #expect(throws: ExportWriteError.self) { try AtomicFileWriter.write("new", to: link.path, overwrite: false) }
        try AtomicFileWriter.write("new", to: link.path, overwrite: true)
        #expect(try String(contentsOf: real, encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
    }

    @Test func overwriteKeepsTheFilePermissions() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("shared.html")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        try AtomicFileWriter.write("new", to: target.path, overwrite: true)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func unwritablePlaceIsOneLineErrorAndWritesNothing() {
        // /proc refuses new files even to root.
        let path = "/proc/dossier-export-test.md"
        #expect {
            try AtomicFileWriter.write("x", to: path, overwrite: true)
        } throws: { error in
            guard let error = error as? ExportWriteError else { return false }
            return !error.description.contains("\n") && error.description.hasPrefix(path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func missingFolderAndFolderTargetAreReported() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ExportWriteError.isDirectory(dir.path)) {
            try AtomicFileWriter.write("x", to: dir.path, overwrite: true)
        }
        let nowhere = dir.appendingPathComponent("no/such/folder/out.md").path
        #expect {
            try AtomicFileWriter.write("x", to: nowhere, overwrite: false)
        } throws: { error in
            (error as? ExportWriteError)?.description.contains("no such folder") == true
        }
    }

    @Test func fullDeviceIsReported() {
        // /dev/full is a device: written in place, and every write fails with ENOSPC.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        #expect {
            try AtomicFileWriter.write(String(repeating: "x", count: 10_000), to: "/dev/full", overwrite: false)
        } throws: { error in
            (error as? ExportWriteError)?.description.contains("no space left") == true
        }
    }
}

@Suite struct ExportDestinationTests {
    @Test func defaultNamesSitBesideTheArticle() {
        #expect(ExportDestination.defaultPath(for: ["seeds/pakistan-centcom.txt"], format: .markdown) == "seeds/pakistan-centcom.notes.md")
        #expect(ExportDestination.defaultPath(for: ["/a/b.c/page.html"], format: .html) == "/a/b.c/page.notes.html")
        #expect(ExportDestination.defaultPath(for: ["feed.jsonl:3"], format: .json) == "feed-3.notes.json")
        #expect(ExportDestination.defaultPath(for: ["-"], format: .webannotation) == "dossier-notes.notes.jsonld")
        #expect(ExportDestination.defaultPath(for: ["a.txt", "b.txt"], format: .markdown) == "briefing.notes.md")
        #expect(ExportDestination.defaultPath(for: [".hidden"], format: .markdown) == ".hidden.notes.md")
    }
}

@Suite struct HTMLPaletteTests {
    @Test func themeColoursReachTheStyleSheetAndNothingElseDoes() throws {
        let palette = HTMLPalette(foregrounds: ["person": "#ff87af", "quote": "green", "number": "#12345g",
                                                "place": "#000000;}</style><script>"],
                                  backgrounds: ["match": "#d7d75f"], dark: true)
        #expect(palette.person == "#ff87af")
        #expect(palette.quote == HTMLPalette.builtIn.quote, "only #rrggbb is taken")
        #expect(palette.number == HTMLPalette.builtIn.number)
        #expect(palette.place == HTMLPalette.builtIn.place)
        #expect(palette.highlight == "#d7d75f")
        #expect(palette.background != HTMLPalette.builtIn.background)
        let annotated = ExportCorpus.annotate("A title\n\nSome text.\n", source: "t.txt")
        let html = HTMLExporter.render([ArticleExport(annotated: annotated)], palette: palette)
        #expect(html.contains(".ent.person { color: #ff87af; }"))
        #expect(!html.contains("<script>"))
    }
}
