import DossierCore
import DossierExport

/// The update step for the reader's notes: the note prompt, highlights, bookmarks, the Notes list
/// with delete and undo, and the export prompt. Store work is only recorded (`notes.requests`).
extension ReaderState {
    /// The marks of the article being read.
    public var currentMarks: ArticleMarks { notes.marks[current] ?? ArticleMarks() }

    /// What the note and highlight keys act on: the visual selection, else the cursor's paragraph.
    var currentParagraph: Span { cursorSpan }

    /// Reading-mode commands of issue 4; returns false for the others.
    mutating func applyNoteCommand(_ command: Command) -> Bool {
        switch command {
        case .addNote:
            notes.prompt = PromptState(purpose: .newNote(anchor: currentParagraph))
            visualAnchor = nil
        case .longNote:
            notes.requests.append(.editLongNote(article: current, anchor: currentParagraph))
            visualAnchor = nil
        case .highlight where visualAnchor != nil:
            let target = currentParagraph
            visualAnchor = nil
            if let id = currentMarks.highlightIDs[target] {
                notes.requests.append(.deleteHighlight(id: id))
                message = "highlight removed"
            } else {
                notes.requests.append(.addHighlight(article: current, anchor: target, entityID: nil))
                message = "highlighted the selection"
            }
        case .highlight:
            let target = selectedEntity != nil && focusSpan != nil ? focusSpan! : currentParagraph
            if let id = currentMarks.highlightIDs[target] {
                notes.requests.append(.deleteHighlight(id: id))
                message = "highlight removed"
            } else if let entity = selectedEntity, let focus = focusSpan, entity < document.annotated.entities.count {
                notes.requests.append(.addHighlight(article: current, anchor: focus, entityID: document.annotated.entities[entity].id))
                message = "highlighted this mention of \(document.annotated.entities[entity].name)"
            } else {
                notes.requests.append(.addHighlight(article: current, anchor: currentParagraph, entityID: nil))
                message = "highlighted the paragraph"
            }
        case .bookmark:
            // The paragraph's first word or so: enough for the anchor to find it again.
            let paragraph = document.blocks[cursorBlock].span
            let anchor = Span(paragraph.start, min(paragraph.end, paragraph.start + 24))
            notes.requests.append(.addBookmark(article: current, anchor: anchor))
            message = "bookmarked"
        case .bookmarks:
            if notes.list.toggle(.bookmarks, itemCount: currentMarks.bookmarks.count) { notes.requests.append(.reload(article: current)) }
        case .notes:
            if notes.list.toggle(.notes, itemCount: currentMarks.notes.count) { notes.requests.append(.reload(article: current)) }
        case .export:
            // With several articles open, first: this one or the whole briefing.
            notes.prompt = documents.count > 1
                ? PromptState(purpose: .exportScope, text: ExportScope.article.rawValue, selected: true)
                : PromptState(purpose: .exportFormat(scope: .article), text: ExportFormat.markdown.rawValue, selected: true)
        default:
            return false
        }
        return true
    }

    // MARK: Notes list

    /// Keys while the Notes or Bookmarks list is open go to the list (`MarkListState.apply`); this
    /// acts on what it asks for. Returns false for keys the reader handles as usual.
    mutating func applyNotesList(_ action: Action) -> Bool {
        switch notes.list.apply(action, marks: currentMarks) {
        case .notMine:
            return false
        case .handled:
            break
        case .message(let text):
            message = text
        case .revealNote(let span, let text):
            focusSpan = nil
            reveal(span, recordJump: true)
            focusSpan = span
            message = text
        case .revealBookmark(let span, let text):
            focusSpan = nil
            reveal(span, recordJump: true)
            // At the top of the screen, as a bookmark is meant to be read from.
            top = document.position(ofOffset: span.start, width: geometry.textWidth)
            settleTop(clampToLastScreen: true)
            placeCursor(onBlock: document.block(containing: span.start))
            message = text
        case .request(let request, let text):
            notes.requests.append(request)
            message = text
        case .prompt(let prompt):
            notes.prompt = prompt
        }
        return true
    }
}

