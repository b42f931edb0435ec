import Testing
@testable import DossierCore

/// Hand-built annotated articles, so these tests do not depend on the entity annotator:
/// each entity is given by its kind and the surface forms whose every occurrence it owns.
private func article(_ text: String, source: String, _ entities: [(kind: EntityKind, forms: [String])],
                     claims: [(entity: Int, cue: String, sentence: String)] = []) -> AnnotatedArticle {
    let articleText = ArticleText(text)
    let structured = StructureParser().parse(articleText)
    var built: [Entity] = []
    for (number, spec) in entities.enumerated() {
        var mentions: [Span] = []
        // Longer forms first own their text: "Ravelle" inside "Lorenzo Ravelle" is not a second mention.
        for form in spec.forms {
            mentions += occurrences(of: form, in: articleText.scalars).filter { found in !mentions.contains { $0.overlaps(found) } }
        }
        built.append(Entity(id: "e\(number + 1)", name: spec.forms[0], kind: spec.kind, mentions: mentions.sorted(),
                            aliases: spec.forms))
    }
    let claimList = claims.map { claim in
        Claim(actor: "e\(claim.entity + 1)", cue: claim.cue, kind: .statement,
              span: occurrences(of: claim.sentence, in: articleText.scalars)[0])
    }
    return AnnotatedArticle(article: structured, entities: built, quotes: [], numbers: [], actors: [],
                            claims: claimList, source: source)
}

/// Whole-word occurrences of `form`, as scalar spans.
private func occurrences(of form: String, in scalars: ArticleScalars) -> [Span] {
    let needle = Array(form.unicodeScalars)
    var spans: [Span] = []
    var i = 0
    while i + needle.count <= scalars.count {
        let before = i == 0 ? " " : scalars[i - 1]
        let after = i + needle.count < scalars.count ? scalars[i + needle.count] : " "
        if Array(scalars[i..<(i + needle.count)]) == needle, !before.properties.isAlphabetic, !after.properties.isAlphabetic {
            spans.append(Span(i, i + needle.count))
            i += needle.count
        } else {
            i += 1
        }
    }
    return spans
}

// Invented sentences in the shape of a news article: a titled name, its short form, an acronym.
private let lauded = "U.S. VELDCOM Commander General Lorenzo Ravelle has publicly lauded Portugal as a “phenomenal partner” in fighting smuggling, particularly against VRAK-Kholmsen (VRAK-K)."
private let emphasized = "General Ravelle emphasized that even with “limited radar cover” from the U.S., Portugal’s military is actively breaking up VRAK-K networks."
private let advocated = "Despite this, General Ravelle firmly advocated for maintaining strong relationships with both Spain and Portugal, rejecting the notion of a zero-sum game."
private let orvane = "According to the Orvane news agency, quoting Veloria's main news agency Velorian State News Service (VSNS), the country's military has been placed on high alert and has been told to prepare a \"quasi-state of war\"."

@Suite("BriefingIndex")
struct BriefingIndexTests {
    @Test("a surname alone in one article joins the full name of another")
    func surnameJoinsFullName() throws {
        let first = article("Portugal & VELDCOM\n\n" + lauded, source: "a.txt",
                            [(.person, ["Lorenzo Ravelle"]), (.place, ["Portugal"]), (.organization, ["VELDCOM"])])
        let second = article("Portugal and Spain\n\n" + advocated, source: "b.txt",
                             [(.person, ["Ravelle"]), (.place, ["Spain"]), (.place, ["Portugal"])])
        let index = BriefingIndex(articles: [first, second])
        let ravelle = try #require(index.entity(article: 1, localID: "e1"))
        #expect(ravelle.name == "Lorenzo Ravelle")
        #expect(ravelle.kind == .person)
        #expect(ravelle.occurrences.map(\.article) == [0, 1])
        #expect(ravelle.aliases == ["Lorenzo Ravelle", "Ravelle"])
        #expect(index.entity(article: 0, localID: "e1")?.id == ravelle.id)
        // Portugal: twice in the first article (title and sentence), twice in the second.
        let pakistan = try #require(index.entity(article: 0, localID: "e2"))
        #expect(index.entity(article: 1, localID: "e3")?.id == pakistan.id)
        #expect(pakistan.occurrences.map(\.mentionCount) == [2, 2])
        #expect(index.entities.count == 4)
        #expect(index.ranked.prefix(2).map(\.name) == ["Portugal", "Lorenzo Ravelle"])
    }

