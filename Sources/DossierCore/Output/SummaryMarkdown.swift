/// `dossier annotate --format markdown`: the summary as a Markdown document.
public enum SummaryMarkdown {
    public static func render(_ annotated: AnnotatedArticle) -> String {
        let text = annotated.text
        let names = Dictionary(uniqueKeysWithValues: annotated.entities.map { ($0.id, $0.name) })
        var out = "# \(MarkdownEscaping.inline(annotated.article.titleString ?? "Untitled"))\n\n"
        if let source = annotated.source { out += "Source: `\(PrintableName.of(source))`\n\n" }
        let headings = annotated.article.sections.compactMap(\.heading)
        if !headings.isEmpty {
            out += "## Sections\n\n" + headings.map { "- \(MarkdownEscaping.inline($0))\n" }.joined() + "\n"
        }
        out += "## Actors\n\n"
        for actor in annotated.actors {
            out += "- **\(MarkdownEscaping.inline(actor.name))** (\(actor.kind.rawValue)): \(actor.mentionCount) mentions, \(actor.claimCount) claims\n"
        }
        out += "\n## Claims\n\n"
        for claim in annotated.claims {
            let who = claim.actor.flatMap { names[$0] ?? $0 } ?? "The article"
            out += "- **\(MarkdownEscaping.inline(who))**\(claim.cue.map { " _\($0)_" } ?? ""):\n"
            out += MarkdownEscaping.blockquote(text.slice(claim.span), indent: "  ") + "\n"
        }
        out += "\n## Figures\n\n"
        for number in annotated.numbers {
            out += "- \(MarkdownEscaping.inline(text.slice(number.span))) — \(number.kind.rawValue)\n"
        }
        return out
    }
}

/// Makes article text safe inside Markdown: no accidental emphasis, links, headings or HTML.
public enum MarkdownEscaping {
    public static func inline(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|":
                out += "\\"
                out.unicodeScalars.append(ch)
            case "\n", "\t":
                out += " "
            default:
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Each line of the text as a `>` blockquote line.
    public static func blockquote(_ s: String, indent: String = "") -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { indent + "> " + inline(String($0)) }
            .joined(separator: "\n")
    }
}
