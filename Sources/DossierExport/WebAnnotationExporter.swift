import DossierCore
import DossierStore
import Foundation

/// A W3C Web Annotation `AnnotationCollection` (JSON-LD): one `Annotation` per note, highlight,
/// quote and claim. Each target names the article by the SHA-256 of its clean text and carries a
/// TextQuoteSelector and a TextPositionSelector (code points, end exclusive) that agree: slicing
/// the text at the position gives exactly the quote's `exact`. Where the article's address is known
/// (a web address, or a file as a `file:` URL), the target is a `SpecificResource` whose `source` is
/// that address, and the text's hash stays on it as `textDigest`.
public enum WebAnnotationExporter {
    public static func value(of exports: [ArticleExport]) -> JSONValue {
        var items: [JSONValue] = []
        for export in exports { items.append(contentsOf: annotations(of: export)) }
        return collection(of: exports.map(Summary.init), items: items)
    }

    public static func render(_ exports: [ArticleExport]) -> String {
        value(of: exports).serialized(pretty: true) + "\n"
    }

    /// What the collection says about each article: its identity and its title.
    private struct Summary {
        var articleID: String
        var title: String?

        init(_ export: ArticleExport) {
            articleID = export.articleID
            title = export.annotated.article.titleString
        }
    }

    /// The collection of `items`; `total` is their number, unless the items are a stand-in for
    /// the real ones (`Stream`).
    private static func collection(of articles: [Summary], items: [JSONValue], total: Int? = nil) -> JSONValue {
        let ids = articles.map(\.articleID).joined(separator: ",")
        let label = articles.count == 1 ? (articles[0].title ?? "Untitled") : "Briefing: \(articles.count) articles"
        let collectionID = "urn:sha256:\(SHA256.hexDigest(ids.utf8))#annotations"
        return .object([
            ("@context", .string("http://www.w3.org/ns/anno.jsonld")),
            ("id", .string(collectionID)),
            ("type", .string("AnnotationCollection")),
            ("label", .string(label)),
            ("total", .int(total ?? items.count)),
            ("first", .object([
                // The model (§5.2) requires an IRI for every page.
                ("id", .string(collectionID + "-page-1")),
                ("type", .string("AnnotationPage")),
                ("partOf", .string(collectionID)),
                ("startIndex", .int(0)),
                ("items", .array(items)),
            ])),
        ])
    }

    /// `render` as the articles come (`Exporter.stream`). The collection's id, label and total
    /// come before its items and depend on every article, so the items are written as they come
    /// into a temporary file, each indented for where it stands, and spliced in at the end.
    public struct Stream: ExportStream {
        private var articles: [Summary] = []
        private var itemCount = 0
        private var spool: ExportSpool?
        public var count: Int { articles.count }

        public init() {}

        /// How deep the items stand: in the collection's page (1), in its "items" array (2).
        private static let itemLevel = 3

        public mutating func add(_ export: ArticleExport,
                                 write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
            articles.append(Summary(export))
            if spool == nil { spool = ExportSpool() }
            for item in annotations(of: export) {
                // Each item after a comma (but the first) and a new line indented for its depth,
                // as the array's own writer puts them.
                let separator = itemCount == 0 ? "" : ",\n" + String(repeating: " ", count: 2 * Self.itemLevel)
                try spool?.append(separator + item.serialized(prettyAtLevel: Self.itemLevel))
                itemCount += 1
            }
        }

        public mutating func finish(write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
            guard let spool, !articles.isEmpty else { return }
            self.spool = nil
            guard itemCount > 0 else {
                return try write(collection(of: articles, items: []).serialized(pretty: true) + "\n")
            }
            // The collection written with one stand-in item, cut where the items go: the items
            // array is its last member, so the last stand-in is the one (no article text can
            // write it: a title's control characters and quotation marks are escaped).
            let standIn = "\u{0}dossier-items"
            let document = collection(of: articles, items: [.string(standIn)], total: itemCount).serialized(pretty: true)
            let written = JSONValue.string(standIn).serialized()
            guard let slot = document.range(of: written, options: .backwards) else {
                preconditionFailure("the stand-in item is written as itself")
            }
            try write(String(document[..<slot.lowerBound]))
            try spool.drain(into: write)
            try write(String(document[slot.upperBound...]) + "\n")
        }
    }

