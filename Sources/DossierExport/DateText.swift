import Foundation

/// Dates as the exports print them: ISO 8601, local day for people, UTC instants for machines.
enum DateText {
    static func day(_ date: Date) -> String { format(date, "yyyy-MM-dd", utc: false) }

    static func minute(_ date: Date) -> String { format(date, "yyyy-MM-dd HH:mm", utc: false) }

    static func instant(_ date: Date) -> String { format(date, "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", utc: true) }

    private static func format(_ date: Date, _ pattern: String, utc: Bool) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = utc ? TimeZone(identifier: "UTC") : TimeZone.current
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
