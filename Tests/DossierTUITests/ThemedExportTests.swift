import DossierCore
import DossierExport
import DossierStore
import Foundation
import Testing
@testable import DossierTUI

/// The reader's `e` writes HTML in the colours of the theme it shows, the palette `dossier export
/// --theme NAME` makes of the same theme, so an exported page looks like what was read. The other
/// formats have no colours and come out the same whatever the theme.
@Suite struct ThemedExportTests {
    /// The fixture article read in `themeName`, as `--theme themeName` or the config would show it.
    static func reading(in themeName: String) throws -> ReaderState {
        var state = ArticleFixture.state()
        state.theme = try ThemeLoader().load(themeName)
        return state
    }

    /// The request Enter on the path prompt makes, after `e`, `format` and the default path.
    static func exportRequest(_ state: ReaderState, format: ExportFormat) -> StoreRequest? {
        state.pressing("e").pressing(format.rawValue + "\n").pressing("\n").notes.requests.last
    }

    @Test func theExportRequestCarriesThePaletteOfTheThemeShown() throws {
        let dark = try Self.reading(in: "default")
        // What `dossier export --format html --theme default` colours its page with.
        let commandLinePalette = try ThemeLoader().load("default").htmlPalette
        guard case .export(_, _, .html, _, false, let palette)? = Self.exportRequest(dark, format: .html) else {
            Issue.record("no HTML export request"); return
        }
        #expect(palette == commandLinePalette)
        #expect(palette.background == "#1c1c1c" && palette.person == "#ff87af")
        #expect(palette != HTMLPalette.builtIn, "the dark theme's page was the built-in light one")

        // `T` switches the theme on screen (default → light): the export follows it.
        let switched = dark.pressing("T")
        guard case .export(_, _, _, _, _, let lightPalette)? = Self.exportRequest(switched, format: .html) else {
            Issue.record("no HTML export request after T"); return
        }
        #expect(lightPalette == (try ThemeLoader().load("light").htmlPalette))
        #expect(lightPalette.background == HTMLPalette.builtIn.background && lightPalette.person == "#af005f")
    }

    @Test func withColoursOffThePageIsTheBuiltInLightOne() throws {
        // NO_COLOR or a terminal without colours: the reader shows no colours, so the page has none of the theme's.
        var plain = try Self.reading(in: "default")
        plain.theme = plain.theme.withoutColors()
        plain.colorsOff = true
        guard case .export(_, _, _, _, _, let palette)? = Self.exportRequest(plain, format: .html) else {
            Issue.record("no HTML export request"); return
        }
        #expect(palette == HTMLPalette.builtIn)
    }

    @Test func sayingYesToOverwriteKeepsTheThemesPalette() throws {
        var asking = try Self.reading(in: "default")
        asking.notes.prompt = PromptState(purpose: .confirmOverwrite(format: .html, scope: .article, path: "/tmp/x.notes.html"))
        let confirmed = asking.pressing("y")
        #expect(confirmed.notes.requests == [.export(article: 0, scope: .article, format: .html, path: "/tmp/x.notes.html",
                                                     overwrite: true, palette: try ThemeLoader().load("default").htmlPalette)])
    }

    @Test func theHTMLFileWrittenInADarkThemeHasTheCommandLinesDarkPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-themed-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = NoteSession(store: NoteStore.inMemory())
        var state = try Self.reading(in: "default")
        state.notes.exportFolder = folder.path
        state = state.pressing("e").pressing("html\n").pressing("\n")
        session.perform(&state, screen: nil)
        #expect(state.notes.prompt == nil, "the export failed: \(state.notes.prompt?.error ?? "")")
        let written = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let html = try String(contentsOf: folder.appendingPathComponent(written), encoding: .utf8)

        // The style sheet is the one `dossier export --format html --theme default` writes for this article.
        let commandLine = HTMLExporter.render([ArticleExport(annotated: state.documents[0].annotated)],
                                              palette: try ThemeLoader().load("default").htmlPalette)
        let styleSheet = try #require(Self.styleSheet(of: html))
        #expect(styleSheet == Self.styleSheet(of: commandLine))
        #expect(styleSheet.contains("background: #1c1c1c") && styleSheet.contains("#ff87af"))
        #expect(styleSheet != Self.styleSheet(of: HTMLExporter.render([ArticleExport(annotated: state.documents[0].annotated)])))
    }

    @Test(arguments: [ExportFormat.markdown, .json, .webannotation])
    func theOtherFormatsAreTheSameInEveryTheme(format: ExportFormat) throws {
        let export = ArticleExport(annotated: ArticleFixture.harbour())
        let dark = try ThemeLoader().load("default").htmlPalette
        #expect(Exporter.render([export], as: format, palette: dark) == Exporter.render([export], as: format))
    }

    /// The text between `<style>` and `</style>`.
    static func styleSheet(of html: String) -> String? {
        guard let start = html.range(of: "<style>"), let end = html.range(of: "</style>", range: start.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
