import Foundation
import GRDB

/// Where the reader was in an article: a text offset, with a little of the text there so the
/// position survives small edits of the file.
public struct ReadingPosition: Sendable, Equatable {
    public var articleID: String
    /// The offset as an anchor on the few code points that follow it.
    public var anchor: TextAnchor
    public var updated: Date

    public init(articleID: String, anchor: TextAnchor, updated: Date) {
        self.articleID = articleID
        self.anchor = anchor
        self.updated = updated
    }

    public var offset: Int { anchor.start }
}

extension ReadingPosition: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "readingPosition"

    public init(row: Row) {
        articleID = row["articleID"]
        anchor = AnchorColumns.anchor(from: row)
        updated = StoreClock.date(milliseconds: row["updated"])
    }

    public func encode(to container: inout PersistenceContainer) {
        container["articleID"] = articleID
        AnchorColumns.encode(anchor, to: &container)
        container["updated"] = StoreClock.milliseconds(updated)
    }
}

/// The articles read before and each article's number of notes (`NoteStore.libraryMarks()`).
public struct LibraryMarks: Sendable, Equatable {
    public var readArticles: Set<String>
    public var noteCounts: [String: Int]

    public init(readArticles: Set<String> = [], noteCounts: [String: Int] = [:]) {
        self.readArticles = readArticles
        self.noteCounts = noteCounts
    }
}
