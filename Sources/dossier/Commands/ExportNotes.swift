import DossierCore
import DossierExport
import DossierStore

/// Each article's notes, highlights and bookmarks from the notes database, read as the export
/// goes. A database that fails mid-way is reported once; the rest is exported without notes.
struct NotesLookup {
    let store: NoteStore?
    private var failed = false

    init(store: NoteStore?) { self.store = store }

    mutating func export(of annotated: AnnotatedArticle, source: String) -> ArticleExport {
        if let store, !failed {
            do {
                // Read only: an article never opened in the reader gets no row in the notes database.
                return try ArticleExport.from(annotated, store: store, path: source == "-" ? nil : source, record: false)
            } catch {
                StandardError.write("dossier: \(error); exporting without notes\n")
                failed = true
            }
        }
        return ArticleExport(annotated: annotated)
    }
}

/// What an export holds, for its closing line: "3 articles, 2 notes, 0 highlights, 1 bookmark".
struct ExportCounts: CustomStringConvertible {
    private(set) var articles = 0
    private var notes = 0, highlights = 0, bookmarks = 0

    mutating func add(_ export: ArticleExport) {
        articles += 1
        notes += export.notes.count
        highlights += export.highlights.count
        bookmarks += export.bookmarks.count
    }

    var description: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [count(articles, "article"), count(notes, "note"), count(highlights, "highlight"),
                count(bookmarks, "bookmark")].joined(separator: ", ")
    }
}
