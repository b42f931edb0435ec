import Foundation
import GRDB

/// An article the reader has opened: identified by the SHA-256 of its clean text, with the
/// path and title it last had (for listing, and to carry notes over when the file changes).
public struct StoredArticle: Sendable, Equatable, Identifiable {
    /// 64 hex digits: SHA-256 of the clean text's UTF-8.
    public var id: String
    public var path: String?
    public var title: String?
    public var firstSeen: Date
    public var lastOpened: Date

    public init(id: String, path: String?, title: String?, firstSeen: Date, lastOpened: Date) {
        self.id = id
        self.path = path
        self.title = title
        self.firstSeen = firstSeen
        self.lastOpened = lastOpened
    }
}

extension StoredArticle: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "article"

    public init(row: Row) {
        id = row["id"]
        path = row["path"]
        title = row["title"]
        firstSeen = StoreClock.date(milliseconds: row["firstSeen"])
        lastOpened = StoreClock.date(milliseconds: row["lastOpened"])
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["path"] = path
        container["title"] = title
        container["firstSeen"] = StoreClock.milliseconds(firstSeen)
        container["lastOpened"] = StoreClock.milliseconds(lastOpened)
    }
}
