import DossierCore
import DossierStore

/// One self-contained HTML file (inline CSS, no scripts, no external resources): the article
/// with quotes, numbers, entity mentions and the reader's highlights marked, and the reader's
/// notes beside the paragraph they belong to. All article and note text is escaped.
public enum HTMLExporter {
    public static func render(_ exports: [ArticleExport], palette: HTMLPalette = .builtIn) -> String {
        var out = head(titles: exports.map(title(of:)), palette: palette)
        for (n, export) in exports.enumerated() {
            out += article(export, number: n + 1)
        }
        return out + footer
    }

    /// `render` as the articles come (`Exporter.stream`): each article is rendered when it comes,
    /// into a temporary file, and written after the head, which needs every article's title.
    public struct Stream: ExportStream {
        let palette: HTMLPalette
        private var titles: [String] = []
        private var spool: ExportSpool?
        public var count: Int { titles.count }

        public init(palette: HTMLPalette = .builtIn) { self.palette = palette }

        public mutating func add(_ export: ArticleExport,
                                 write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
            titles.append(title(of: export))
            if spool == nil { spool = ExportSpool() }
            try spool?.append(article(export, number: titles.count))
        }

        public mutating func finish(write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
            guard let spool else { return }
            try write(head(titles: titles, palette: palette))
            try spool.drain(into: write)
            try write(footer)
            self.spool = nil
        }
    }

    private static func title(of export: ArticleExport) -> String { export.annotated.article.titleString ?? "Untitled" }

    /// Everything before the first article: the page's title and style, and for a briefing the
    /// list of its articles.
    private static func head(titles: [String], palette: HTMLPalette) -> String {
        let title = titles.count == 1 ? titles[0] : "Briefing: \(titles.count) articles"
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"dossier\">\n"
        out += "<title>\(escape(title))</title>\n<style>\n\(styleSheet(palette))</style>\n</head>\n<body>\n<main>\n"
        if titles.count > 1 {
            out += "<nav class=\"toc\"><h1>\(escape(title))</h1><ol>\n"
            for (n, articleTitle) in titles.enumerated() {
                out += "<li><a href=\"#article-\(n + 1)\">\(escape(articleTitle))</a></li>\n"
            }
            out += "</ol></nav>\n"
        }
        return out
    }

    private static let footer = "</main>\n</body>\n</html>\n"

    // MARK: - One article

    private struct Marks: OptionSet {
        let rawValue: UInt16
        static let highlight = Marks(rawValue: 1 << 0)
        static let noted = Marks(rawValue: 1 << 1)
        static let quote = Marks(rawValue: 1 << 2)
        static let number = Marks(rawValue: 1 << 3)
        static func entity(_ kind: EntityKind) -> Marks {
            Marks(rawValue: 1 << (4 + UInt16(EntityKind.allCases.firstIndex(of: kind)!)))
        }

        var classes: [String] {
            var names: [String] = []
            if contains(.highlight) { names.append("hl") }
            if contains(.noted) { names.append("noted") }
            if contains(.quote) { names.append("quote") }
            if contains(.number) { names.append("num") }
            for kind in EntityKind.allCases where contains(.entity(kind)) { names.append("ent \(kind.rawValue)") }
            return names
        }
    }

