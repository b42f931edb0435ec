/// Picks the entities that speak or act and ranks them by salience.
///
/// An actor has a claim, or is a person or organisation named at least twice, or is the subject
/// of a verb somewhere ("Pakistan is deeply embroiled", "The Council … provides"). Places that are
/// only where things happen ("in Russia and Iran") are not actors. Salience adds up claims (most),
/// mentions (with diminishing returns), an early first mention and a mention in the title.
public struct ActorRanker: Sendable {
    public init() {}

    public func rank(entities: [Entity], claims: [Claim], quotes: [Quote], in article: StructuredArticle) -> [Actor] {
        var claimCounts: [String: Int] = [:]
        for claim in claims { if let actor = claim.actor { claimCounts[actor, default: 0] += 1 } }
        // Quotes that no claim covers (the second of two in a sentence) still count for their speaker;
        // a fragment inside a statement claim ("lauded Pakistan as a “phenomenal partner”") is counted once.
        let claimSpans = claims.map(\.span).sorted()
        for quote in quotes {
            guard let speaker = quote.speaker else { continue }
            var low = 0, high = claimSpans.count
            while low < high {
                let mid = (low + high) / 2
                if claimSpans[mid].start <= quote.span.start { low = mid + 1 } else { high = mid }
            }
            let covered = low > 0 && claimSpans[low - 1].contains(quote.span)
                || low > 1 && claimSpans[low - 2].contains(quote.span)
            if !covered { claimCounts[speaker, default: 0] += 1 }
        }
        let scalars = article.text.scalars
        let length = Double(max(1, scalars.count))
        var actors: [Actor] = []
        for entity in entities {
            let claimCount = claimCounts[entity.id] ?? 0
            let mentions = entity.mentions.count
            // A nationality or group ("Afghan civilians") is mostly an adjective: it acts only through claims.
            let speaksOrActs = claimCount > 0
                || (mentions >= 2 && (entity.kind == .person || entity.kind == .organization))
                || (entity.kind != .group && entity.mentions.contains { isSubject($0, scalars) })
            guard speaksOrActs, entity.kind != .event, entity.kind != .other else { continue }
            let first = entity.mentions.map(\.start).min() ?? scalars.count
            let inTitle = article.title.map { title in entity.mentions.contains { title.contains($0) } } ?? false
            // Mentions count with diminishing returns: a country named twenty times as a setting must not
            // outrank the person who makes the article's claims.
            let salience = Double(claimCount) * 4 + Double(mentions).squareRoot() * 3
                + (1 - Double(first) / length) * 2 + (inTitle ? 2 : 0)
            actors.append(Actor(entity: entity.id, name: entity.name, kind: entity.kind, mentionCount: mentions,
                                claimCount: claimCount, salience: (salience * 1000).rounded() / 1000))
        }
        return actors.sorted { $0.salience != $1.salience ? $0.salience > $1.salience : $0.entity < $1.entity }
    }

    static let auxiliaries: WordSet = ["is", "was", "has", "had", "have", "will", "would", "can", "could", "may",
                                           "might", "must", "should", "are", "were", "does", "did", "remains", "shall"]

    /// The mention stands before a verb, not after a preposition: "Pakistan is …", "India remains …".
    func isSubject(_ mention: Span, _ scalars: ArticleScalars) -> Bool {
        guard let next = word(after: mention.end, scalars) else { return false }
        if let previous = word(before: mention.start, scalars), AttributionPatterns.prepositions.contains(previous) { return false }
        if Self.auxiliaries.contains(next) { return true }
        let letters = Array(next.unicodeScalars)
        guard letters.count >= 4 else { return false }
        if next.hasSuffix("ed") { return true }
        return next.hasSuffix("s") && !next.hasSuffix("ss") && !next.hasSuffix("us")
    }

    /// The lowercase word right after `offset` (past spaces), nil if the next word is capitalised or punctuation follows.
    func word(after offset: Int, _ scalars: ArticleScalars) -> String? {
        var i = offset
        guard i < scalars.count, scalars[i] == " " else { return nil }
        while i < scalars.count, scalars[i] == " " { i += 1 }
        var j = i
        while j < scalars.count, j - i < 20, scalars[j].value >= 0x61, scalars[j].value <= 0x7A { j += 1 }
        guard j > i, j == scalars.count || !ParagraphTokenizer.isWordScalar(scalars[j]) else { return nil }
        return ParagraphTokenizer.lowercased(scalars, Span(i, j))
    }

    /// The word right before `offset` (past spaces), lowercased.
    func word(before offset: Int, _ scalars: ArticleScalars) -> String? {
        var j = offset
        while j > 0, scalars[j - 1] == " " { j -= 1 }
        var i = j
        while i > 0, j - i < 20, ParagraphTokenizer.isWordScalar(scalars[i - 1]) { i -= 1 }
        guard i < j else { return nil }
        return ParagraphTokenizer.lowercased(scalars, Span(i, j))
    }
}
