import Foundation
import Testing

/// One file of two pasted articles, in tmux: the reader opens on the library with both, as it does for a feed.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct PasteLibraryTmuxTests {
    @Test func aPasteOfTwoArticlesOpensOnTheLibraryWithBoth() throws {
        let session = try TmuxSession(
            "{ cat seeds/wikinews-korea.txt; printf '\\n\\n---\\n\\n'; cat seeds/wikinews-nasa.txt; } > \"$SCRATCH/paste.txt\" "
            + "&& \"$DOSSIER\" \"$SCRATCH/paste.txt\"; echo \"exit=$?\"; echo DOSSIER-DONE",
            width: 120, height: 30)
        defer { session.kill() }
        let settled = session.waitForAnnotated("Library: 2 articles")
        #expect(settled.ok, "the paste did not open as two articles: \(settled.screen)")
        #expect(settled.screen.contains("paste.txt:"), "the second article is not named by its line: \(settled.screen)")
        try session.send("Enter")
        let opened = session.waitFor { $0.contains(" READ") && $0.contains("1/2") }
        #expect(opened.ok, "the first article did not open: \(opened.screen)")
        try session.send("q")
        let done = session.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("exit=0"))
    }
}
