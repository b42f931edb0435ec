import Testing
import DossierStore

/// Issue 16: a note body keeps its emoji joiners and loses escape sequences whole.
@Suite struct NoteTextTests {
    @Test func noteBodiesKeepJoinersAndDropSequencesWhole() {
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(NoteText.clean("Met the \(family) at noon") == "Met the \(family) at noon")
        #expect(NoteText.clean("x\u{1B}]0;TITLE\u{07}y\u{1B}[2J\u{1B}[Hz") == "xyz")
        #expect(NoteText.clean("a\u{202E}b") == "ab")
    }
}
