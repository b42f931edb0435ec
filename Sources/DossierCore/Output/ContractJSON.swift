/// The annotation contract of `../shared/eval/README.md`: what `dossier annotate --format json`
/// prints and what the JSON export extends.
public enum ContractJSON {
    public static func value(of annotated: AnnotatedArticle) -> JSONValue {
        let text = annotated.text
        let names = Dictionary(uniqueKeysWithValues: annotated.entities.map { ($0.id, $0.name) })
        var members: [(String, JSONValue)] = [
            ("text", .string(text.string)),
            ("title", JSONValue(annotated.article.titleString)),
        ]
        if let source = annotated.source { members.append(("source", .string(source))) }
        members.append(("standfirst", JSONValue(annotated.article.standfirst.map { text.utf8String($0) })))
        members.append(("sections", .array(annotated.article.sections.map { section in
            .object([("heading", JSONValue(section.heading)),
                     ("start", .int(section.span.start)), ("end", .int(section.span.end))])
        })))
        members.append(("removed", .array(annotated.article.removed.map {
            .object([("text", .string($0.text)), ("reason", .string($0.reason))])
        })))
        members.append(("entities", .array(annotated.entities.map { entity in
            .object([("id", .string(entity.id)), ("name", .string(entity.name)), ("kind", .string(entity.kind.rawValue)),
                     ("aliases", .array(entity.aliases.map { .string($0) })),
                     ("related", .array(entity.related.map { .string($0) })),
                     ("mentions", .array(entity.mentions.map { JSONValue($0) }))])
        })))
        members.append(("quotes", .array(annotated.quotes.map { quote in
            .object([("start", .int(quote.span.start)), ("end", .int(quote.span.end)),
                     ("speaker", JSONValue(quote.speaker)),
                     ("speaker_name", JSONValue(quote.speaker.flatMap { names[$0] ?? $0 })), // a source phrase names itself
                     ("cue", JSONValue(quote.cue)),
                     ("text", .string(text.utf8String(quote.content)))])
        })))
        members.append(("numbers", .array(annotated.numbers.map { number in
            .object([("start", .int(number.span.start)), ("end", .int(number.span.end)),
                     ("kind", .string(number.kind.rawValue)), ("value", JSONValue(number.value)),
                     ("text", .string(text.utf8String(number.span)))])
        })))
        members.append(("actors", .array(annotated.actors.map { actor in
            .object([("entity", .string(actor.entity)), ("name", .string(actor.name)),
                     ("kind", .string(actor.kind.rawValue)), ("mentions", .int(actor.mentionCount)),
                     ("claims", .int(actor.claimCount))])
        })))
        members.append(("claims", .array(annotated.claims.map { claim in
            .object([("actor", JSONValue(claim.actor)), ("actor_name", JSONValue(claim.actor.flatMap { names[$0] ?? $0 })),
                     ("cue", JSONValue(claim.cue)), ("kind", .string(claim.kind.rawValue)),
                     ("start", .int(claim.span.start)), ("end", .int(claim.span.end)),
                     ("text", .string(text.utf8String(claim.span)))])
        })))
        return .object(members)
    }
}
