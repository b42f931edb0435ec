import DossierCore

/// How the background annotator's results enter the state: a document is swapped in place, and every
/// position in it (the top of the screen, the jump list) is carried over to the new text, so an
/// article that becomes annotated while it is read does not move under the reader.
extension ReaderState {
    mutating func applyLoaded(_ event: ArticleEvent) {
        switch event {
        case .added(let index, let source):
            // Indices are handed out in order; anything else would be a bug upstream, and is ignored.
            guard index == documents.count else { return }
            documents.append(.waiting(source: source))
            positions.append(documents[index].startPosition)
            library.append(LibraryEntry(source: source))
            // One file that turns out to hold several articles (a paste, a feed) opens on their list, as a
            // feed does, unless the reader has already moved in the first one.
            if index == 1, mode == .reading, current == 0, positions[0] <= documents[0].startPosition {
                mode = .library(selected: 0)
            }
        case .previewed(let index, let document, let complete):
            guard library.entries.indices.contains(index) else { return }
            // A late glimpse never replaces a fuller text.
            switch library.entries[index].status {
            case .waiting: break
            case .previewed(let had) where complete && !had: break
            default: return
            }
            replaceDocument(index, with: document)
            library.update(index) { $0.status = .previewed(complete: complete) }
        case .annotated(let index, let document, let facts), .refreshed(let index, let document, let facts):
            guard library.entries.indices.contains(index) else { return }
            if case .annotated = event, library.entries[index].isAnnotated { return }
            replaceDocument(index, with: document)
            library.update(index) { entry in
                entry.status = .annotated
                entry.apply(document, facts: facts)
            }
            if let note = facts.note, index == current, !isInLibrary { message = note }
        case .failed(let index, let failure):
            let reason = failure.reason
            guard library.entries.indices.contains(index) else { return }
            library.update(index) { $0.status = .failed(reason) }
            replaceDocument(index, with: .waiting(source: library.entries[index].source, line: "Cannot read this article: \(reason)"))
            if index == current, case .reading = mode { message = reason }
        }
    }

    /// Puts `document` in place of article `index`, keeping the reading position on the same words.
    mutating func replaceDocument(_ index: Int, with document: ArticleDocument) {
        let old = documents[index]
        let width = geometry.textWidth
        func carried(_ position: DocumentPosition) -> DocumentPosition {
            if position <= old.startPosition { return document.startPosition }
            let offset = TextCorrespondence.offset(position.offset, from: old.text.scalars, to: document.text.scalars)
            return document.position(ofOffset: offset, width: width)
        }
        positions[index] = carried(index == current ? top : positions[index])
        for i in jumps.indices where jumps[i].article == index { jumps[i].position = carried(jumps[i].position) }
        documents[index] = document
        notes.marks[index] = nil
        guard index == current else { return }
        // Spans pointed into the old text: drop them, and find the search again in the new one.
        focusSpan = nil
        selectedEntity = nil
        if let query = search?.query {
            let matches = TextSearch.matches(of: query, in: document.text.scalars)
            let nearest = matches.firstIndex { $0.start >= top.offset } ?? 0
            search = matches.isEmpty ? nil : SearchState(query: query, matches: matches, current: nearest)
        }
        switch mode {
        case .hints: mode = .reading
        case .contents(let selected): mode = .contents(selected: min(selected, document.sectionCount - 1))
        default: break
        }
        settleTop()
    }

    /// How long the main loop may wait for a key before it looks for background results, in
    /// milliseconds; nil: nothing is coming, wait for a key. Short while the article on screen has no
    /// text yet, since its first part is due any moment.
    public func inputTimeout(backgroundWorking: Bool) -> Int? {
        guard backgroundWorking else { return nil }
        let waiting = library.entries.indices.contains(current) && library.entries[current].status == .waiting
        if case .library = mode { return 40 }
        return waiting ? 5 : 40
    }

    public var isInLibrary: Bool {
        if case .library = mode { return true }
        return false
    }

    /// The article to annotate first: the one chosen in the library, else the one being read.
    public var articleInFocus: Int {
        if case .library(let selected) = mode { return selected }
        return current
    }

    /// "(12 of 40 annotated)" while the background still works, for messages about the whole briefing.
    var annotatedSoFar: String {
        library.isComplete ? "" : " (\(library.annotatedCount) of \(library.entries.count) annotated so far)"
    }

    // MARK: Library keys

    /// Enter in the library: opens the article, or says why it cannot be read.
    mutating func openFromLibrary(_ index: Int) {
        if let reason = library.entries[index].failure {
            message = reason
            return
        }
        mode = .reading
        switchArticle(to: index)
        if !isAnnotated { message = "annotating… the text shows now, highlights follow" }
    }
}

extension LibraryEntry {
    /// Takes the library's figures from an annotated document.
    mutating func apply(_ document: ArticleDocument, facts: LibraryFacts) {
        let annotated = document.annotated
        // The first article of a feed is known by its line ("feed.jsonl:1") once read.
        if let known = annotated.source { source = known }
        title = annotated.article.titleString
        actors = annotated.actors.count
        claims = annotated.claims.count
        words = facts.words
        date = facts.date ?? date
        origin = facts.origin ?? origin
        articleID = facts.articleID
        read = read || facts.read
        notes = max(notes, facts.notes)
    }
}

extension ArticleDocument {
    /// The stand-in for an article whose text has not arrived: one line saying so.
    static func waiting(source: String, line: String? = nil) -> ArticleDocument {
        let name = source == "-" ? "standard input" : PrintableName.of(source)
        return ArticleDocument(ArticlePreview.placeholder(source: source, line: line ?? "Reading \(name)…"))
    }
}