    private static func article(_ export: ArticleExport, number: Int) -> String {
        let text = export.text
        let index = ArticleIndex(export.annotated)
        let annotated = export.annotated
        let prefix = "a\(number)-"

        // One mark set per code point: spans overlap freely (a highlight across a quote and a name).
        var marks = [Marks](repeating: [], count: text.count)
        func mark(_ span: Span, _ value: Marks) {
            let start = max(0, span.start), end = min(text.count, span.end)
            if start < end { for i in start..<end { marks[i].insert(value) } }
        }
        for entity in annotated.entities { for mention in entity.mentions { mark(mention, .entity(entity.kind)) } }
        for numberMention in annotated.numbers { mark(numberMention.span, .number) }
        for quote in annotated.quotes { mark(quote.span, .quote) }
        for highlight in export.highlights where !highlight.isOrphaned { mark(highlight.anchor.span, .highlight) }
        var markers: [Int: [Int]] = [:]
        var notesByParagraph: [Int: [(Int, Note)]] = [:]
        let paragraphs = annotated.article.paragraphs
        for (n, note) in export.notes.enumerated() where !note.isOrphaned {
            mark(note.anchor.span, .noted)
            markers[note.anchor.end, default: []].append(n + 1)
            var paragraph = paragraphs.firstIndex { $0.span.contains(note.anchor.start) || $0.span.start >= note.anchor.start }
                ?? max(0, paragraphs.count - 1)
            // The title is shown in the header, not as a row: its notes go beside the first row.
            while paragraph + 1 < paragraphs.count && paragraphs[paragraph].role == .title { paragraph += 1 }
            notesByParagraph[paragraph, default: []].append((n + 1, note))
        }

        // Without notes there is nothing for the side column: the text takes the whole width.
        let layout = export.notes.isEmpty ? " class=\"no-notes\"" : ""
        var out = "<article id=\"article-\(number)\"\(layout)>\n<header>\n<h1>\(escape(index.title))</h1>\n<p class=\"meta\">"
        var meta: [String] = []
        if let source = annotated.source { meta.append("Source: <code>\(escape(source))</code>") }
        meta.append("Read \(escape(DateText.day(export.dateRead)))")
        meta.append("\(export.notes.count) note\(export.notes.count == 1 ? "" : "s"), \(export.highlights.count) highlight\(export.highlights.count == 1 ? "" : "s"), "
                    + "\(export.bookmarks.count) bookmark\(export.bookmarks.count == 1 ? "" : "s")")
        out += meta.joined(separator: " · ") + "</p>\n"
        if !annotated.actors.isEmpty {
            out += "<p class=\"actors\">Actors: " + annotated.actors.prefix(12).map {
                "<span class=\"ent \($0.kind.rawValue)\">\(escape($0.name))</span> <small>(\($0.claimCount))</small>"
            }.joined(separator: ", ") + "</p>\n"
        }
        out += "</header>\n"

        for (p, paragraph) in paragraphs.enumerated() {
            if paragraph.role == .title { continue }
            let tag: String
            switch paragraph.role {
            case .heading: tag = "h2"
            case .standfirst: tag = "p class=\"standfirst\""
            case .dateline: tag = "p class=\"dateline\""
            default: tag = "p"
            }
            let closing = String(tag.prefix { $0 != " " })
            out += "<section class=\"row\">\n<div class=\"text\"><\(tag)>"
            out += runs(of: paragraph.span, text: text, marks: marks, markers: markers, idPrefix: prefix)
            out += "</\(closing)></div>\n"
            if let notes = notesByParagraph[p] {
                out += "<aside class=\"notes\">\n"
                for (n, note) in notes { out += noteCard(note, number: n, idPrefix: prefix) }
                out += "</aside>\n"
            }
            out += "</section>\n"
        }
        if !export.bookmarks.isEmpty {
            out += "<section class=\"bookmarks\">\n<h2>Bookmarks</h2>\n<ul>\n"
            for bookmark in export.bookmarks {
                out += "<li>\(escape(bookmark.anchor.exact))…\(bookmark.isOrphaned ? " <small>(no longer in the article)</small>" : "")</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        let orphans = export.notes.enumerated().filter { $0.element.isOrphaned }
        let orphanHighlights = export.highlights.filter(\.isOrphaned)
        if !orphans.isEmpty || !orphanHighlights.isEmpty {
            out += "<section class=\"orphans\">\n<h2>Orphaned (the passage is no longer in the article)</h2>\n"
            for (n, note) in orphans { out += noteCard(note, number: n + 1, idPrefix: prefix) }
            for highlight in orphanHighlights {
                out += "<div class=\"note\"><blockquote>\(escape(highlight.anchor.exact))</blockquote><p class=\"when\">highlight</p></div>\n"
            }
            out += "</section>\n"
        }
        out += "</article>\n"
        return out
    }

    private static func noteCard(_ note: Note, number: Int, idPrefix: String) -> String {
        var out = "<div class=\"note\" id=\"\(idPrefix)note-\(number)\">"
        out += "<p class=\"label\"><a href=\"#\(idPrefix)ref-\(number)\">\(number)</a></p>"
        out += "<blockquote>\(escape(excerpt(note.anchor.exact)))</blockquote>"
        out += "<p class=\"body\">" + escape(NoteText.clean(note.body)).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        out += "<p class=\"when\">\(escape(DateText.minute(note.updated)))</p></div>\n"
        return out
    }

    /// The paragraph as runs of equally marked text, with note markers where notes end.
    private static func runs(of span: Span, text: ArticleText, marks: [Marks], markers: [Int: [Int]], idPrefix: String) -> String {
        var out = ""
        var runStart = span.start
        var i = span.start
        func flush(upTo end: Int) {
            guard runStart < end else { return }
            let piece = escape(text.slice(Span(runStart, end)))
            let classes = marks[runStart].classes
            out += classes.isEmpty ? piece : "<span class=\"\(classes.joined(separator: " "))\">\(piece)</span>"
            runStart = end
        }
        while i < span.end {
            if i > span.start && (marks[i] != marks[i - 1] || markers[i] != nil) {
                flush(upTo: i)
            }
            if let numbers = markers[i], i > span.start {
                for n in numbers { out += "<sup class=\"marker\" id=\"\(idPrefix)ref-\(n)\"><a href=\"#\(idPrefix)note-\(n)\">\(n)</a></sup>" }
            }
            i += 1
        }
        flush(upTo: span.end)
        if let numbers = markers[span.end] {
            for n in numbers { out += "<sup class=\"marker\" id=\"\(idPrefix)ref-\(n)\"><a href=\"#\(idPrefix)note-\(n)\">\(n)</a></sup>" }
        }
        return out
    }

    private static func excerpt(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        if scalars.count <= 160 { return s }
        return String(String.UnicodeScalarView(scalars[0..<150])) + "…"
    }

    /// HTML text and attribute escaping; control characters (other than newline and tab) and bidi overrides are dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                // Bidi overrides could reorder what a colleague sees; ingest removes them, this is the second guard.
                if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func styleSheet(_ palette: HTMLPalette) -> String {
        let c = HTMLPalette.cssSafe
        return """
        :root { color-scheme: light; }
        body { margin: 0; background: \(c(palette.background)); color: \(c(palette.text));
               font: 17px/1.6 Georgia, "Times New Roman", serif; }
        main { max-width: 68rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        header h1, nav h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .5rem; }
        .meta, .actors, .when, .dateline { color: \(c(palette.muted)); font: 14px/1.5 system-ui, sans-serif; }
        article { border-bottom: 1px solid \(c(palette.rule)); margin-bottom: 3rem; padding-bottom: 2rem; }
        .row { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 2rem; align-items: start; }
        .text h2 { font-size: 1.3rem; margin: 1.5rem 0 .25rem; }
        .standfirst { font-style: italic; font-size: 1.1rem; }
        .hl { background: \(c(palette.highlight)); }
        .noted { text-decoration: underline dotted \(c(palette.noteBorder)); text-underline-offset: 3px; }
        .quote { color: \(c(palette.quote)); }
        .num { color: \(c(palette.number)); font-weight: 600; }
        .ent { font-weight: 600; }
        .ent.person { color: \(c(palette.person)); }
        .ent.organization { color: \(c(palette.organization)); }
        .ent.place { color: \(c(palette.place)); }
        .ent.group { color: \(c(palette.group)); }
        .ent.event { color: \(c(palette.event)); }
        .marker a { color: \(c(palette.noteBorder)); text-decoration: none; font: 700 12px system-ui, sans-serif; }
        .notes { font: 14px/1.5 system-ui, sans-serif; }
        .note { background: \(c(palette.note)); border-left: 3px solid \(c(palette.noteBorder));
                padding: .5rem .75rem; margin: 1rem 0; border-radius: 3px; }
        .note blockquote { margin: 0 0 .4rem; color: \(c(palette.muted)); font-style: italic; }
        .note .label { margin: 0; font-weight: 700; }
        .note .label a { color: \(c(palette.noteBorder)); text-decoration: none; }
        .note .body { margin: 0 0 .25rem; white-space: normal; }
        .note .when { margin: 0; font-size: 12px; }
        .orphans { font: 14px/1.5 system-ui, sans-serif; }
        .no-notes .row { grid-template-columns: minmax(0, 1fr); max-width: 44rem; }
        @media (max-width: 48rem) { .row { grid-template-columns: 1fr; gap: 0; } }
        @media print { .row { grid-template-columns: minmax(0, 1fr) 14rem; } }

        """
    }
}
