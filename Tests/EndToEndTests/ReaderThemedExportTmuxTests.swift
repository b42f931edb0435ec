import Foundation
import Testing

/// The reader's `e` writes an HTML page in the colours of the theme it shows (from --theme, else
/// the config), the same style sheet `dossier export --format html --theme NAME` writes. The readers
/// run with NO_COLOR unset: `swift test` can pass NO_COLOR=1 down to tmux (seen with its output
/// piped), and with colours off the reader shows, and so exports, no theme colours at all.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderThemedExportTmuxTests {
    /// Exports the one open article as HTML to the default path and returns the page written.
    static func exportHTML(_ terminal: TmuxSession) throws -> String? {
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        try terminal.send("e")
        #expect(terminal.waitFor("export as").ok)
        try terminal.type("html")
        try terminal.send("Enter")
        #expect(terminal.waitFor("export to:").ok)
        try terminal.send("Enter")
        let exported = terminal.waitFor("exported 0 notes")
        #expect(exported.ok, "\(exported.screen)")
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
        return terminal.file("data/dossier/exports/short.notes.html")
    }

    /// The page `dossier export --format html --theme themeName` writes for the article in the terminal's scratch folder.
    static func commandLinePage(_ terminal: TmuxSession, theme themeName: String) throws -> String {
        let run = try ExportRun.dossier(["export", terminal.scratch.appendingPathComponent("short.txt").path, "--format", "html",
                                         "--theme", themeName, "-o", "-"],
                                        database: terminal.scratch.appendingPathComponent("cli-notes.sqlite").path)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    static func styleSheet(of html: String) -> String? {
        guard let start = html.range(of: "<style>"), let end = html.range(of: "</style>", range: start.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func theHTMLExportIsInTheThemeGivenWithThemeOverTheConfigs() throws {
        // The config asks for light; --theme default (for dark terminals) wins, and the page is dark.
        let reader = "unset NO_COLOR; \"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" --no-side-pane --theme default \"$SCRATCH/short.txt\"; echo DOSSIER-DONE"
        let terminal = try TmuxSession(reader, width: 110, height: 30,
                                       files: ["short.txt": ReaderCursorTmuxTests.article, "config/dossier/config.toml": "theme = \"light\"\n"])
        defer { terminal.kill() }
        let page = try #require(try Self.exportHTML(terminal), "no HTML written")
        let styleSheet = try #require(Self.styleSheet(of: page))
        #expect(styleSheet.contains("background: #1c1c1c"), "not the dark page: \(styleSheet.prefix(300))")
        #expect(styleSheet == Self.styleSheet(of: try Self.commandLinePage(terminal, theme: "default")),
                "the reader's page and export --theme default differ")
    }

    @Test func theHTMLExportIsInTheConfigsTheme() throws {
        let reader = "unset NO_COLOR; \"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" --no-side-pane \"$SCRATCH/short.txt\"; echo DOSSIER-DONE"
        let terminal = try TmuxSession(reader, width: 110, height: 30,
                                       files: ["short.txt": ReaderCursorTmuxTests.article, "config/dossier/config.toml": "theme = \"light\"\n"])
        defer { terminal.kill() }
        let page = try #require(try Self.exportHTML(terminal), "no HTML written")
        let styleSheet = try #require(Self.styleSheet(of: page))
        #expect(!styleSheet.contains("#1c1c1c"), "the light theme made a dark page")
        #expect(styleSheet == Self.styleSheet(of: try Self.commandLinePage(terminal, theme: "light")),
                "the reader's page and export --theme light differ")
    }
}
