import DossierCore
import DossierStore
import Foundation

/// Markdown for note-taking tools (Obsidian, Logseq): YAML front matter, the actors with their
/// claims and evidence, key figures with their sentences, an entity index, and the reader's
/// highlights and notes in reading order. Several articles make one briefing document.
public enum MarkdownExporter {
    public static func render(_ export: ArticleExport) -> String {
        let index = ArticleIndex(export.annotated)
        var out = frontMatter([
            ("title", .scalar(index.title)),
            ("source", .scalar(export.annotated.source ?? "")),
            ("date_read", .raw(DateText.day(export.dateRead))),
            ("actors", .list(export.annotated.actors.map(\.name))),
            ("tags", .list(["dossier"])),
        ])
        out += "# \(MarkdownEscaping.inline(index.title))\n\n"
        out += body(export, index: index, level: 2)
        return out
    }

    /// One document for several articles: a briefing-wide summary of actors and claims, then a section per article.
    public static func renderBriefing(_ exports: [ArticleExport]) -> String {
        if exports.count == 1 { return render(exports[0]) }
        var out = briefingHead(exports.map(BriefingArticle.init))
        for export in exports { out += briefingSection(export) }
        return out
    }

    /// Everything before the first article's section: the front matter, the list of articles, and
    /// the actors and claims across them.
    private static func briefingHead(_ articles: [BriefingArticle]) -> String {
        let summary = BriefingSummary(articles)
        var out = frontMatter([
            ("title", .scalar("Briefing: \(articles.count) articles")),
            ("sources", .list(articles.map { $0.source ?? "" })),
            ("date_read", .raw(DateText.day(articles.map(\.dateRead).max() ?? Date()))),
            ("actors", .list(summary.actors.map(\.name))),
            ("tags", .list(["dossier", "briefing"])),
        ])
        out += "# Briefing: \(articles.count) articles\n\n"
        for article in articles {
            out += "- \(MarkdownEscaping.inline(article.title))\(article.source.map { " (`\(codeSafe($0))`)" } ?? "")\n"
        }
        out += "\n## Actors and claims across the briefing\n\n"
        if summary.actors.isEmpty { out += "_No actors found._\n\n" }
        for actor in summary.actors {
            out += "### \(MarkdownEscaping.inline(actor.name))\n\n"
            out += "_\(actor.kind.rawValue) · \(plural(actor.mentions, "mention")) · \(plural(actor.claims.count, "claim")) · in \(plural(actor.articles.count, "article"))_\n\n"
            for claim in actor.claims {
                let article = articles[claim.article]
                out += "- \(claimLabel(claim.claim)) — _\(MarkdownEscaping.inline(article.title))_\n"
                out += MarkdownEscaping.blockquote(article.text(of: claim.claim), indent: "  ") + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// One article's section of a briefing.
    private static func briefingSection(_ export: ArticleExport) -> String {
        let index = ArticleIndex(export.annotated)
        var out = "## \(MarkdownEscaping.inline(index.title))\n\n"
        if let source = export.annotated.source { out += "Source: `\(codeSafe(source))` · read \(DateText.day(export.dateRead))\n\n" }
        return out + body(export, index: index, level: 3)
    }

    /// `render` of one article or `renderBriefing` of several, as the articles come
    /// (`Exporter.stream`). The first article is held until a second comes (one article is a
    /// document of its own); then each is rendered as it comes into a temporary file, and written
    /// after the head, which needs every article's title and the actors across them.
    public struct Stream: ExportStream {
        private var held: ArticleExport?
        private var articles: [BriefingArticle] = []
        private var spool: ExportSpool?
        public var count: Int { articles.count }

        public init() {}

        public mutating func add(_ export: ArticleExport,
                                 write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
            articles.append(BriefingArticle(export))
            if articles.count == 1 { held = export; return }
            if spool == nil { spool = ExportSpool() }
            if let first = held {
                held = nil
                try spool?.append(briefingSection(first))
            }
            try spool?.append(briefingSection(export))
        }

        public mutating func finish(write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
            if let only = held {
                held = nil
                return try write(render(only))
            }
            guard let spool else { return }
            self.spool = nil
            try write(briefingHead(articles))
            try spool.drain(into: write)
        }
    }

    // MARK: - The body of one article

    private static func body(_ export: ArticleExport, index: ArticleIndex, level: Int) -> String {
        let h = String(repeating: "#", count: level)
        let text = export.text
        let annotated = export.annotated
        var out = ""

        out += "\(h) Actors and their claims\n\n"
        var claimsByActor: [String: [Claim]] = [:]
        var unattributed: [Claim] = []
        for claim in annotated.claims {
            if let actor = claim.actor { claimsByActor[actor, default: []].append(claim) }
            else if claim.kind != .figure { unattributed.append(claim) }
        }
        var listed = Set<String>()
        if annotated.actors.isEmpty && claimsByActor.isEmpty && unattributed.isEmpty { out += "_No actors found._\n\n" }
        for actor in annotated.actors {
            listed.insert(actor.entity)
            out += "\(h)# \(MarkdownEscaping.inline(actor.name))\n\n"
            out += "_\(actor.kind.rawValue) · \(plural(actor.mentionCount, "mention")) · \(plural(actor.claimCount, "claim"))_\n\n"
            out += claimList(claimsByActor[actor.entity] ?? [], text: text)
        }
        // Claims by entities the ranker did not list as actors still deserve their evidence.
        for (entityID, claims) in claimsByActor.sorted(by: { $0.value[0].span < $1.value[0].span }) where !listed.contains(entityID) {
            out += "\(h)# \(MarkdownEscaping.inline(index.name(of: entityID) ?? entityID))\n\n"
            out += claimList(claims, text: text)
        }
        if !unattributed.isEmpty {
            out += "\(h)# Unattributed\n\n" + claimList(unattributed, text: text)
        }

        out += "\(h) Key figures\n\n"
        let figures = annotated.numbers.filter { ![.date, .year, .time, .ordinal].contains($0.kind) }
        if figures.isEmpty { out += "_No figures found._\n\n" }
        var figuresBySentence: [(sentence: Span, numbers: [NumberMention])] = []
        for number in figures.sorted(by: { $0.span < $1.span }) {
            let sentence = index.sentence(containing: number.span.start) ?? number.span
            if let last = figuresBySentence.last, last.sentence == sentence {
                figuresBySentence[figuresBySentence.count - 1].numbers.append(number)
            } else {
                figuresBySentence.append((sentence, [number]))
            }
        }
        for group in figuresBySentence {
            let labels = group.numbers.map { "**\(MarkdownEscaping.inline(text.slice($0.span)))** (\($0.kind.rawValue))" }
            out += "- " + labels.joined(separator: ", ") + "\n"
            out += MarkdownEscaping.blockquote(text.slice(group.sentence), indent: "  ") + "\n"
        }
        if !figuresBySentence.isEmpty { out += "\n" }

        out += "\(h) Entity index\n\n"
        if annotated.entities.isEmpty {
            out += "_No entities found._\n\n"
        } else {
            out += "| Entity | Kind | Mentions | Sections |\n| --- | --- | ---: | --- |\n"
            let entities = annotated.entities.sorted {
                $0.mentions.count != $1.mentions.count ? $0.mentions.count > $1.mentions.count : $0.name < $1.name
            }
            for entity in entities {
                var seen = Set<Int>()
                var sections: [String] = []
                for mention in entity.mentions {
                    if let section = index.sectionIndex(containing: mention.start), seen.insert(section).inserted {
                        sections.append(MarkdownEscaping.inline(index.sectionName(section)))
                    }
                }
                out += "| \(MarkdownEscaping.inline(entity.name)) | \(entity.kind.rawValue) | \(entity.mentions.count) | \(sections.joined(separator: "; ")) |\n"
            }
            out += "\n"
        }

        out += "\(h) Highlights and notes\n\n"
        let items = ReadingOrder.items(export)
        if items.isEmpty { out += "_No highlights or notes._\n\n" }
        var wroteOrphanHeading = false
        for item in items {
            if item.isOrphaned && !wroteOrphanHeading {
                out += "\(h)# Orphaned (the passage is no longer in the article)\n\n"
                wroteOrphanHeading = true
            }
            let section = item.isOrphaned ? nil : index.sectionIndex(containing: item.anchor.start).map(index.sectionName)
            switch item.kind {
            case .highlight(let highlight):
                let entity = index.name(of: highlight.entityID).map { " of \(MarkdownEscaping.inline($0))" } ?? ""
                out += "- **Highlight**\(entity)\(section.map { " — \(MarkdownEscaping.inline($0))" } ?? "")\n"
                out += MarkdownEscaping.blockquote(item.anchor.exact, indent: "  ") + "\n"
            case .note(let note):
                out += "- **Note**\(section.map { " — \(MarkdownEscaping.inline($0))" } ?? "") (\(DateText.minute(note.updated)))\n"
                out += MarkdownEscaping.blockquote(item.anchor.exact, indent: "  ") + "\n\n"
                // Escaped like the article's text: a note is plain text, and markup in it (<script>,
                // [[links]], ---, %%comments%%, ==marks==) must not act in the note-taking tool.
                for line in NoteText.clean(note.body).split(separator: "\n", omittingEmptySubsequences: false) {
                    out += line.isEmpty ? "\n" : "  \(noteLine(String(line)))\n"
                }
            }
            out += "\n"
        }
        if !export.bookmarks.isEmpty {
            out += "\(h) Bookmarks\n\n"
            for bookmark in export.bookmarks {
                let section = bookmark.isOrphaned ? "no longer in the article" : index.sectionIndex(containing: bookmark.anchor.start).map(index.sectionName) ?? ""
                out += "- \(MarkdownEscaping.inline(section)): “\(MarkdownEscaping.inline(bookmark.anchor.exact))…”\n"
            }
            out += "\n"
        }
        return out
    }

    private static func claimList(_ claims: [Claim], text: ArticleText) -> String {
        if claims.isEmpty { return "" }
        var out = ""
        for claim in claims {
            out += "- \(claimLabel(claim))\n"
            out += MarkdownEscaping.blockquote(text.slice(claim.span), indent: "  ") + "\n"
        }
        return out + "\n"
    }

    private static func claimLabel(_ claim: Claim) -> String {
        let cue = claim.cue.map { " _\(MarkdownEscaping.inline($0))_" } ?? ""
        return "\(claim.kind.rawValue)\(cue):"
    }

    /// One line of a note as literal text: `MarkdownEscaping.inline`, plus the marks Obsidian and
    /// Logseq add (`%%` comments, `==` highlights, `~~`, `$` math, `^` block ids, `{{` macros) and a
    /// line start that would open a list, a heading underline or a rule (`-`, `+`, `=`, `1.`).
    static func noteLine(_ line: String) -> String {
        var out = ""
        for scalar in MarkdownEscaping.inline(line).unicodeScalars {
            if "%=~$^{}".unicodeScalars.contains(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        let trimmed = out.drop { $0 == " " }
        let indent = out.prefix(out.count - trimmed.count)
        if let first = trimmed.first, "-+".contains(first) { return indent + "\\" + trimmed }
        if let dot = trimmed.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != trimmed.startIndex,
           [".", ")"].contains(trimmed[dot]) {
            return indent + trimmed[..<dot] + "\\" + trimmed[dot...]
        }
        return out
    }

    private static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    private static func codeSafe(_ s: String) -> String {
        String(String.UnicodeScalarView(NoteText.clean(s).unicodeScalars.filter { $0 != "`" && $0 != "\n" }))
    }

    // MARK: - YAML front matter

    /// `raw` is for values that are safe unquoted and typed by YAML (an ISO date).
    enum YAMLValue { case scalar(String), raw(String), list([String]) }

    static func frontMatter(_ fields: [(String, YAMLValue)]) -> String {
        var out = "---\n"
        for (key, value) in fields {
            switch value {
            case .scalar(let s): out += "\(key): \(yamlQuoted(s))\n"
            case .raw(let s): out += "\(key): \(s)\n"
            case .list(let items):
                if items.isEmpty { out += "\(key): []\n"; continue }
                out += "\(key):\n" + items.map { "  - \(yamlQuoted($0))\n" }.joined()
            }
        }
        return out + "---\n\n"
    }

    /// A YAML double-quoted scalar: safe for any text (colons, leading dashes, quotes).
    static func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\t": out += " "
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
