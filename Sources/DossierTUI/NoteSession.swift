import DossierCore
import DossierExport
import DossierStore

/// The effect side of the reader's notes: records opened articles in the store, restores and saves
/// reading positions, carries out the `StoreRequest`s that `update` recorded, and reloads the marks.
/// Each note is written in its own transaction at once, so a killed reader loses nothing saved.
// UNFINISHED: highlights have no undo.
final class NoteSession {
    let store: NoteStore
    private var articleIDs: [Int: String] = [:]
    /// Why the last article could not be recorded: a note on it is then kept, not dropped.
    private var recordingFailure: NoteStoreError?

    init(store: NoteStore) { self.store = store }

    func isOpen(_ index: Int) -> Bool { articleIDs[index] != nil }

    /// A refresh replaced article `index`: it is recorded again (and its notes carried over to a changed text) when next shown.
    func forget(_ index: Int) { articleIDs[index] = nil }

    /// Records article `index` in the store (once), loads its marks and restores its reading position.
    func open(_ index: Int, state: inout ReaderState) {
        guard articleIDs[index] == nil, index < state.documents.count else { return }
        // The store knows an article by its annotated text; a preview waits until it is annotated.
        guard index >= state.library.entries.count || state.library.entries[index].isAnnotated else { return }
        let document = state.documents[index]
        do {
            let knownID = index < state.library.entries.count ? state.library.entries[index].articleID : nil
            // The background hashed the text already; hashing 10 MB here would stall the screen.
            let stored: StoredArticle
            if let knownID {
                stored = try store.article(for: document.annotated, path: sourcePath(document), id: knownID)
            } else {
                stored = try store.article(for: document.annotated, path: sourcePath(document))
            }
            articleIDs[index] = stored.id
            state.library.update(index) { $0.read = true }
            if let saved = try store.readingPosition(articleID: stored.id), saved.offset > 0, saved.offset < document.text.count,
               // Not when the reader has already moved in the article's preview.
               state.positions[index] <= document.startPosition {
                state.positions[index] = document.position(ofOffset: saved.offset, width: state.geometry.textWidth)
                if index == state.current { state.settleTop() }
            }
            try reload(index, state: &state)
        } catch {
            recordingFailure = error
            state.message = "\(error)"
            // Not recorded (disk full, locked): still show the notes the article already has.
            let id = (index < state.library.entries.count ? state.library.entries[index].articleID : nil)
                ?? ArticleIdentity.id(of: document.text)
            if articleIDs[index] == nil, (try? store.storedArticle(id: id)) ?? nil != nil {
                articleIDs[index] = id
                try? reload(index, state: &state)
            }
        }
    }

    /// Saves where each opened article is being read.
    func saveReadingPositions(_ state: ReaderState) {
        for (index, id) in articleIDs where index < state.documents.count {
            try? store.setReadingPosition(articleID: id, offset: state.positions[index].offset, in: state.documents[index].text)
        }
    }

    func saveReadingPosition(of index: Int, _ state: ReaderState) {
        guard let id = articleIDs[index], index < state.documents.count else { return }
        try? store.setReadingPosition(articleID: id, offset: state.positions[index].offset, in: state.documents[index].text)
    }

    /// Carries out and clears the recorded requests; `screen` lends the terminal to the editor.
    func perform(_ state: inout ReaderState, screen: CursesScreen?) {
        let requests = state.notes.requests
        guard !requests.isEmpty else { return }
        state.notes.requests = []
        var touched: Set<Int> = [state.current]
        var failed = false
        for request in requests {
            do {
                try perform(request, state: &state, screen: screen, touched: &touched)
            } catch {
                failed = true
                state.message = "\(error)"
                keepUnsaved(request, because: error, state: &state)
            }
        }
        for index in touched {
            do { try reload(index, state: &state) } catch where !failed { state.message = "\(error)" } catch {}
        }
    }

