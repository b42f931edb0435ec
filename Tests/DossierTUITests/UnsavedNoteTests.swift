import DossierCore
import DossierStore
import Foundation
import Testing
@testable import DossierTUI

/// A note the store refuses is never dropped (issue 16, 2 and 6): it goes back into its prompt with
/// the reason, and Enter tries again.
@Suite struct UnsavedNoteTests {
    func readOnlyStore() throws -> (NoteStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-unsaved-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("notes.sqlite").path
        _ = try NoteStore.open(path: path)
        return (try NoteStore.open(path: path, createIfMissing: false, access: .readOnly), folder)
    }

    @Test func aRefusedNoteStaysInThePromptWithTheReason() throws {
        let (store, folder) = try readOnlyStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = NoteSession(store: store)
        var state = ArticleFixture.state().pressing("a").pressing("Ilse Varrow to confirm\n")
        #expect(state.notes.prompt == nil && state.notes.requests.count == 1)
        session.perform(&state, screen: nil)
        let prompt = try #require(state.notes.prompt, "the note was dropped: \(state.message ?? "")")
        #expect(prompt.text == "Ilse Varrow to confirm")
        #expect(prompt.error?.contains("NOT saved: the notes database is read-only") == true, "\(prompt.error ?? "")")
        #expect(state.message?.contains("note not saved") == true)
        guard case .newNote = prompt.purpose else { Issue.record("not a note prompt: \(prompt.purpose)"); return }
        // Enter asks again (and is refused again, still kept).
        var again = state.pressing("\n")
        #expect(again.notes.requests.count == 1)
        session.perform(&again, screen: nil)
        #expect(again.notes.prompt?.text == "Ilse Varrow to confirm")
    }

    @Test func aNoteSavedInAWritableStoreLeavesNoPrompt() throws {
        let session = NoteSession(store: NoteStore.inMemory())
        var state = ArticleFixture.state().pressing("a").pressing("kept\n")
        session.perform(&state, screen: nil)
        #expect(state.notes.prompt == nil)
        #expect(state.notes.marks[0]?.notes.map(\.note.body) == ["kept"])
    }
}
