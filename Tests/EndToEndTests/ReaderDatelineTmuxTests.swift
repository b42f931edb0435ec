import Foundation
import Testing

/// Issue 15, problem 10 (the dateline item), where a reader met it: in the side pane. A dateline
/// ("VELMAR —") is where the story was filed, not an actor, and no claim starts with it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderDatelineTmuxTests {
    static let article = PasteSplitCommandTests.paste.components(separatedBy: "* * *")[0]

    /// The side pane's text: what each row shows right of the border.
    static func sidePane(_ screen: String) -> String {
        screen.components(separatedBy: "\n").compactMap { line in
            line.range(of: "│").map { String(line[$0.upperBound...]) }
        }.joined(separator: "\n")
    }

    @Test func theDatelineIsNeitherAnActorNorTheStartOfAClaimInTheSidePane() throws {
        let reader = "\"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" \"$SCRATCH/bridge.txt\"; echo DOSSIER-DONE"
        let terminal = try TmuxSession(reader, width: 120, height: 24, files: ["bridge.txt": Self.article])
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("Harbour bridge").ok)
        // The whole article's actors and claims, not only the first section's.
        try terminal.send("w")
        let pane = terminal.waitFor("side pane: whole article")
        #expect(pane.ok, "\(pane.screen)")
        let side = Self.sidePane(pane.screen)
        #expect(side.contains("Claims ("), "no claims listed: \(pane.screen)")
        #expect(side.contains("Some 40"), "the first sentence's claim is missing: \(side)")
        #expect(!side.uppercased().contains("VELMAR"), "the dateline is an actor or part of a claim: \(side)")
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
    }
}