    private func perform(_ request: StoreRequest, state: inout ReaderState, screen: CursesScreen?,
                         touched: inout Set<Int>) throws(NoteStoreError) {
        switch request {
        case .addNote(let article, let span, let body):
            let id = try self.id(article, &state)
            _ = try store.addNote(articleID: id, anchor: TextAnchor(span: span, in: state.documents[article].text), body: body)
            touched.insert(article)
        case .updateNote(let noteID, let body):
            _ = try store.updateNote(id: noteID, body: body)
        case .deleteNote(let noteID):
            _ = try store.deleteNote(id: noteID)
        case .restoreNote(let note):
            _ = try store.restore(note)
        case .addHighlight(let article, let span, let entityID):
            let id = try self.id(article, &state)
            _ = try store.addHighlight(articleID: id, anchor: TextAnchor(span: span, in: state.documents[article].text), entityID: entityID)
            touched.insert(article)
        case .deleteHighlight(let highlightID):
            _ = try store.deleteHighlight(id: highlightID)
        case .deleteBookmark(let bookmarkID):
            _ = try store.deleteBookmark(id: bookmarkID)
        case .addBookmark(let article, let span):
            let id = try self.id(article, &state)
            _ = try store.addBookmark(articleID: id, anchor: TextAnchor(span: span, in: state.documents[article].text))
            touched.insert(article)
        case .editLongNote(let article, let span):
            guard let screen else { state.message = "no terminal for the editor"; return }
            switch screen.suspended({ EditorLauncher.edit() }) {
            case .failure(let error): state.message = error.description
            case .success(nil): state.message = "empty note not saved"
            case .success(let body?):
                let id: String
                do { id = try self.id(article, &state) } catch {
                    keepUnsavedLongNote(body, anchor: span, because: error, state: &state)
                    return
                }
                do {
                    _ = try store.addNote(articleID: id, anchor: TextAnchor(span: span, in: state.documents[article].text), body: body)
                } catch {
                    keepUnsavedLongNote(body, anchor: span, because: error, state: &state)
                    return
                }
                touched.insert(article)
                state.message = store.isPersistent ? "note saved" : "note kept until you quit (not saving)"
            }
        case .reload(let article):
            touched.insert(article)
        case .export(let article, let scope, let format, let path, let overwrite, let palette):
            try export(article: article, scope: scope, format: format, path: path, overwrite: overwrite, palette: palette,
                       state: &state)
        case .completePath(let typed):
            state.apply(.completions(prefix: typed, names: PathCompletion.names(completing: typed)))
        }
    }

    /// The store's id of article `article`, recording it first; throws why it cannot be recorded.
    func id(_ article: Int, _ state: inout ReaderState) throws(NoteStoreError) -> String {
        recordingFailure = nil
        open(article, state: &state)
        guard let id = articleIDs[article] else {
            throw recordingFailure ?? .failed(operation: "record the article", reason: "it is not annotated yet")
        }
        return id
    }

    private func reload(_ index: Int, state: inout ReaderState) throws(NoteStoreError) {
        guard let id = articleIDs[index] else { return }
        let text = state.documents[index].text
        let notes = try store.notes(for: id).map { note in
            NoteMark(note: note, span: note.isOrphaned ? nil : store.resolve(note.anchor, in: text))
        }
        var highlightIDs: [Span: Int64] = [:]
        let highlights = try store.highlights(for: id).compactMap { highlight -> Span? in
            guard !highlight.isOrphaned, let span = store.resolve(highlight.anchor, in: text) else { return nil }
            if let id = highlight.id { highlightIDs[span] = id }
            return span
        }
        let resolved = try store.bookmarks(for: id).compactMap { bookmark -> (Span, Int64)? in
            guard !bookmark.isOrphaned, let span = store.resolve(bookmark.anchor, in: text) else { return nil }
            return (span, bookmark.id ?? -1)
        }.sorted { $0.0.start < $1.0.start }
        state.notes.marks[index] = ArticleMarks(notes: notes, highlights: highlights, bookmarks: resolved.map(\.0),
                                                highlightIDs: highlightIDs, bookmarkIDs: resolved.map(\.1))
        state.library.update(index) { $0.notes = notes.count }
    }

    func sourcePath(_ document: ArticleDocument) -> String? {
        guard let source = document.annotated.source, source != "-" else { return nil }
        return source
    }
}
