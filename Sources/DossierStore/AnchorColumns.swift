import Foundation
import GRDB

/// The columns an anchor occupies in every annotation table (flat, so SQL can sort by position).
enum AnchorColumns {
    static func anchor(from row: Row) -> TextAnchor {
        TextAnchor(exact: row["exact"], prefix: row["prefix"], suffix: row["suffix"],
                   start: row["startOffset"], end: row["endOffset"])
    }

    static func encode(_ anchor: TextAnchor, to container: inout PersistenceContainer) {
        container["exact"] = anchor.exact
        container["prefix"] = anchor.prefix
        container["suffix"] = anchor.suffix
        container["startOffset"] = anchor.start
        container["endOffset"] = anchor.end
    }

    /// Column definitions shared by the annotation tables.
    static func define(in table: TableDefinition) {
        table.column("exact", .text).notNull()
        table.column("prefix", .text).notNull()
        table.column("suffix", .text).notNull()
        table.column("startOffset", .integer).notNull()
        table.column("endOffset", .integer).notNull()
    }
}

/// Timestamps are stored as integer milliseconds since 1970, so a stored date reads back equal.
public enum StoreClock {
    public static func now() -> Date { date(milliseconds: milliseconds(Date())) }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
