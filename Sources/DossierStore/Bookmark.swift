import Foundation
import GRDB

/// A place in an article the reader marked to come back to.
public struct Bookmark: Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var articleID: String
    public var anchor: TextAnchor
    public var label: String?
    public var created: Date
    public var isOrphaned: Bool

    public init(id: Int64? = nil, articleID: String, anchor: TextAnchor, label: String? = nil,
                created: Date, isOrphaned: Bool = false) {
        self.id = id
        self.articleID = articleID
        self.anchor = anchor
        self.label = label
        self.created = created
        self.isOrphaned = isOrphaned
    }
}

extension Bookmark: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "bookmark"

    public init(row: Row) {
        id = row["id"]
        articleID = row["articleID"]
        anchor = AnchorColumns.anchor(from: row)
        label = row["label"]
        created = StoreClock.date(milliseconds: row["created"])
        isOrphaned = row["orphaned"]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["articleID"] = articleID
        AnchorColumns.encode(anchor, to: &container)
        container["label"] = label
        container["created"] = StoreClock.milliseconds(created)
        container["orphaned"] = isOrphaned
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
