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
        let ids = exports.map(\.articleID).joined(separator: ",")
        let label = exports.count == 1
            ? (exports[0].annotated.article.titleString ?? "Untitled")
            : "Briefing: \(exports.count) articles"
        let collectionID = "urn:sha256:\(SHA256.hexDigest(ids.utf8))#annotations"
        return .object([
            ("@context", .string("http://www.w3.org/ns/anno.jsonld")),
            ("id", .string(collectionID)),
            ("type", .string("AnnotationCollection")),
            ("label", .string(label)),
            ("total", .int(items.count)),
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

    public static func render(_ exports: [ArticleExport]) -> String {
        value(of: exports).serialized(pretty: true) + "\n"
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
