/// The annotation contract of `../shared/eval/README.md`: what `dossier annotate --format json`
/// prints and what the JSON export extends.
public enum ContractJSON {
    /// The whole contract as one value (the JSON export adds its own members to it).
    public static func value(of annotated: AnnotatedArticle) -> JSONValue {
        .object(members(of: annotated).map { key, member in
            switch member {
            case .value(let value): return (key, value)
            case .text(let scalars): return (key, .string(scalars.string))
            case .elements(let count, let element, _): return (key, .array((0..<count).map(element)))
            }
        })
    }

    /// The contract written straight into `sink`, one array element at a time: the same bytes as
    /// `value(of:).write(to:pretty:)`, without holding the whole tree (for a long article, the tree
    /// of its mentions, numbers and claims weighed many times the text).
    public static func write(_ annotated: AnnotatedArticle, to sink: inout ByteSink, pretty: Bool = false) {
        sink.append(UInt8(ascii: "{"))
        for (n, (key, member)) in members(of: annotated).enumerated() {
            if n > 0 { sink.append(UInt8(ascii: ",")) }
            if pretty { JSONValue.newline(1, to: &sink) }
            JSONValue.writeEscaped(key, to: &sink)
            sink.append(UInt8(ascii: ":"))
            if pretty { sink.append(UInt8(ascii: " ")) }
            switch member {
            case .value(let value):
                value.write(to: &sink, pretty: pretty, indent: 1)
            case .text(let scalars):
                JSONValue.writeEscaped(scalars, to: &sink)
            case .elements(let count, let element, let compact):
                if !pretty, let compact {
                    JSONValue.writeArray(count: count, to: &sink, pretty: false, indent: 1, element: compact)
                } else {
                    JSONValue.writeArray(count: count, to: &sink, pretty: pretty, indent: 1) { index, sink in
                        element(index).write(to: &sink, pretty: pretty, indent: 2)
                    }
                }
            }
            sink.drainIfFull()
        }
        if pretty { JSONValue.newline(0, to: &sink) }
        sink.append(UInt8(ascii: "}"))
    }

    /// A member of the contract: a value, or an array given by its length and how to make an element;
    /// for the most numerous elements (entities with their mentions, numbers, quotes, claims) also how to write one
    /// straight into the sink in compact form, the same bytes without a `JSONValue` tree (its small
    /// arrays, one per mention, were most of the output's allocations).
    private enum Member {
        case value(JSONValue)
        /// The article's text: written straight from its scalars (`ArticleText` keeps no `String`;
        /// a 50 MB line's would be made and held all through the output), a `String` only in a tree.
        case text(ArticleScalars)
        case elements(Int, (Int) -> JSONValue, compact: ((Int, inout ByteSink) -> Void)? = nil)
    }

    /// An entity as `{"id":…,"name":…,"kind":…,"aliases":[…],"related":[…],"mentions":[{"start":…,"end":…},…]}`.
    static func writeCompact(_ entity: Entity, to sink: inout ByteSink) {
        sink.append("{\"id\":")
        JSONValue.writeEscaped(entity.id, to: &sink)
        sink.append(",\"name\":")
        JSONValue.writeEscaped(entity.name, to: &sink)
        sink.append(",\"kind\":")
        JSONValue.writeEscaped(entity.kind.rawValue, to: &sink)
        sink.append(",\"aliases\":")
        writeCompact(entity.aliases, to: &sink)
        sink.append(",\"related\":")
        writeCompact(entity.related, to: &sink)
        sink.append(",\"mentions\":")
        JSONValue.writeArray(count: entity.mentions.count, to: &sink, pretty: false, indent: 0) { index, sink in
            sink.append("{\"start\":")
            JSONValue.writeInteger(entity.mentions[index].start, to: &sink)
            sink.append(",\"end\":")
            JSONValue.writeInteger(entity.mentions[index].end, to: &sink)
            sink.append(UInt8(ascii: "}"))
        }
        sink.append(UInt8(ascii: "}"))
    }

    /// A number as `{"start":…,"end":…,"kind":…,"value":…,"text":…}`.
    static func writeCompact(_ number: NumberMention, text: ArticleText, to sink: inout ByteSink) {
        sink.append("{\"start\":")
        JSONValue.writeInteger(number.span.start, to: &sink)
        sink.append(",\"end\":")
        JSONValue.writeInteger(number.span.end, to: &sink)
        sink.append(",\"kind\":")
        JSONValue.writeEscaped(number.kind.rawValue, to: &sink)
        sink.append(",\"value\":")
        if let value = number.value { JSONValue.writeEscaped(value, to: &sink) } else { sink.append("null") }
        sink.append(",\"text\":")
        JSONValue.writeEscaped(text.utf8String(number.span), to: &sink)
        sink.append(UInt8(ascii: "}"))
    }

    /// A quote as `{"start":…,"end":…,"speaker":…,"speaker_name":…,"cue":…,"text":…}`.
    static func writeCompact(_ quote: Quote, speakerName: String?, text: ArticleText, to sink: inout ByteSink) {
        sink.append("{\"start\":")
        JSONValue.writeInteger(quote.span.start, to: &sink)
        sink.append(",\"end\":")
        JSONValue.writeInteger(quote.span.end, to: &sink)
        sink.append(",\"speaker\":")
        writeCompact(quote.speaker, to: &sink)
        sink.append(",\"speaker_name\":")
        writeCompact(speakerName, to: &sink)
        sink.append(",\"cue\":")
        writeCompact(quote.cue, to: &sink)
        sink.append(",\"text\":")
        JSONValue.writeEscaped(text.utf8String(quote.content), to: &sink)
        sink.append(UInt8(ascii: "}"))
    }

