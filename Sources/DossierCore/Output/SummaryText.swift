/// The default, human-readable `dossier annotate` output: what a person wants to see at a glance.
public enum SummaryText {
    public static func render(_ annotated: AnnotatedArticle) -> String {
        let text = annotated.text
        var lines: [String] = []
        let names = Dictionary(uniqueKeysWithValues: annotated.entities.map { ($0.id, $0.name) })
        lines.append(annotated.article.titleString ?? "(untitled)")
        if let source = annotated.source { lines.append("source: \(PrintableName.of(source))") }
        lines.append("")
        let headings = annotated.article.sections.compactMap(\.heading)
        if !headings.isEmpty {
            lines.append("Sections (\(headings.count))")
            for heading in headings { lines.append("  \(heading)") }
            lines.append("")
        }
        lines.append("Actors (\(annotated.actors.count))")
        for actor in annotated.actors {
            lines.append("  \(actor.name) [\(actor.kind.rawValue)] — \(actor.mentionCount) mentions, \(actor.claimCount) claims")
        }
        lines.append("")
        lines.append("Claims (\(annotated.claims.count))")
        for claim in annotated.claims {
            let who = claim.actor.flatMap { names[$0] ?? $0 } ?? "the article"
            let cue = claim.cue.map { " \($0)" } ?? ""
            lines.append("  \(who)\(cue): \(elide(text.slice(claim.span), to: 160))")
        }
        lines.append("")
        lines.append("Figures (\(annotated.numbers.count))")
        for number in annotated.numbers {
            lines.append("  \(text.slice(number.span)) [\(number.kind.rawValue)\(number.value.map { " = \($0)" } ?? "")]")
        }
        if !annotated.article.removed.isEmpty {
            lines.append("")
            lines.append("Removed as page chrome (\(annotated.article.removed.count))")
            for block in annotated.article.removed {
                lines.append("  [\(block.reason)] \(elide(block.text, to: 80))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Collapses whitespace and cuts long text with an ellipsis, so one item stays one line.
    public static func elide(_ s: String, to limit: Int) -> String {
        let flat = s.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }
}
