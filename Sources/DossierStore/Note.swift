import Foundation
import GRDB

/// A note the reader wrote on a passage of an article.
public struct Note: Sendable, Equatable, Identifiable {
    /// Nil until stored; kept when a deleted note is restored.
    public var id: Int64?
    public var articleID: String
    public var body: String
    public var created: Date
    public var updated: Date
    public var anchor: TextAnchor
    /// The passage could not be found after the article changed: the note is kept, its anchor is the old one.
    public var isOrphaned: Bool

    public init(id: Int64? = nil, articleID: String, body: String, created: Date, updated: Date,
                anchor: TextAnchor, isOrphaned: Bool = false) {
        self.id = id
        self.articleID = articleID
        self.body = body
        self.created = created
        self.updated = updated
        self.anchor = anchor
        self.isOrphaned = isOrphaned
    }
}

extension Note: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "note"

    public init(row: Row) {
        id = row["id"]
        articleID = row["articleID"]
        body = row["body"]
        created = StoreClock.date(milliseconds: row["created"])
        updated = StoreClock.date(milliseconds: row["updated"])
        anchor = AnchorColumns.anchor(from: row)
        isOrphaned = row["orphaned"]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["articleID"] = articleID
        container["body"] = body
        container["created"] = StoreClock.milliseconds(created)
        container["updated"] = StoreClock.milliseconds(updated)
        AnchorColumns.encode(anchor, to: &container)
        container["orphaned"] = isOrphaned
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
