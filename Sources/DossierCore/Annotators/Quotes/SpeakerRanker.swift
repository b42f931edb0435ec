/// Picks the speaker of a quotation among its candidates, or nobody.
///
/// With a model (the built-in one, trained on the gold quotations by `dossier-train-speakers`),
/// each candidate is scored as "speaker" against "other" and the best is kept when it scores
/// "speaker" higher; so a weak proposal leaves the quotation unattributed rather than guessed.
/// Without a model (only while the trainer gathers its examples) the first proposal in sieve
/// order wins, and a quotation with a cue of its own never inherits a neighbour's speaker.
public struct SpeakerRanker: Sendable {
    public static let speakerClass = "speaker"
    public static let otherClass = "other"
    public static let classes = [speakerClass, otherClass]

    public var model: LinearModel?

    public init(model: LinearModel? = SpeakerRankerModel.builtIn) {
        self.model = model
    }

    /// The chosen candidate's index, or nil.
    func choose(_ candidates: [SpeakerCandidate], situation: QuoteSituation) -> Int? {
        guard let model, !candidates.isEmpty else { return Self.priorityChoice(candidates, situation: situation) }
        let yes = model.classes.firstIndex(of: Self.speakerClass) ?? 0
        let no = model.classes.firstIndex(of: Self.otherClass) ?? 1
        var best: (index: Int, margin: Float)? = nil
        for (k, candidate) in candidates.enumerated() {
            let scores = model.scores(candidate.features)
            let margin = scores[yes] - scores[no]
            if margin > 0, best == nil || margin > best!.margin { best = (k, margin) }
        }
        return best?.index
    }

    /// Sieve order: the first candidate from a cue sieve; the inheriting sieves only when the
    /// quotation has no cue of its own; never the loose "recent speaker".
    static func priorityChoice(_ candidates: [SpeakerCandidate], situation: QuoteSituation) -> Int? {
        let inheriting: Set<Sieve> = [.sameParagraph, .previousParagraph, .signature]
        var best: (index: Int, rank: Int)? = nil
        for (k, candidate) in candidates.enumerated() {
            for finding in candidate.findings where finding.sieve != .recentSpeaker {
                if situation.hasOwnCue && inheriting.contains(finding.sieve) { continue }
                let rank = SpeakerCandidateBuilder.sieveRank(finding.sieve)
                if best == nil || rank < best!.rank { best = (k, rank) }
            }
        }
        return best?.index
    }
}
