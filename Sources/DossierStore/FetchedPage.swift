import Foundation
import GRDB

/// What a web address gave when it was last fetched: the body as received (after content decoding),
/// and the validators (`ETag`, `Last-Modified`) that let a refresh ask "has it changed?" (HTTP 304).
public struct FetchedPage: Sendable, Equatable {
    /// The address as asked for (the cache key).
    public var url: String
    /// Where the redirects ended, when they ended elsewhere.
    public var finalURL: String?
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    public var fetchedAt: Date
    public var body: [UInt8]

    public init(url: String, finalURL: String? = nil, contentType: String? = nil, etag: String? = nil,
                lastModified: String? = nil, fetchedAt: Date, body: [UInt8]) {
        self.url = url
        self.finalURL = finalURL
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
        self.body = body
    }
}

extension FetchedPage: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "fetchedPage"

    public init(row: Row) {
        url = row["url"]
        finalURL = row["finalURL"]
        contentType = row["contentType"]
        etag = row["etag"]
        lastModified = row["lastModified"]
        fetchedAt = StoreClock.date(milliseconds: row["fetchedAt"])
        let data: Data = row["body"]
        body = [UInt8](data)
    }

    public func encode(to container: inout PersistenceContainer) {
        container["url"] = url
        container["finalURL"] = finalURL
        container["contentType"] = contentType
        container["etag"] = etag
        container["lastModified"] = lastModified
        container["fetchedAt"] = StoreClock.milliseconds(fetchedAt)
        container["body"] = Data(body)
    }
}

extension NoteStore {
    /// The cached copy of `url`, if it was ever fetched.
    public func fetchedPage(url: String) throws(NoteStoreError) -> FetchedPage? {
        try read("read the web cache") { db in try FetchedPage.fetchOne(db, key: url) }
    }

    /// Keeps (or replaces) what `page.url` gave.
    public func saveFetchedPage(_ page: FetchedPage) throws(NoteStoreError) {
        try write("save to the web cache") { db in try page.save(db) }
    }

    /// A conditional request said "not modified": the cached body stands, as of now.
    public func confirmFetchedPage(url: String, at date: Date = StoreClock.now()) throws(NoteStoreError) {
        try write("update the web cache") { db in
            try db.execute(sql: "UPDATE fetchedPage SET fetchedAt = ? WHERE url = ?", arguments: [StoreClock.milliseconds(date), url])
        }
    }
}