    @Test("the first mention per article points into that article's text")
    func firstMentionPerArticle() throws {
        let first = article(lauded + "\n\n" + emphasized, source: "a.txt", [(.person, ["Lorenzo Ravelle", "Ravelle"])])
        let second = article(advocated, source: "b.txt", [(.person, ["Ravelle"])])
        let index = BriefingIndex(articles: [first, second])
        let ravelle = try #require(index.entities.first)
        #expect(ravelle.occurrences.map(\.mentionCount) == [2, 1])
        let firstInA = try #require(ravelle.occurrences[0].firstMention)
        #expect(first.text.slice(firstInA) == "Lorenzo Ravelle")
        let firstInB = try #require(ravelle.occurrences[1].firstMention)
        #expect(second.text.slice(firstInB) == "Ravelle")
    }

    @Test("a leading title does not make a second person, nor an ambiguous surname")
    func titlesAreIgnored() throws {
        let titled = article(lauded, source: "a.txt", [(.person, ["General Lorenzo Ravelle"])])
        let plain = article(lauded, source: "b.txt", [(.person, ["Lorenzo Ravelle"])])
        let bare = article(advocated, source: "c.txt", [(.person, ["Ravelle"])])
        let index = BriefingIndex(articles: [titled, plain, bare])
        #expect(index.entities.count == 1)
        let ravelle = try #require(index.entities.first)
        #expect(ravelle.occurrences.map(\.article) == [0, 1, 2])
        #expect(EntityNameKey.personTokens("Gen. Lorenzo Ravelle Jr.") == ["lorenzo", "ravelle"])
    }

    @Test("a surname shared by two different full names stays on its own")
    func ambiguousSurnameIsNotMerged() {
        let michael = article(lauded, source: "a.txt", [(.person, ["Lorenzo Ravelle"])])
        let other = article(lauded.replacingFirst("Michael", with: "Erik"), source: "b.txt", [(.person, ["Erik Ravelle"])])
        let bare = article(advocated, source: "c.txt", [(.person, ["Ravelle"])])
        let index = BriefingIndex(articles: [michael, other, bare])
        #expect(index.entities.count == 3)
        #expect(index.entities.allSatisfy { $0.articleCount == 1 })
    }

    @Test("an acronym joins the one multi-word name with those initials")
    func acronymJoinsName() throws {
        let veloria = article(orvane, source: "veloria.txt",
                            [(.place, ["Veloria"]), (.organization, ["Velorian State News Service"])])
        let later = article("VSNS said the military has been placed on high alert.", source: "later.txt",
                            [(.organization, ["VSNS"])])
        let index = BriefingIndex(articles: [veloria, later])
        let agency = try #require(index.entity(article: 1, localID: "e1"))
        #expect(agency.name == "Velorian State News Service")
        #expect(agency.articleCount == 2)
        #expect(agency.aliases.contains("VSNS"))
    }

    @Test("a country named by a short form joins its canonical name in another article")
    func shortCountryNameJoinsCanonical() throws {
        let first = article("Calm urged\n\nThe UK urged calm on Monday.", source: "a.txt", [(.place, ["UK"])])
        let second = article("Envoys meet\n\nThe United Kingdom sent an envoy.", source: "b.txt", [(.place, ["United Kingdom"])])
        let index = BriefingIndex(articles: [first, second])
        #expect(index.entities.count == 1)
        #expect(try #require(index.entities.first).articleCount == 2)
    }

