import Foundation
import Testing

/// The entity view end to end: open the seed folder, press E, find an entity shared by several
/// articles, go to its last mention in the concordance and land in another article.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct EntityViewTmuxTests {
    @Test func entityViewJumpsFromTheConcordanceIntoAnotherArticle() throws {
        let session = try TmuxSession("\"$DOSSIER\" seeds/", width: 120, height: 40)
        defer { session.kill() }
        #expect(session.waitForAnnotated("Library:").ok)
        try session.send("E")
        let view = session.waitFor("Entities:")
        #expect(view.ok, "no entity view: \(view.screen)")
        // The first entity, the most widely mentioned, appears in more than one article ("per  2a   5m").
        let first = session.lines.first { $0.hasPrefix(" ") && $0.range(of: #" [2-9]a +\d+m"#, options: .regularExpression) != nil }
        #expect(first != nil, "no entity shared by two articles: \(view.screen)")
        // Into the concordance, to its last mention (in the last article that mentions it), and jump.
        try session.send("l")
        try session.send("G")
        try session.send("Enter")
        let landed = session.waitFor { $0.contains(" READ") && $0.contains(" in wikinews-") }
        #expect(landed.ok, "did not land in a later article: \(landed.screen)")
        #expect(!landed.screen.contains("Entities:"))
        try session.send("q")
    }
}
