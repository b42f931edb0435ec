import DossierCore
import DossierStore

/// The annotation contract (`ContractJSON`) of one article plus the reader's `notes` and
/// `highlights`, each with its quote and position (code points, end exclusive).
public enum JSONExporter {
    public static func value(of export: ArticleExport) -> JSONValue {
        guard case .object(var members) = ContractJSON.value(of: export.annotated) else {
            return ContractJSON.value(of: export.annotated)
        }
        members.append(("article_id", .string(export.articleID)))
        members.append(("date_read", .string(DateText.instant(export.dateRead))))
        members.append(("notes", .array(export.notes.map { note in
            .object([("id", note.id.map { .int(Int($0)) } ?? .null),
                     ("body", .string(NoteText.clean(note.body))),
                     ("created", .string(DateText.instant(note.created))),
                     ("updated", .string(DateText.instant(note.updated)))]
                    + anchorMembers(note.anchor, orphaned: note.isOrphaned))
        })))
        members.append(("highlights", .array(export.highlights.map { highlight in
            .object([("id", highlight.id.map { .int(Int($0)) } ?? .null),
                     ("entity", JSONValue(highlight.entityID)),
                     ("created", .string(DateText.instant(highlight.created)))]
                    + anchorMembers(highlight.anchor, orphaned: highlight.isOrphaned))
        })))
        members.append(("bookmarks", .array(export.bookmarks.map { bookmark in
            .object([("id", bookmark.id.map { .int(Int($0)) } ?? .null),
                     ("label", JSONValue(bookmark.label)),
                     ("created", .string(DateText.instant(bookmark.created)))]
                    + anchorMembers(bookmark.anchor, orphaned: bookmark.isOrphaned))
        })))
        return .object(members)
    }

    /// One article: indented JSON. Several: JSON Lines, one compact object per article (like `annotate`).
    public static func render(_ exports: [ArticleExport]) -> String {
        if exports.count == 1 { return value(of: exports[0]).serialized(pretty: true) + "\n" }
        return exports.map { value(of: $0).serialized() + "\n" }.joined()
    }

    /// `render` written as the articles come, so a feed's export is never held whole: one article
    /// is indented JSON and several are JSON Lines, so the first is held until a second comes or
    /// the input ends (`finish`). What `write` is given, end to end, is `render` of them all.
    public struct Stream: ExportStream {
        private var held: ArticleExport?
        public private(set) var count = 0

        public init() {}

        public mutating func add(_ export: ArticleExport,
                                 write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
            count += 1
            if count == 1 { held = export; return }
            if let first = held {
                held = nil
                try write(value(of: first).serialized() + "\n")
            }
            try write(value(of: export).serialized() + "\n")
        }

        public mutating func finish(write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
            guard let only = held else { return }
            held = nil
            try write(value(of: only).serialized(pretty: true) + "\n")
        }
    }

    /// An orphan's offsets refer to a text that no longer exists: they are null, its quote is kept.
    private static func anchorMembers(_ anchor: TextAnchor, orphaned: Bool) -> [(String, JSONValue)] {
        [("start", orphaned ? .null : .int(anchor.start)),
         ("end", orphaned ? .null : .int(anchor.end)),
         ("exact", .string(anchor.exact)),
         ("prefix", .string(anchor.prefix)),
         ("suffix", .string(anchor.suffix)),
         ("orphaned", .bool(orphaned))]
    }
}
