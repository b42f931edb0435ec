import DossierCore
import Foundation
import Testing
@testable import DossierStore

/// The one generic CRUD behind notes, highlights and bookmarks: each kind inserts, lists in reading
/// order, deletes and restores (with its id) the same way, and one kind's rows never show in another's.
@Suite struct AnchoredMarkTests {
    let text = ArticleText("The harbour council voted on Tuesday. Residents of Elmsby Island welcomed it.")

    func roundTrip<Mark: AnchoredMark>(_ make: (TextAnchor) -> Mark, in store: NoteStore, article: String) throws {
        let late = try store.insert(make(TextAnchor(span: Span(38, 47), in: text)))
        let early = try store.insert(make(TextAnchor(span: Span(4, 11), in: text)))
        #expect(late.id != nil && early.id != nil)
        #expect(try store.marks(Mark.self, for: article).map(\.anchor.exact) == ["harbour", "Residents"])
        let deleted = try store.delete(Mark.self, id: early.id!)
        #expect(try store.marks(Mark.self, for: article).count == 1)
        #expect(try store.mark(Mark.self, id: early.id!) == nil)
        let restored = try store.restore(deleted)
        #expect(restored.id == early.id)
        #expect(try store.marks(Mark.self, for: article).first == deleted)
        #expect(throws: NoteStoreError.self) { try store.delete(Mark.self, id: 999_999) }
    }

    @Test func notesHighlightsAndBookmarksShareOneCRUD() throws {
        let store = NoteStore.inMemory()
        let article = try store.article(text: text, title: nil, path: nil).id
        let now = StoreClock.now()
        try roundTrip({ Note(articleID: article, body: "check", created: now, updated: now, anchor: $0) }, in: store, article: article)
        try roundTrip({ Highlight(articleID: article, anchor: $0, entityID: nil, created: now) }, in: store, article: article)
        try roundTrip({ Bookmark(articleID: article, anchor: $0, created: now) }, in: store, article: article)
        // Each kind lists only its own rows.
        #expect(try store.notes(for: article).count == 2)
        #expect(try store.highlights(for: article).count == 2)
        #expect(try store.bookmarks(for: article).count == 2)
    }
}