    static func annotations(of export: ArticleExport) -> [JSONValue] {
        let text = export.text
        let index = ArticleIndex(export.annotated)
        let source = Source(digest: "urn:sha256:\(export.articleID)", address: address(of: export.annotated.source))
        var items: [JSONValue] = []
        for note in export.notes {
            var members: [(String, JSONValue)] = [
                ("id", .string("\(source.digest)#note-\(note.id.map(String.init) ?? "new")")),
                ("type", .string("Annotation")),
                ("motivation", .string("commenting")),
                ("created", .string(DateText.instant(note.created))),
                ("modified", .string(DateText.instant(note.updated))),
                ("body", textualBody(note.body, purpose: "commenting")),
            ]
            members.append(("target", target(source: source, anchor: note.anchor, orphaned: note.isOrphaned)))
            items.append(.object(members))
        }
        for highlight in export.highlights {
            var members: [(String, JSONValue)] = [
                ("id", .string("\(source.digest)#highlight-\(highlight.id.map(String.init) ?? "new")")),
                ("type", .string("Annotation")),
                ("motivation", .string("highlighting")),
                ("created", .string(DateText.instant(highlight.created))),
            ]
            if let name = index.name(of: highlight.entityID) {
                members.append(("body", textualBody(name, purpose: "identifying")))
            }
            members.append(("target", target(source: source, anchor: highlight.anchor, orphaned: highlight.isOrphaned)))
            items.append(.object(members))
        }
        for bookmark in export.bookmarks {
            var members: [(String, JSONValue)] = [
                ("id", .string("\(source.digest)#bookmark-\(bookmark.id.map(String.init) ?? "new")")),
                ("type", .string("Annotation")),
                ("motivation", .string("bookmarking")),
                ("created", .string(DateText.instant(bookmark.created))),
            ]
            if let label = bookmark.label { members.append(("body", textualBody(label, purpose: "tagging"))) }
            members.append(("target", target(source: source, anchor: bookmark.anchor, orphaned: bookmark.isOrphaned)))
            items.append(.object(members))
        }
        for (n, quote) in export.annotated.quotes.enumerated() {
            let speaker = index.name(of: quote.speaker)
            let description = speaker.map { "Quotation by \($0)\(quote.cue.map { " (\($0))" } ?? "")" } ?? "Quotation (speaker not attributed)"
            items.append(.object([
                ("id", .string("\(source.digest)#quote-\(n + 1)")),
                ("type", .string("Annotation")),
                ("motivation", .string("describing")),
                ("body", textualBody(description, purpose: "describing")),
                ("target", target(source: source, anchor: TextAnchor(span: quote.span, in: text), orphaned: false)),
            ]))
        }
        for (n, claim) in export.annotated.claims.enumerated() {
            let actor = index.name(of: claim.actor) ?? "the article"
            let description = "Claim (\(claim.kind.rawValue)) by \(actor)\(claim.cue.map { ", cue: \($0)" } ?? "")"
            items.append(.object([
                ("id", .string("\(source.digest)#claim-\(n + 1)")),
                ("type", .string("Annotation")),
                ("motivation", .string("describing")),
                ("body", textualBody(description, purpose: "describing")),
                ("target", target(source: source, anchor: TextAnchor(span: claim.span, in: text), orphaned: false)),
            ]))
        }
        return items
    }

    private static func textualBody(_ value: String, purpose: String) -> JSONValue {
        .object([("type", .string("TextualBody")), ("purpose", .string(purpose)),
                 ("value", .string(NoteText.clean(value))), ("format", .string("text/plain"))])
    }

    /// An orphan's position is meaningless in this text, so its target keeps only the quote.
    /// The article's identity (hash of its clean text) and, when known, where it came from.
    struct Source {
        var digest: String
        var address: String?
    }

    /// A web address as it is; a file that exists as an absolute `file:` URL; nil for standard
    /// input, a line of a pasted or JSON Lines file ("-:2", "feed.jsonl:3") and anything else.
    static func address(of source: String?) -> String? {
        guard let source, !source.isEmpty, source != "-" else { return nil }
        let lower = source.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return source }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return URL(fileURLWithPath: source).standardizedFileURL.absoluteString
    }

    private static func target(source: Source, anchor: TextAnchor, orphaned: Bool) -> JSONValue {
        var selectors: [JSONValue] = [.object([
            ("type", .string("TextQuoteSelector")),
            ("exact", .string(anchor.exact)),
            ("prefix", .string(anchor.prefix)),
            ("suffix", .string(anchor.suffix)),
        ])]
        if !orphaned {
            selectors.append(.object([
                ("type", .string("TextPositionSelector")),
                ("start", .int(anchor.start)),
                ("end", .int(anchor.end)),
            ]))
        }
        guard let address = source.address else {
            return .object([("source", .string(source.digest)), ("selector", .array(selectors))])
        }
        return .object([("type", .string("SpecificResource")), ("source", .string(address)),
                        ("textDigest", .string(source.digest)), ("selector", .array(selectors))])
    }
}
