/// One possible speaker of a quotation (an entity, a name the recogniser missed, or a source
/// phrase), with every sieve finding that proposes it and the ranker's features.
public struct SpeakerCandidate: Sendable {
    /// Index into the entities, or nil for a speaker given by its words.
    var entity: Int?
    /// The name or phrase, when there is no entity.
    var words: Span?
    var isPhrase: Bool
    var findings: [Finding]
    /// The name the reader sees: the entity's name, or the words.
    public var name: String
    /// The ranker's features (strings, as the model stores them).
    public internal(set) var features: [String] = []

    /// The finding that gives the cue: the first in sieve order that has one.
    var cueFinding: Finding? { findings.first { $0.cue != nil } }

    /// As a finding to inherit: who, without the cue.
    var asFinding: Finding {
        let first = findings[0]
        return Finding(speaker: entity, cue: cueFinding?.cue, unlinkedName: isPhrase ? nil : words,
                       phrase: isPhrase ? words : nil, sieve: first.sieve, subject: first.subject)
    }
}

/// The candidate speakers of one quotation, for training the ranker.
public struct QuoteCandidates: Sendable {
    /// The quotation's span in the annotated article's text.
    public var quote: Span
    public var candidates: [SpeakerCandidate]
}

/// What the ranker knows about a quotation besides its candidates.
struct QuoteSituation {
    var wordCount: Int
    var opensParagraph: Bool
    /// Some cue sieve found a cue for it, whether or not the cue names anyone.
    var hasOwnCue: Bool
}

enum SpeakerCandidateBuilder {
    /// Merges the findings that propose the same speaker, in sieve order, and gives each candidate its features.
    static func candidates(_ findings: [Finding], situation: QuoteSituation, entities: [Entity],
                           text: ArticleText) -> [SpeakerCandidate] {
        var result: [SpeakerCandidate] = []
        var keys: [String] = []
        let ordered = findings.filter(\.hasSpeaker).sorted { sieveRank($0.sieve) < sieveRank($1.sieve) }
        for finding in ordered {
            let words = finding.speaker == nil ? (finding.unlinkedName ?? finding.phrase) : nil
            let key = finding.speaker.map { "e\($0)" } ?? "w" + normalised(text.slice(words!))
            if let at = keys.firstIndex(of: key) {
                result[at].findings.append(finding)
                continue
            }
            keys.append(key)
            let name = finding.speaker.map { entities[$0].name } ?? text.slice(words!)
            result.append(SpeakerCandidate(entity: finding.speaker, words: words, isPhrase: finding.speaker == nil && finding.phrase != nil,
                                           findings: [finding], name: name))
        }
        let first = SpeakerRanker.priorityChoice(result, situation: situation)
        for k in result.indices {
            result[k].features = features(of: result[k], isPriorityChoice: k == first, count: result.count,
                                          situation: situation, entities: entities, text: text)
        }
        return result
    }

    static func sieveRank(_ sieve: Sieve) -> Int { Sieve.allCases.firstIndex(of: sieve) ?? 0 }

    static func normalised(_ words: String) -> String {
        var out = ""
        for scalar in words.lowercased().unicodeScalars where ParagraphTokenizer.isWordScalar(scalar) || scalar == " " {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func kind(of candidate: SpeakerCandidate, entities: [Entity]) -> String {
        if let entity = candidate.entity { return entities[entity].kind.rawValue }
        return candidate.isPhrase ? "phrase" : "name"
    }

    static func features(of candidate: SpeakerCandidate, isPriorityChoice: Bool, count: Int, situation: QuoteSituation,
                         entities: [Entity], text: ArticleText) -> [String] {
        let kind = kind(of: candidate, entities: entities)
        let lead = candidate.findings[0].sieve.rawValue
        var features = ["bias", "k=\(kind)", "k=\(kind)|s=\(lead)", "n=\(min(candidate.findings.count, 3))",
                        "c=\(min(count, 4))", "c=\(min(count, 4))|s=\(lead)"]
        if isPriorityChoice { features += ["first", "first|s=\(lead)", "first|k=\(kind)"] }
        for finding in candidate.findings {
            let sieve = finding.sieve.rawValue
            features.append("s=\(sieve)")
            features.append("s=\(sieve)|\(finding.subject)")
            if situation.hasOwnCue { features.append("s=\(sieve)|owncue") }
            if situation.opensParagraph { features.append("s=\(sieve)|opens") }
        }
        if situation.wordCount <= 4 { features += ["q=fragment", "q=fragment|s=\(lead)"] }
        if situation.wordCount > 25 { features.append("q=long") }
        if let words = candidate.words {
            let parts = normalised(text.slice(words)).split(separator: " ")
            features.append("w=\(min(parts.count, 3))|k=\(kind)")
        }
        if let entity = candidate.entity {
            let mentions = entities[entity].mentions.count
            features.append("m=\(mentions >= 4 ? "4+" : mentions >= 2 ? "2-3" : "1")")
        }
        return features
    }
}
