/// Picks the speaker of a quotation among its candidates, or nobody.
///
/// The sieve order gives a first pick. With a model (the built-in one, trained on the gold
/// quotations by `dossier-train-speakers`), each candidate is scored as "speaker" against "other"
/// and a candidate that beats the pick becomes the choice. Sieve order: the first proposal wins,
/// a quotation with a cue of its own never inherits a neighbour's speaker, and the loose guesses
/// (the recent speaker, the entity a description may mean) are never the pick.
public struct SpeakerRanker: Sendable {
    public static let speakerClass = "speaker"
    public static let otherClass = "other"
    public static let classes = [speakerClass, otherClass]

    public var model: LinearModel?

    public init(model: LinearModel? = SpeakerRankerModel.builtIn) {
        self.model = model
    }

    /// The chosen candidate's index, or nil. The model re-ranks: it moves the choice from the
    /// sieve-order pick to another candidate it scores as a speaker and higher, and it takes a
    /// candidate when sieve order has none; it does not drop the sieve-order pick (measured by
    /// 5-fold cross-validation, vetoes cost more right speakers than wrong ones).
    func choose(_ candidates: [SpeakerCandidate], situation: QuoteSituation) -> Int? {
        let pick = Self.priorityChoice(candidates, situation: situation)
        guard let model, !candidates.isEmpty else { return pick }
        let yes = model.classes.firstIndex(of: Self.speakerClass) ?? 0
        let no = model.classes.firstIndex(of: Self.otherClass) ?? 1
        let margins = candidates.map { candidate -> Float in
            let scores = model.scores(candidate.features)
            return scores[yes] - scores[no]
        }
        // A pick from the quotation's own cue may only give way to another candidate from a cue:
        // a neighbour's speaker never overrides `"…," Ana Li said` (the sieves' tiers, as in Muzny et al.).
        let pickIsCued = pick.map { Self.hasOwnCue(candidates[$0]) } ?? false
        var best: Int? = nil
        for k in margins.indices where margins[k] > 0 && (!pickIsCued || Self.hasOwnCue(candidates[k])) {
            if best == nil || margins[k] > margins[best!] { best = k }
        }
        guard let best else { return pick }
        if let pick, margins[pick] >= margins[best] { return pick }
        return best
    }

    /// The candidate comes from a cue of the quotation itself, not from a neighbour or a guess.
    static func hasOwnCue(_ candidate: SpeakerCandidate) -> Bool {
        candidate.findings.contains { $0.cue != nil && !looseSieves.contains($0.sieve) }
    }

    /// Sieves that pass a speaker on or guess one, rather than read it off a cue.
    static let looseSieves: Set<Sieve> = [.sameParagraph, .previousParagraph, .recentSpeaker, .description, .signature]

    /// Sieve order: the first candidate from a cue sieve; the inheriting sieves only when the
    /// quotation has no cue of its own; never the loose "recent speaker".
    static func priorityChoice(_ candidates: [SpeakerCandidate], situation: QuoteSituation) -> Int? {
        let inheriting: Set<Sieve> = [.sameParagraph, .previousParagraph, .signature]
        var best: (index: Int, rank: Int)? = nil
        for (k, candidate) in candidates.enumerated() {
            for finding in candidate.findings where finding.sieve != .recentSpeaker && finding.sieve != .description {
                if situation.hasOwnCue && inheriting.contains(finding.sieve) { continue }
                let rank = SpeakerCandidateBuilder.sieveRank(finding.sieve)
                if best == nil || rank < best!.rank { best = (k, rank) }
            }
        }
        return best?.index
    }
}
