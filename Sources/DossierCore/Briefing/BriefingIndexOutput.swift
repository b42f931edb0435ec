/// What `dossier index` prints: the briefing's entity index as one JSON object or as text.
public enum BriefingIndexOutput {
    /// Articles, then entities in order of first appearance, each with its aliases, per-article
    /// mention count and first mention (offsets into that article's `text`), and its claims.
    public static func json(_ index: BriefingIndex) -> JSONValue {
        let values = Values(index)
        return .object([("articles", values.articles()), ("actors", values.actors()),
                        ("entities", .array(index.entities.indices.map(values.entity)))])
    }

    /// `json(index)`, written to `sink` an entity at a time: a feed's index is never one value in
    /// memory (its JSON is about 1.7 times the feed).
    public static func writeJSON(_ index: BriefingIndex, to sink: inout ByteSink, pretty: Bool) {
        let values = Values(index)
        let keys = ["articles", "actors", "entities"]
        JSONValue.writeObject(count: keys.count, to: &sink, pretty: pretty, indent: 0, key: { keys[$0] }) { member, out in
            switch member {
            case 0: values.articles().write(to: &out, pretty: pretty, indent: 1)
            case 1: values.actors().write(to: &out, pretty: pretty, indent: 1)
            default:
                JSONValue.writeArray(count: index.entities.count, to: &out, pretty: pretty, indent: 1) { position, out in
                    values.entity(position).write(to: &out, pretty: pretty, indent: 2)
                }
            }
        }
    }

    /// The parts of the JSON, each made when asked for.
    private struct Values {
        let index: BriefingIndex
        let claimsOfEntity: [[BriefingClaim]]
        let concordance = Concordance()

        init(_ index: BriefingIndex) {
            self.index = index
            claimsOfEntity = index.claimsOfEveryEntity()
        }

        func articles() -> JSONValue {
            .array(index.articles.enumerated().map { number, article in
                .object([("article", .int(number)), ("source", JSONValue(article.source)),
                         ("title", JSONValue(article.article.titleString)),
                         ("entities", .int(article.entities.count))])
            })
        }

        func actors() -> JSONValue {
            .array(index.actors(claimsOfEntity: claimsOfEntity).map { actor in
                .object([("entity", .string(actor.entity)), ("name", .string(actor.name)), ("kind", .string(actor.kind.rawValue)),
                         ("article_count", .int(actor.articleCount)), ("mentions", .int(actor.mentionCount)),
                         ("claims", .int(actor.claimCount)), ("salience", .double(actor.salience))])
            })
        }

        func entity(_ position: Int) -> JSONValue {
            let entity = index.entities[position]
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
    }

    /// A readable summary: the articles, then entities found in several articles first.
    public static func text(_ index: BriefingIndex) -> String {
        var sink = ByteSink()
        writeText(index, to: &sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// `text(index)`, written to `sink` a line at a time.
    public static func writeText(_ index: BriefingIndex, to sink: inout ByteSink) {
        let concordance = Concordance()
        let shared = index.entities.filter { $0.articleCount > 1 }.count
        func line(_ text: String) {
            sink.append(contentsOf: text)
            sink.append(UInt8(ascii: "\n"))
        }
        line("Briefing: \(index.articles.count) articles, \(index.entities.count) entities (\(shared) in more than one article)")
        for (number, article) in index.articles.enumerated() {
            line("  [\(number + 1)] \(article.article.titleString ?? "(untitled)")\(article.source.map { " — \(PrintableName.of($0))" } ?? "")")
        }
        let claimsOfEntity = index.claimsOfEveryEntity()
        let actors = index.actors(claimsOfEntity: claimsOfEntity)
        line("")
        line("Actors (\(actors.count))")
        for actor in actors {
            line("  \(actor.name) [\(actor.kind.rawValue)] — \(plural(actor.articleCount, "article")), \(plural(actor.mentionCount, "mention")), \(plural(actor.claimCount, "claim"))")
        }
        line("")
        line("Entities")
        for entity in index.ranked {
            let others = entity.aliases.filter { $0 != entity.name }
            let also = others.isEmpty ? "" : "; also \(others.joined(separator: ", "))"
            line("  \(entity.name) [\(entity.kind.rawValue)] — \(plural(entity.articleCount, "article")), \(plural(entity.mentionCount, "mention"))\(also)")
            for occurrence in entity.occurrences {
                guard let first = occurrence.firstMention else { continue }
                let context = concordance.line(for: first, in: index.articles[occurrence.article].text, article: occurrence.article).line
                line("    [\(occurrence.article + 1)] \(plural(occurrence.mentionCount, "mention")), first: \(context)")
            }
            for item in index.position(of: entity).map({ claimsOfEntity[$0] }) ?? [] {
                let cue = item.claim.cue.map { " \($0)" } ?? ""
                let claimText = SummaryText.elide(index.articles[item.article].text.slice(item.claim.span), to: 140)
                line("    claim [\(item.article + 1)]\(cue): \(claimText)")
            }
        }
    }


    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
