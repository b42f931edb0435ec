import Foundation
import GRDB

/// The rows that can still be read from a damaged notes database.
///
/// Each table is read whole when it can be; when a damaged page stops the scan, its rows are read
/// one rowid at a time, up to the largest rowid known, so rows on intact pages after the damage
/// are kept too. The web cache (`fetchedPage`) is not salvaged: it is fetched again.
struct StoreSalvage {
    /// Table name and its rows, articles first (the others refer to them).
    private(set) var tables: [(name: String, rows: [Row])] = []

    static let salvagedTables = ["article", "note", "highlight", "bookmark", "readingPosition"]
    /// Rowids probed one by one per table at most: bounds the time spent on a huge damaged table.
    static let probeLimit: Int64 = 200_000

    static func read(path: String) -> StoreSalvage {
        var salvage = StoreSalvage()
        guard let queue = try? NoteStore.readOnlyQueue(path: path) else { return salvage }
        try? queue.read { db in
            for table in salvagedTables {
                salvage.tables.append((table, rows(of: table, in: db)))
            }
        }
        return salvage
    }

    private static func rows(of table: String, in db: Database) -> [Row] {
        var rows: [Row] = []
        var seen = Set<Int64>()
        do {
            let cursor = try Row.fetchCursor(db, sql: "SELECT rowid AS salvagedRowID, * FROM \(table)")
            while let row = try cursor.next() {
                rows.append(row.copy())
                seen.insert(row["salvagedRowID"])
            }
            return rows
        } catch {
            // A damaged page: fall through to reading rowid by rowid.
        }
        var largest = seen.max() ?? 0
        if let value = try? Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)") { largest = max(largest, value) }
        if let value = try? Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) {
            largest = max(largest, value)
        }
        // The largest rowid may itself be on the damaged page: look a little past what was seen.
        largest = min(max(largest, (seen.max() ?? 0) + 1_000), probeLimit)
        guard largest > 0 else { return rows }
        for rowid in 1...largest where !seen.contains(rowid) {
            if let row = try? Row.fetchOne(db, sql: "SELECT rowid AS salvagedRowID, * FROM \(table) WHERE rowid = ?",
                                           arguments: [rowid]) {
                rows.append(row)
            }
        }
        return rows
    }

    func count(_ table: String) -> Int { tables.first { $0.name == table }?.rows.count ?? 0 }

    /// "3 notes, 1 highlight, 0 bookmarks"
    var summary: String {
        func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(counted(count("note"), "note")), \(counted(count("highlight"), "highlight")), \(counted(count("bookmark"), "bookmark"))"
    }

    /// Inserts the salvaged rows, each on its own so that one unreadable row costs only itself.
    /// A note whose article row was lost gets a placeholder article, so the note is kept.
    func copy(into writer: any DatabaseWriter) {
        try? writer.write { db in
            for (table, rows) in tables {
                for row in rows {
                    let columns = row.columnNames.filter { $0 != "salvagedRowID" }
                    let values = columns.map { row[$0] as DatabaseValue }
                    if table != "article", let articleID: String = row["articleID"] {
                        try? db.execute(sql: "INSERT OR IGNORE INTO article (id, title, firstSeen, lastOpened) VALUES (?, ?, 0, 0)",
                                        arguments: [articleID, "(recovered from a damaged database)"])
                    }
                    let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                    let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
                    try? db.execute(sql: "INSERT OR IGNORE INTO \(table) (\(names)) VALUES (\(marks))",
                                    arguments: StatementArguments(values))
                }
            }
        }
    }

    /// SQLite files begin with these 16 bytes; a file without them is not a damaged database but
    /// something else, and is never moved.
    static func hasSQLiteHeader(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\u{0}".utf8)
    }

    /// UTC, sortable, safe in a file name: 20261205T071500Z.
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
