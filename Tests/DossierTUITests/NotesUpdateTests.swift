import DossierCore
import DossierExport
import DossierStore
import Foundation
import Testing
@testable import DossierTUI

@Suite struct NotesUpdateTests {
    static func note(id: Int64, body: String, span: Span, in state: ReaderState) -> NoteMark {
        let text = state.document.text
        return NoteMark(note: Note(id: id, articleID: "x", body: body, created: Date(), updated: Date(),
                                   anchor: TextAnchor(span: span, in: text)), span: span)
    }

    @Test func aOpensAPromptThatTakesUTF8TextAndBackspaceAndSavesOnEnter() {
        let state = ArticleFixture.state()
        let typing = state.pressing("a")
        #expect(typing.notes.prompt?.text == "")
        // Keys that are commands in reading mode are plain text in the prompt.
        let typed = typing.pressing("qé ça vaX")
        #expect(typed.shouldQuit == false)
        #expect(typed.notes.prompt?.text == "qé ça vaX")
        let corrected = typed.after(.deleteBackward)
        #expect(corrected.notes.prompt?.text == "qé ça va")
        let saved = corrected.pressing("\n")
        #expect(saved.notes.prompt == nil)
        guard case .addNote(let article, let anchor, let body)? = saved.notes.requests.first else {
            Issue.record("no addNote request: \(saved.notes.requests)"); return
        }
        #expect(article == 0)
        #expect(body == "qé ça va")
        #expect(state.document.blocks.contains { $0.span == anchor })
    }

    @Test func escCancelsTheNoteAndAnEmptyNoteIsNotSaved() {
        let state = ArticleFixture.state()
        let cancelled = state.pressing("a").pressing("draft").pressing("\u{1b}")
        #expect(cancelled.notes.prompt == nil)
        #expect(cancelled.notes.requests.isEmpty)
        let empty = state.pressing("a").pressing("  \n")
        #expect(empty.notes.requests.isEmpty)
        #expect(empty.message == "empty note not saved")
    }

    @Test func theNotesListJumpsDeletesAndUndoesTheLastDelete() {
        var state = ArticleFixture.state(width: 100, height: 14)
        let far = state.document.blocks[state.document.blocks.count - 1].span
        let near = state.document.blocks[1].span
        state.notes.marks[0] = ArticleMarks(notes: [Self.note(id: 1, body: "first", span: near, in: state),
                                                    Self.note(id: 2, body: "last", span: far, in: state)])
        var list = state.pressing("o")
        #expect(list.notes.list.isOpen)
        #expect(list.notes.requests == [.reload(article: 0)])
        list.notes.requests = []
        let jumped = list.pressing("j\n")
        #expect(jumped.focusSpan == far)
        #expect(jumped.top.offset > state.top.offset)
        let deleted = jumped.pressing("d")
        #expect(deleted.notes.requests == [.deleteNote(id: 2)])
        #expect(deleted.notes.list.lastDeleted?.body == "last")
        var afterStore = deleted
        afterStore.notes.requests = []
        afterStore.notes.marks[0]?.notes.removeLast()
        let undone = afterStore.pressing("u")
        guard case .restoreNote(let restored)? = undone.notes.requests.first else {
            Issue.record("no restore request"); return
        }
        #expect(restored.body == "last")
        #expect(undone.pressing("u").message == "nothing to undo" || undone.notes.list.lastDeleted == nil)
        #expect(undone.pressing("o").notes.list.isOpen == false)
    }

    @Test func cChangesTheChosenNoteThroughThePrompt() {
        var state = ArticleFixture.state(width: 100, height: 14)
        state.notes.marks[0] = ArticleMarks(notes: [Self.note(id: 7, body: "old", span: state.document.blocks[1].span, in: state)])
        let editing = state.pressing("oc")
        #expect(editing.notes.prompt == PromptState(purpose: .editNote(id: 7), text: "old"))
        let saved = editing.after(.deleteBackward, .deleteBackward, .deleteBackward).pressing("new\n")
        #expect(saved.notes.requests == [.reload(article: 0), .updateNote(id: 7, body: "new")])
    }

