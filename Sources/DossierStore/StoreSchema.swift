import GRDB

/// The database schema, one migration per change; never edit a shipped migration, add one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles, notes, highlights, bookmarks, reading positions") { db in
            try db.create(table: "article") { t in
                t.primaryKey("id", .text)
                t.column("path", .text)
                t.column("title", .text)
                t.column("firstSeen", .integer).notNull()
                t.column("lastOpened", .integer).notNull()
            }
            try db.create(index: "article_on_path", on: "article", columns: ["path"])
            for table in ["note", "highlight", "bookmark"] {
                try db.create(table: table) { t in
                    // AUTOINCREMENT: a deleted note's id is never reused, so "undo delete" can restore it.
                    t.autoIncrementedPrimaryKey("id")
                    t.column("articleID", .text).notNull().indexed().references("article", onDelete: .cascade)
                    AnchorColumns.define(in: t)
                    switch table {
                    case "note":
                        t.column("body", .text).notNull()
                        t.column("created", .integer).notNull()
                        t.column("updated", .integer).notNull()
                    case "highlight":
                        t.column("entityID", .text)
                        t.column("created", .integer).notNull()
                    default:
                        t.column("label", .text)
                        t.column("created", .integer).notNull()
                    }
                    t.column("orphaned", .boolean).notNull().defaults(to: false)
                }
            }
            try db.create(table: "readingPosition") { t in
                t.column("articleID", .text).notNull().primaryKey().references("article", onDelete: .cascade)
                AnchorColumns.define(in: t)
                t.column("updated", .integer).notNull()
            }
        }
        migrator.registerMigration("v2: fetched pages (the web cache)") { db in
            // What a web address gave last time, with the validators for a conditional request.
            try db.create(table: "fetchedPage") { t in
                t.primaryKey("url", .text)
                t.column("finalURL", .text)
                t.column("contentType", .text)
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.column("fetchedAt", .integer).notNull()
                t.column("body", .blob).notNull()
            }
        }
        return migrator
    }
}
