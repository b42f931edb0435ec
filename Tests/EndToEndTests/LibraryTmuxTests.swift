import Foundation
import Testing

/// A folder with an unreadable file among good ones, in tmux: the reader opens on the library at once,
/// lists the bad file with its reason, opens the others, and counts every article as done at the end.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct LibraryTmuxTests {
    @Test func anUnreadableFileIsListedWithItsReasonAndTheOthersOpen() throws {
        let session = try TmuxSession(
            "mkdir -p \"$SCRATCH/briefing\" && cp seeds/wikinews-korea.txt seeds/wikinews-nasa.txt seeds/pakistan-centcom.txt \"$SCRATCH/briefing/\" "
            + "&& head -c 4000 \"$DOSSIER\" > \"$SCRATCH/briefing/binary.txt\" && \"$DOSSIER\" \"$SCRATCH/briefing\"; echo \"exit=$?\"; echo DOSSIER-DONE",
            width: 120, height: 30)
        defer { session.kill() }
        let settled = session.waitForAnnotated("Library: 4 articles")
        #expect(settled.ok, "the library did not finish: \(settled.screen)")
        // The progress line is gone once all four are done; the header counts the failure.
        #expect(settled.screen.contains("1 unreadable"))
        #expect(!settled.screen.contains("annotating"))
        let lines = settled.screen.components(separatedBy: "\n")
        let failed = lines.first { $0.contains("binary.txt") }
        #expect(failed?.hasPrefix(" ✗ 1. binary.txt") == true, "the binary file is not listed first with ✗: \(settled.screen)")
        #expect(failed?.contains("not a text file") == true)
        // Each good article has its figures: words, actors, claims, notes.
        let korea = lines.first { $0.contains("wikinews-korea") || $0.contains("North Korea") }
        #expect(korea?.range(of: #"\d+ +\d+ +\d+ +0\s*$"#, options: .regularExpression) != nil, "no figures: \(korea ?? "")")
        // Enter on the unreadable one says why in the status line and stays in the library.
        try session.send("Enter")
        let reason = session.waitFor { $0.components(separatedBy: "\n").contains { $0.contains("LIBRARY") && $0.contains("not a text file") } }
        #expect(reason.ok, "no reason in the status line: \(reason.screen)")
        // The next one opens in the reader.
        try session.send("j")
        try session.send("Enter")
        let opened = session.waitFor { $0.contains(" READ") && $0.contains("2/4") }
        #expect(opened.ok, "the second article did not open: \(opened.screen)")
        try session.send("L")
        #expect(session.waitFor("Library:").ok)
        try session.send("q")
        let done = session.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("exit=0"))
    }
}