    @Test("names that differ only in case, full stops or possessive are one entity; kinds must agree")
    func normalisedNamesAndKinds() throws {
        let first = article(lauded, source: "a.txt", [(.place, ["U.S."]), (.place, ["Portugal"])])
        let second = article(emphasized, source: "b.txt", [(.place, ["U.S"]), (.organization, ["Portugal’s"])])
        let index = BriefingIndex(articles: [first, second])
        let us = try #require(index.entity(article: 0, localID: "e1"))
        #expect(us.articleCount == 2)
        // "Portugal" as a place and "Portugal’s" as an organisation: the kinds disagree, so two entries.
        #expect(index.entity(article: 0, localID: "e2")?.id != index.entity(article: 1, localID: "e2")?.id)
        #expect(EntityNameKey.normalized("The U.S. Coast Guard’s") == "us coast guard")
        #expect(EntityNameKey.normalized("Joaquín Ferrel") == EntityNameKey.normalized("Joaquin Ferrel"))
    }

    @Test("an ASCII name is normalised from its bytes exactly as scalar by scalar")
    func asciiNamesNormaliseAsAnyName() {
        // Built from the pieces the rules treat apart: full stops, apostrophes and backticks, runs of
        // spaces, tabs and line breaks, capitals, a leading "the", a trailing "'s" or "'".
        let pieces = ["The", "the", " ", "  ", "\t", "\n", ".", "'", "`", "'s", "s", "U.S.", "Coast", "AT&T", "x", "\r", "-", "9"]
        var random = SystemRandomNumberGenerator()
        var names = ["", " ", "the ", "The 's", "the '", "'", "'s", "the's", "  The  Guard's  "]
        for _ in 0..<3_000 {
            names.append((0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for name in names {
            #expect(EntityNameKey.asciiNormalized(name) == EntityNameKey.normalizedByScalars(name), "\(name.debugDescription)")
        }
        #expect(EntityNameKey.asciiNormalized("Joaquín") == nil)
    }

    @Test("an ASCII name's acronym is read from its bytes exactly as scalar by scalar")
    func asciiAcronymsAsAnyName() {
        // Skipped words in any case, capitals and not, digits and marks first, runs of spaces.
        let words = ["Harrowgate", "policy", "Institute", "of", "The", "AND", "&", "de", "9th", "(Naval)", "X", "", " ", "\r\n"]
        var random = SystemRandomNumberGenerator()
        var names = ["", "Policy", "Organization of the Petroleum Exporting Countries", "the of", "A B"]
        for _ in 0..<3_000 {
            names.append((0..<Int.random(in: 1...5, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " "))
        }
        for name in names {
            #expect(EntityNameKey.asciiAcronym(of: name) == .some(EntityNameKey.acronymByScalars(of: name)), "\(name.debugDescription)")
        }
        #expect(EntityNameKey.asciiAcronym(of: "Équipe Nationale") == nil)
        #expect(EntityNameKey.acronym(of: "Organization of the Petroleum Exporting Countries") == "opec")
    }

    @Test("claims per actor are collected across articles")
    func claimsAcrossArticles() throws {
        let first = article(lauded + "\n\n" + emphasized, source: "a.txt", [(.person, ["Lorenzo Ravelle", "Ravelle"])],
                            claims: [(0, "emphasized", emphasized)])
        let second = article(advocated, source: "b.txt", [(.person, ["Ravelle"])],
                             claims: [(0, "advocated", advocated)])
        let index = BriefingIndex(articles: [first, second])
        let ravelle = try #require(index.entities.first)
        let claims = index.claims(of: ravelle)
        #expect(claims.map(\.article) == [0, 1])
        #expect(claims.map(\.claim.cue) == ["emphasized", "advocated"])
    }

    @Test("briefing-wide actors add up salience and count claims across articles")
    func actorsAcrossArticles() throws {
        var first = article(lauded + "\n\n" + emphasized, source: "a.txt",
                            [(.person, ["Lorenzo Ravelle", "Ravelle"]), (.place, ["Portugal"])],
                            claims: [(0, "emphasized", emphasized)])
        first.actors = [Actor(entity: "e1", name: "Lorenzo Ravelle", kind: .person, mentionCount: 2, claimCount: 1, salience: 0.5),
                        Actor(entity: "e2", name: "Portugal", kind: .place, mentionCount: 3, claimCount: 0, salience: 0.7)]
        var second = article(advocated, source: "b.txt", [(.person, ["Ravelle"])], claims: [(0, "advocated", advocated)])
        second.actors = [Actor(entity: "e1", name: "Ravelle", kind: .person, mentionCount: 1, claimCount: 1, salience: 0.4)]
        let index = BriefingIndex(articles: [first, second])
        let actors = index.actors
        #expect(actors.map(\.name) == ["Lorenzo Ravelle", "Portugal"])
        #expect(actors[0].articleCount == 2 && actors[0].claimCount == 2 && actors[0].mentionCount == 3)
        #expect(abs(actors[0].salience - 0.9) < 1e-9)
        // `dossier index` hands over the claims it has gathered for its entities: the same actors.
        #expect(index.actors(claimsOfEntity: index.claimsOfEveryEntity()) == actors)
    }

    @Test("n and N continue into the next and previous article and wrap around")
    func nextMentionCrossesArticles() throws {
        let first = article(lauded + "\n\n" + emphasized, source: "a.txt", [(.person, ["Lorenzo Ravelle", "Ravelle"])])
        let second = article(advocated, source: "b.txt", [(.person, ["Ravelle"])])
        let index = BriefingIndex(articles: [first, second])
        let ravelle = try #require(index.entities.first)
        let lastInFirst = try #require(ravelle.occurrences[0].mentions.last)
        let next = try #require(index.mention(of: ravelle, after: BriefingPosition(article: 0, span: lastInFirst)))
        #expect(next.article == 1)
        let wrapped = try #require(index.mention(of: ravelle, after: next))
        #expect(wrapped.article == 0 && wrapped.span == ravelle.occurrences[0].mentions[0])
        let back = try #require(index.mention(of: ravelle, after: next, forward: false))
        #expect(back == BriefingPosition(article: 0, span: lastInFirst))
    }

    @Test("concordance: one line of context per mention, grouped by article, cut at words")
    func concordance() throws {
        let first = article("Portugal & VELDCOM\n\n" + lauded + "\n\n" + emphasized, source: "a.txt",
                            [(.person, ["Lorenzo Ravelle", "Ravelle"])])
        let second = article(advocated, source: "b.txt", [(.person, ["Ravelle"])])
        let index = BriefingIndex(articles: [first, second])
        let groups = index.concordance(of: try #require(index.entities.first), radius: 40)
        #expect(groups.map(\.article) == [0, 1])
        #expect(groups[0].lines.count == 2)
        let line = groups[0].lines[0]
        #expect(line.match == "Lorenzo Ravelle")
        #expect(line.before == "U.S. VELDCOM Commander General ")
        #expect(line.after == " has publicly lauded Portugal as a…")
        // The second mention opens its paragraph: no context from the paragraph before.
        #expect(groups[0].lines[1].before == "General ")
        #expect(groups[1].lines[0].line == "Despite this, General Ravelle firmly advocated for maintaining…")
        #expect(!groups.flatMap(\.lines).contains { $0.line.contains("\n") })
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let scalars = ArticleScalars(self), needle = Array(target.unicodeScalars)
        guard let start = occurrences(of: target, in: scalars).first?.start else { return self }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<start])
        out.append(contentsOf: replacement.unicodeScalars)
        out.append(contentsOf: scalars[(start + needle.count)...])
        return String(out)
    }
}
