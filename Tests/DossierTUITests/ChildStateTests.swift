import DossierCore
import DossierStore
import Foundation
import Testing
@testable import DossierTUI

/// Each mode's child model on its own: its `apply` changes only its own state and names what the
/// parent must do, so these need no `ReaderState` around them (reading needs only its context).
@Suite struct ChildStateTests {
    @Test func readingMovesWithinTheArticleAndLeavesOtherKeysToTheParent() {
        let state = ArticleFixture.state(width: 60, height: 12)
        let context = state.readingContext
        var reading = state.reading
        #expect(reading.apply(.nextSection, in: context) == .handled(note: nil))
        #expect(reading.currentSection(in: context) == 1)
        #expect(reading.jumps.count == 1, "a section jump is recorded for C-o")
        // The cursor went to the section's first paragraph, not its heading.
        #expect(reading.holdsCursor(reading.cursorBlock(in: context), in: context))
        #expect(reading.apply(.nextSection, in: context) == .handled(note: nil))
        #expect(reading.apply(.nextSection, in: context) == .handled(note: "last section"))
        #expect(reading.apply(.bottom, in: context) == .handled(note: nil))
        #expect(reading.cursorBlock(in: context) == context.document.blocks.indices.last { reading.holdsCursor($0, in: context) })
        #expect(reading.apply(.scrollDown, in: context) != .notMine)
        // Keys that open prompts, overlays or other articles are the parent's.
        for command in [Command.help, .search, .library, .next, .quit, .export] {
            #expect(reading.apply(command, in: context) == .notMine, "\(command)")
        }
        // Esc clears one thing at a time, then is the parent's (the side pane's focus).
        reading.search = SearchState(query: "x", matches: [Span(0, 1)], current: 0)
        #expect(reading.apply(.cancel, in: context) == .handled(note: nil))
        #expect(reading.search == nil)
        #expect(reading.apply(.cancel, in: context) == .notMine)
    }

    @Test func theLibraryMovesThroughItsSortedRowsAndNamesTheNextStep() {
        let entries = ["b.txt", "a.txt", "c.txt"].map(LibraryEntry.init(source:))
        var library = LibraryState(entries: entries)
        #expect(library.order == [1, 0, 2])
        #expect(library.apply(.scrollDown, selected: 1, pageRows: 5) == .select(0))
        #expect(library.apply(.bottom, selected: 1, pageRows: 5) == .select(2))
        #expect(library.apply(.scrollUp, selected: 1, pageRows: 5) == .select(1))
        #expect(library.apply(.activate, selected: 2, pageRows: 5) == .open(2))
        #expect(library.apply(.sortLibrary, selected: 1, pageRows: 5) == .message("sorted by date"))
        #expect(library.sort == .date)
        #expect(library.apply(.library, selected: 1, pageRows: 5) == .close)
        #expect(library.apply(.highlight, selected: 1, pageRows: 5) == .ignored)
    }

    /// Entries are placed one at a time as they arrive and change (no sort of the whole list each
    /// time); the order and the progress counts must stay those of a library made from scratch.
    @Test func theLibraryKeepsItsOrderAndCountsAsEntriesArriveAndChange() {
        var random = SystemRandomNumberGenerator()
        for sort in LibrarySort.allCases {
            var library = LibraryState(entries: [], sort: sort)
            for step in 0..<400 {
                if library.entries.isEmpty || Int.random(in: 0..<3, using: &random) == 0 {
                    // Names that tie, that differ only in a number, and feed lines out of order.
                    let name = ["feed.jsonl:\(Int.random(in: 1...40, using: &random))", "b.txt", "a10.txt", "a9.txt"]
                        .randomElement(using: &random)!
                    library.append(LibraryEntry(source: name))
                } else {
                    let index = Int.random(in: library.entries.indices, using: &random)
                    library.update(index) { entry in
                        switch Int.random(in: 0..<5, using: &random) {
                        case 0: entry.date = ["2026-12-0\(Int.random(in: 1...3, using: &random))", nil].randomElement(using: &random)!
                        case 1: entry.read.toggle()
                        case 2: entry.source = "feed.jsonl:\(Int.random(in: 1...40, using: &random))"
                        case 3: entry.status = .annotated
                        default: entry.status = [.failed("no"), .waiting, .previewed(complete: true)].randomElement(using: &random)!
                        }
                    }
                }
                let fresh = LibraryState(entries: library.entries, sort: sort)
                #expect(library.order == fresh.order, "\(sort), step \(step)")
                #expect(library.settledCount == library.entries.filter(\.isSettled).count)
                #expect(library.annotatedCount == library.entries.filter(\.isAnnotated).count)
                if library.order != fresh.order { return }
            }
        }
    }

    @Test func theNotesListDeletesUndoesAndLeavesOtherKeysToTheReader() {
        let text = ArticleFixture.state().document.text
        func mark(_ id: Int64, _ body: String, _ span: Span?) -> NoteMark {
            NoteMark(note: Note(id: id, articleID: "x", body: body, created: Date(), updated: Date(),
                                anchor: TextAnchor(span: span ?? Span(0, 3), in: text)), span: span)
        }
        let marks = ArticleMarks(notes: [mark(1, "first", Span(10, 20)), mark(2, "gone", nil)])
        var list = MarkListState()
        let opened = list.toggle(.notes, itemCount: 2)
        #expect(opened)
        #expect(list.apply(.command(.scrollDown), marks: marks) == .handled)
        #expect(list.apply(.command(.scrollDown), marks: marks) == .handled)
        #expect(list.selection == 1, "j stops at the last note")
        #expect(list.apply(.command(.activate), marks: marks) == .message("orphaned note: its text is no longer in the article"))
        #expect(list.apply(.text("d"), marks: marks) == .request(.deleteNote(id: 2), message: "note deleted (u undoes)"))
        #expect(list.lastDeleted?.body == "gone")
        #expect(list.selection == 0)
        #expect(list.apply(.command(.activate), marks: marks) == .revealNote(Span(10, 20), message: "first"))
        guard case .request(.restoreNote(let restored), _) = list.apply(.text("u"), marks: marks) else {
            Issue.record("u did not restore"); return
        }
        #expect(restored.body == "gone")
        #expect(list.apply(.text("u"), marks: marks) == .message("nothing to undo"))
        #expect(list.apply(.command(.help), marks: marks) == .notMine)
        #expect(list.apply(.command(.notes), marks: marks) == .handled)
        #expect(!list.isOpen)
    }

    @Test func theEntityViewChoosesAndAsksForTheJump() throws {
        var view = EntityViewState(index: BriefingIndex(articles: [ArticleFixture.harbour()]))
        #expect(view.entities.count > 1)
        #expect(view.apply(.command(.scrollDown)) == .stay)
        #expect(view.selected == 1)
        #expect(view.apply(.text("l")) == .stay)
        #expect(view.inConcordance)
        let line = try #require(view.mentionLines.first)
        let entity = try #require(view.chosenEntity)
        #expect(view.apply(.command(.activate)) == .jump(to: line.position, of: entity))
        #expect(view.apply(.text("h")) == .stay)
        #expect(!view.inConcordance)
        #expect(view.apply(.command(.help)) == .help)
        #expect(view.apply(.command(.cancel)) == .close)
    }
}
