import Foundation
import GRDB

/// A passage (a paragraph, or one entity mention) the reader highlighted.
public struct Highlight: Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var articleID: String
    public var anchor: TextAnchor
    /// The entity whose mention was highlighted ("e3"); ids are only stable for one version of the text.
    public var entityID: String?
    public var created: Date
    public var isOrphaned: Bool

    public init(id: Int64? = nil, articleID: String, anchor: TextAnchor, entityID: String? = nil,
                created: Date, isOrphaned: Bool = false) {
        self.id = id
        self.articleID = articleID
        self.anchor = anchor
        self.entityID = entityID
        self.created = created
        self.isOrphaned = isOrphaned
    }
}

extension Highlight: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "highlight"

    public init(row: Row) {
        id = row["id"]
        articleID = row["articleID"]
        anchor = AnchorColumns.anchor(from: row)
        entityID = row["entityID"]
        created = StoreClock.date(milliseconds: row["created"])
        isOrphaned = row["orphaned"]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["articleID"] = articleID
        AnchorColumns.encode(anchor, to: &container)
        container["entityID"] = entityID
        container["created"] = StoreClock.milliseconds(created)
        container["orphaned"] = isOrphaned
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