    @Test func mHighlightsTheSelectedMentionOrElseTheParagraph() {
        let state = ArticleFixture.state()
        guard case .addHighlight(_, let paragraph, nil)? = state.pressing("m").notes.requests.first else {
            Issue.record("no paragraph highlight"); return
        }
        #expect(state.document.blocks.contains { $0.span == paragraph })
        var highlighted = state
        highlighted.notes.marks[0] = ArticleMarks(highlights: [paragraph], highlightIDs: [paragraph: 4])
        #expect(highlighted.pressing("m").notes.requests == [.deleteHighlight(id: 4)])
        var selected = state
        let mention = state.document.mentions.spans[0]
        selected.selectedEntity = state.document.mentions.payloads[0]
        selected.focusSpan = mention
        guard case .addHighlight(_, let span, let entity?)? = selected.pressing("m").notes.requests.first else {
            Issue.record("no mention highlight"); return
        }
        #expect(span == mention)
        #expect(entity == state.document.annotated.entities[state.document.mentions.payloads[0]].id)
    }

    @Test func exportAsksForTheFormatThenAPathInTheExportsFolder() {
        var state = ArticleFixture.state()
        state.documents[0] = ArticleDocument({ var a = ArticleFixture.harbour(); a.source = "fixtures/portugal.txt"; return a }())
        state.notes.exportFolder = "/data/dossier/exports"
        let format = state.pressing("e")
        #expect(format.notes.prompt?.text == "markdown")
        #expect(format.notes.prompt?.editor.isDefaultSelected == true)
        // Typing replaces the selected default; one Backspace would clear it.
        let path = format.pressing("html\n")
        #expect(path.notes.prompt?.text == "/data/dossier/exports/portugal.notes.html")
        // The fixture reads in mono, which names no colours: the page is the built-in one.
        #expect(path.pressing("\n").notes.requests == [.export(article: 0, scope: .article, format: .html,
                                                               path: "/data/dossier/exports/portugal.notes.html", overwrite: false,
                                                               palette: .builtIn)])
        // An unknown format keeps the prompt open with the reason.
        let wrong = format.pressing("x\n")
        #expect(wrong.notes.requests.isEmpty)
        #expect(wrong.notes.prompt?.error?.contains("unknown format") == true)
    }

    @Test func aNoteShowsAMarkerInTheMarginAndTheStatusLineSaysNotSaving() {
        var state = ArticleFixture.state(width: 100, height: 14)
        let paragraph = state.document.blocks[2].span
        let before = ReaderRenderer.render(state).lines
        #expect(!before.contains { $0.hasPrefix(NoteMarginView.noteMarker) })
        state.notes.marks[0] = ArticleMarks(notes: [Self.note(id: 1, body: "n", span: paragraph, in: state)])
        state.notes.saving = false
        let lines = ReaderRenderer.render(state).lines
        let marked = lines.enumerated().filter { $0.element.hasPrefix(NoteMarginView.noteMarker) }.map(\.offset)
        #expect(marked.count == 1)
        let firstWords = String(state.document.text.slice(paragraph).prefix(12))
        #expect(marked.first.map { lines[$0].contains(firstWords) } == true)
        #expect(lines.last?.contains("not saving") == true)
    }

    @Test func theEditorCommandIsAnArgumentVectorNotAShellString() {
        #expect(EditorLauncher.editorCommand(visual: "code --wait", editor: "nano") == ["code", "--wait"])
        #expect(EditorLauncher.editorCommand(visual: "", editor: "vim;rm -rf x") == ["vim;rm", "-rf", "x"])
        #expect(EditorLauncher.editorCommand(visual: nil, editor: "  ") == ["vi"])
    }

    @Test func aHighlightedParagraphIsDrawnInTheHighlightStyle() {
        var state = ArticleFixture.state(width: 100, height: 14)
        let paragraph = state.document.blocks[2].span
        state.notes.marks[0] = ArticleMarks(highlights: [paragraph])
        let canvas = ReaderRenderer.render(state)
        let plain = ReaderRenderer.render(ArticleFixture.state(width: 100, height: 14))
        let styled = (0..<canvas.height).flatMap { row in (0..<69).map { (row, $0) } }
            .filter { canvas[$0.1, $0.0].style != plain[$0.1, $0.0].style }
        #expect(!styled.isEmpty)
        #expect(styled.allSatisfy { canvas[$0.1, $0.0].style.attributes.contains(.underline) })
    }
}
