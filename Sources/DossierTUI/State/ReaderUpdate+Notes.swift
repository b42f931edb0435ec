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
            notes.listOpen = !(notes.listOpen && notes.listKind == .bookmarks)
            notes.listKind = .bookmarks
            notes.listSelection = min(notes.listSelection, max(0, currentMarks.bookmarks.count - 1))
            if notes.listOpen { notes.requests.append(.reload(article: current)) }
        case .notes:
            notes.listOpen = !(notes.listOpen && notes.listKind == .notes)
            notes.listKind = .notes
            if notes.listOpen { notes.requests.append(.reload(article: current)) }
            notes.listSelection = min(notes.listSelection, max(0, currentMarks.notes.count - 1))
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

    /// Keys while the Notes list is open: j/k choose, Enter jumps, d deletes, u undoes the last
    /// delete, c changes the note, o or Esc closes. Returns false for keys the reader handles as usual.
    mutating func applyNotesList(_ action: Action) -> Bool {
        if notes.listKind == .bookmarks { return applyBookmarkList(action) }
        let items = currentMarks.notes
        let count = items.count
        let selection = min(notes.listSelection, max(0, count - 1))
        if moveListSelection(action, from: selection, count: count) { return true }
        switch action {
        case .command(.cancel), .command(.notes): notes.listOpen = false
        case .command(.activate):
            guard count > 0 else { message = "no notes in this article (a adds one)"; return true }
            notes.listSelection = selection
            if let span = items[selection].span {
                focusSpan = nil
                reveal(span, recordJump: true)
                focusSpan = span
                message = SummaryText.elide(items[selection].note.body, to: 60)
            } else {
                message = "orphaned note: its text is no longer in the article"
            }
        case .text("d"):
            guard count > 0 else { message = "no note to delete"; return true }
            let note = items[selection].note
            notes.lastDeleted = note
            notes.requests.append(.deleteNote(id: note.id ?? -1))
            notes.listSelection = max(0, min(selection, count - 2))
            message = "note deleted (u undoes)"
        case .text("u"):
            guard let note = notes.lastDeleted else { message = "nothing to undo"; return true }
            notes.lastDeleted = nil
            notes.requests.append(.restoreNote(note))
            message = "note restored"
        case .text("c"):
            guard count > 0, let id = items[selection].note.id else { message = "no note to change"; return true }
            notes.prompt = PromptState(purpose: .editNote(id: id), text: items[selection].note.body)
        default:
            return false
        }
        return true
    }
}

extension ReaderState {
    /// Keys while the Bookmarks list is open: j/k choose, Enter jumps, d deletes, ' or Esc closes.
    mutating func applyBookmarkList(_ action: Action) -> Bool {
        let marks = currentMarks
        let count = marks.bookmarks.count
        let selection = min(notes.listSelection, max(0, count - 1))
        if moveListSelection(action, from: selection, count: count) { return true }
        switch action {
        case .command(.cancel), .command(.bookmarks): notes.listOpen = false
        case .command(.notes):
            notes.listKind = .notes
            notes.listSelection = 0
        case .command(.activate):
            guard count > 0 else { message = "no bookmarks in this article (B adds one)"; return true }
            notes.listSelection = selection
            let span = marks.bookmarks[selection]
            focusSpan = nil
            reveal(span, recordJump: true)
            // At the top of the screen, as a bookmark is meant to be read from.
            top = document.position(ofOffset: span.start, width: geometry.textWidth)
            settleTop(clampToLastScreen: true)
            placeCursor(onBlock: document.block(containing: span.start))
            message = "bookmark \(selection + 1)/\(count)"
        case .text("d"):
            guard count > 0, selection < marks.bookmarkIDs.count else { message = "no bookmark to delete"; return true }
            notes.requests.append(.deleteBookmark(id: marks.bookmarkIDs[selection]))
            notes.listSelection = max(0, min(selection, count - 2))
            message = "bookmark deleted"
        default:
            return false
        }
        return true
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (Foundation-free).
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

extension ReaderState {
    /// j/k, g/G in the Notes or Bookmarks list of `count` items; true when the action was one of them.
    mutating func moveListSelection(_ action: Action, from selection: Int, count: Int) -> Bool {
        switch action {
        case .command(.scrollDown): notes.listSelection = min(max(0, count - 1), selection + 1)
        case .command(.scrollUp): notes.listSelection = max(0, selection - 1)
        case .command(.top): notes.listSelection = 0
        case .command(.bottom): notes.listSelection = max(0, count - 1)
        default: return false
        }
        return true
    }
}
