/// What `dossier index` prints: the briefing's entity index as one JSON object or as text.
public enum BriefingIndexOutput {
    /// Articles, then entities in order of first appearance, each with its aliases, per-article
    /// mention count and first mention (offsets into that article's `text`), and its claims.
    public static func json(_ index: BriefingIndex) -> JSONValue {
        let concordance = Concordance()
        let articles: [JSONValue] = index.articles.enumerated().map { number, article in
            .object([("article", .int(number)), ("source", JSONValue(article.source)),
                     ("title", JSONValue(article.article.titleString)),
                     ("entities", .int(article.entities.count))])
        }
        let claimsOfEntity = index.claimsOfEveryEntity()
        let entities: [JSONValue] = index.entities.enumerated().map { position, entity in
            let occurrences: [JSONValue] = entity.occurrences.map { occurrence in
                let article = index.articles[occurrence.article]
                var members: [(String, JSONValue)] = [
                    ("article", .int(occurrence.article)), ("source", JSONValue(article.source)),
                    ("entities", .array(occurrence.entityIDs.map { .string($0) })),
                    ("mentions", .int(occurrence.mentionCount)),
                ]
                if let first = occurrence.firstMention {
                    members.append(("first", JSONValue(first)))
                    members.append(("context", .string(concordance.line(for: first, in: article.text, article: occurrence.article).line)))
                }
                return .object(members)
            }
            let claims: [JSONValue] = claimsOfEntity[position].map { item in
                let text = index.articles[item.article].text
                return .object([("article", .int(item.article)), ("kind", .string(item.claim.kind.rawValue)),
                                ("cue", JSONValue(item.claim.cue)),
                                ("start", .int(item.claim.span.start)), ("end", .int(item.claim.span.end)),
                                ("text", .string(text.slice(item.claim.span)))])
            }
            return .object([("id", .string(entity.id)), ("name", .string(entity.name)), ("kind", .string(entity.kind.rawValue)),
                             ("aliases", .array(entity.aliases.map { .string($0) })),
                             ("article_count", .int(entity.articleCount)), ("mentions", .int(entity.mentionCount)),
                             ("articles", .array(occurrences)), ("claims", .array(claims))])
        }
        let actors: [JSONValue] = index.actors(claimsOfEntity: claimsOfEntity).map { actor in
            .object([("entity", .string(actor.entity)), ("name", .string(actor.name)), ("kind", .string(actor.kind.rawValue)),
                     ("article_count", .int(actor.articleCount)), ("mentions", .int(actor.mentionCount)),
                     ("claims", .int(actor.claimCount)), ("salience", .double(actor.salience))])
        }
        return .object([("articles", .array(articles)), ("actors", .array(actors)), ("entities", .array(entities))])
    }

    /// A readable summary: the articles, then entities found in several articles first.
    public static func text(_ index: BriefingIndex) -> String {
        let concordance = Concordance()
        let shared = index.entities.filter { $0.articleCount > 1 }.count
        var lines: [String] = []
        lines.append("Briefing: \(index.articles.count) articles, \(index.entities.count) entities (\(shared) in more than one article)")
        for (number, article) in index.articles.enumerated() {
            lines.append("  [\(number + 1)] \(article.article.titleString ?? "(untitled)")\(article.source.map { " — \(PrintableName.of($0))" } ?? "")")
        }
        let claimsOfEntity = index.claimsOfEveryEntity()
        let actors = index.actors(claimsOfEntity: claimsOfEntity)
        lines.append("")
        lines.append("Actors (\(actors.count))")
        for actor in actors {
            lines.append("  \(actor.name) [\(actor.kind.rawValue)] — \(plural(actor.articleCount, "article")), \(plural(actor.mentionCount, "mention")), \(plural(actor.claimCount, "claim"))")
        }
        lines.append("")
        lines.append("Entities")
        for entity in index.ranked {
            let others = entity.aliases.filter { $0 != entity.name }
            let also = others.isEmpty ? "" : "; also \(others.joined(separator: ", "))"
            lines.append("  \(entity.name) [\(entity.kind.rawValue)] — \(plural(entity.articleCount, "article")), \(plural(entity.mentionCount, "mention"))\(also)")
            for occurrence in entity.occurrences {
                guard let first = occurrence.firstMention else { continue }
                let context = concordance.line(for: first, in: index.articles[occurrence.article].text, article: occurrence.article).line
                lines.append("    [\(occurrence.article + 1)] \(plural(occurrence.mentionCount, "mention")), first: \(context)")
            }
            for item in index.position(of: entity).map({ claimsOfEntity[$0] }) ?? [] {
                let cue = item.claim.cue.map { " \($0)" } ?? ""
                let claimText = SummaryText.elide(index.articles[item.article].text.slice(item.claim.span), to: 140)
                lines.append("    claim [\(item.article + 1)]\(cue): \(claimText)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
