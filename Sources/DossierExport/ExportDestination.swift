/// Default output names for an export, for the reader's `e` prompt.
public enum ExportDestination {
    /// Beside the article: `folder/article.notes.md`; standard input and feeds give
    /// `dossier-notes.md` in the current folder; several articles give `briefing.notes.md`.
    public static func defaultPath(for sources: [String?], format: ExportFormat) -> String {
        let suffix = ".notes." + format.fileExtension
        guard sources.count == 1, var source = sources[0], source != "-" else {
            return (sources.count > 1 ? "briefing" : "dossier-notes") + suffix
        }
        // "feed.jsonl:3" names a line of a feed: keep the line in the name.
        var line = ""
        if let colon = source.lastIndex(of: ":"), Int(source[source.index(after: colon)...]) != nil {
            line = "-" + String(source[source.index(after: colon)...])
            source = String(source[..<colon])
        }
        let slash = source.lastIndex(of: "/")
        let folder = slash.map { String(source[...$0]) } ?? ""
        var name = slash.map { String(source[source.index(after: $0)...]) } ?? source
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        name += line
        return folder + name + suffix
    }
}