    /// A claim as `{"actor":…,"actor_name":…,"cue":…,"kind":…,"start":…,"end":…,"text":…}`: one a
    /// sentence at most, so after the mentions the most numerous elements.
    static func writeCompact(_ claim: Claim, actorName: String?, text: ArticleText, to sink: inout ByteSink) {
        sink.append("{\"actor\":")
        writeCompact(claim.actor, to: &sink)
        sink.append(",\"actor_name\":")
        writeCompact(actorName, to: &sink)
        sink.append(",\"cue\":")
        writeCompact(claim.cue, to: &sink)
        sink.append(",\"kind\":")
        JSONValue.writeEscaped(claim.kind.rawValue, to: &sink)
        sink.append(",\"start\":")
        JSONValue.writeInteger(claim.span.start, to: &sink)
        sink.append(",\"end\":")
        JSONValue.writeInteger(claim.span.end, to: &sink)
        sink.append(",\"text\":")
        JSONValue.writeEscaped(text.utf8String(claim.span), to: &sink)
        sink.append(UInt8(ascii: "}"))
    }

    /// A string, or `null` when there is none (as `JSONValue(_: String?)` writes it).
    private static func writeCompact(_ string: String?, to sink: inout ByteSink) {
        if let string { JSONValue.writeEscaped(string, to: &sink) } else { sink.append("null") }
    }

    private static func writeCompact(_ strings: [String], to sink: inout ByteSink) {
        JSONValue.writeArray(count: strings.count, to: &sink, pretty: false, indent: 0) { index, sink in
            JSONValue.writeEscaped(strings[index], to: &sink)
        }
    }

    private static func members(of annotated: AnnotatedArticle) -> [(String, Member)] {
        let text = annotated.text
        let article = annotated.article
        let names = Dictionary(uniqueKeysWithValues: annotated.entities.map { ($0.id, $0.name) })
        var members: [(String, Member)] = [
            ("text", .text(text.scalars)),
            ("title", .value(JSONValue(article.titleString))),
        ]
        if let source = annotated.source { members.append(("source", .value(.string(source)))) }
        members.append(("standfirst", .value(JSONValue(article.standfirst.map { text.utf8String($0) }))))
        members.append(("sections", .elements(article.sections.count) { index in
            let section = article.sections[index]
            return .object([("heading", JSONValue(section.heading)),
                            ("start", .int(section.span.start)), ("end", .int(section.span.end))])
        }))
        members.append(("removed", .elements(article.removed.count) { index in
            .object([("text", .string(article.removed[index].text)), ("reason", .string(article.removed[index].reason))])
        }))
        members.append(("entities", .elements(annotated.entities.count, { index in
            let entity = annotated.entities[index]
            return .object([("id", .string(entity.id)), ("name", .string(entity.name)), ("kind", .string(entity.kind.rawValue)),
                            ("aliases", .array(entity.aliases.map { .string($0) })),
                            ("related", .array(entity.related.map { .string($0) })),
                            ("mentions", .array(entity.mentions.map { JSONValue($0) }))])
        }, compact: { index, sink in writeCompact(annotated.entities[index], to: &sink) })))
        // A source phrase that is no entity names itself.
        func name(of speaker: String?) -> String? { speaker.flatMap { names[$0] ?? $0 } }
        members.append(("quotes", .elements(annotated.quotes.count, { index in
            let quote = annotated.quotes[index]
            return .object([("start", .int(quote.span.start)), ("end", .int(quote.span.end)),
                            ("speaker", JSONValue(quote.speaker)),
                            ("speaker_name", JSONValue(name(of: quote.speaker))),
                            ("cue", JSONValue(quote.cue)),
                            ("text", .string(text.utf8String(quote.content)))])
        }, compact: { index, sink in
            let quote = annotated.quotes[index]
            writeCompact(quote, speakerName: name(of: quote.speaker), text: text, to: &sink)
        })))
        members.append(("numbers", .elements(annotated.numbers.count, { index in
            let number = annotated.numbers[index]
            return .object([("start", .int(number.span.start)), ("end", .int(number.span.end)),
                            ("kind", .string(number.kind.rawValue)), ("value", JSONValue(number.value)),
                            ("text", .string(text.utf8String(number.span)))])
        }, compact: { index, sink in writeCompact(annotated.numbers[index], text: text, to: &sink) })))
        members.append(("actors", .elements(annotated.actors.count) { index in
            let actor = annotated.actors[index]
            return .object([("entity", .string(actor.entity)), ("name", .string(actor.name)),
                            ("kind", .string(actor.kind.rawValue)), ("mentions", .int(actor.mentionCount)),
                            ("claims", .int(actor.claimCount))])
        }))
        members.append(("claims", .elements(annotated.claims.count, { index in
            let claim = annotated.claims[index]
            return .object([("actor", JSONValue(claim.actor)), ("actor_name", JSONValue(name(of: claim.actor))),
                            ("cue", JSONValue(claim.cue)), ("kind", .string(claim.kind.rawValue)),
                            ("start", .int(claim.span.start)), ("end", .int(claim.span.end)),
                            ("text", .string(text.utf8String(claim.span)))])
        }, compact: { index, sink in
            let claim = annotated.claims[index]
            writeCompact(claim, actorName: name(of: claim.actor), text: text, to: &sink)
        })))
        // Added layers only: with none (the default pipeline) the contract's bytes stay as they were.
        if !annotated.layers.isEmpty {
            members.append(("layers", .value(.object(annotated.layers.map { layer in
                (layer.name, .array(layer.spans.map { labeled in
                    .object([("start", .int(labeled.span.start)), ("end", .int(labeled.span.end)),
                             ("label", .string(labeled.label)), ("value", JSONValue(labeled.value)),
                             ("text", .string(text.utf8String(labeled.span)))])
                }))
            }))))
        }
        return members
    }
}
