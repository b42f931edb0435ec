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
        // Longer forms first own their text: "Kurilla" inside "Michael Kurilla" is not a second mention.
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
private func occurrences(of form: String, in scalars: [Unicode.Scalar]) -> [Span] {
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

// Sentences from seeds/pakistan-centcom.txt and seeds/wikinews-korea.txt.
private let lauded = "U.S. CENTCOM Commander General Michael Kurilla has publicly lauded Pakistan as a “phenomenal partner” in combating terrorism, particularly against ISIS-Khorasan (ISIS-K)."
private let emphasized = "General Kurilla emphasized that even with “limited intelligence” from the U.S., Pakistan’s military is actively dismantling ISIS-K networks."
private let advocated = "Despite this, General Kurilla firmly advocated for maintaining strong relationships with both India and Pakistan, rejecting the notion of a zero-sum game."
private let yonhap = "According to Yonhap news agency, quoting North Korea's main news agency Korean Central News Agency (KCNA), the country's military has been placed on high alert and has been told to prepare a \"quasi-state of war\"."

@Suite("BriefingIndex")
struct BriefingIndexTests {
    @Test("a surname alone in one article joins the full name of another")
    func surnameJoinsFullName() throws {
        let first = article("Pakistan & CENTCOM\n\n" + lauded, source: "a.txt",
                            [(.person, ["Michael Kurilla"]), (.place, ["Pakistan"]), (.organization, ["CENTCOM"])])
        let second = article("Pakistan and India\n\n" + advocated, source: "b.txt",
                             [(.person, ["Kurilla"]), (.place, ["India"]), (.place, ["Pakistan"])])
        let index = BriefingIndex(articles: [first, second])
        let kurilla = try #require(index.entity(article: 1, localID: "e1"))
        #expect(kurilla.name == "Michael Kurilla")
        #expect(kurilla.kind == .person)
        #expect(kurilla.occurrences.map(\.article) == [0, 1])
        #expect(kurilla.aliases == ["Michael Kurilla", "Kurilla"])
        #expect(index.entity(article: 0, localID: "e1")?.id == kurilla.id)
        // Pakistan: twice in the first article (title and sentence), twice in the second.
        let pakistan = try #require(index.entity(article: 0, localID: "e2"))
        #expect(index.entity(article: 1, localID: "e3")?.id == pakistan.id)
        #expect(pakistan.occurrences.map(\.mentionCount) == [2, 2])
        #expect(index.entities.count == 4)
        #expect(index.ranked.prefix(2).map(\.name) == ["Pakistan", "Michael Kurilla"])
    }

    @Test("the first mention per article points into that article's text")
    func firstMentionPerArticle() throws {
        let first = article(lauded + "\n\n" + emphasized, source: "a.txt", [(.person, ["Michael Kurilla", "Kurilla"])])
        let second = article(advocated, source: "b.txt", [(.person, ["Kurilla"])])
        let index = BriefingIndex(articles: [first, second])
        let kurilla = try #require(index.entities.first)
        #expect(kurilla.occurrences.map(\.mentionCount) == [2, 1])
        let firstInA = try #require(kurilla.occurrences[0].firstMention)
        #expect(first.text.slice(firstInA) == "Michael Kurilla")
        let firstInB = try #require(kurilla.occurrences[1].firstMention)
        #expect(second.text.slice(firstInB) == "Kurilla")
    }

    @Test("a leading title does not make a second person, nor an ambiguous surname")
    func titlesAreIgnored() throws {
        let titled = article(lauded, source: "a.txt", [(.person, ["General Michael Kurilla"])])
        let plain = article(lauded, source: "b.txt", [(.person, ["Michael Kurilla"])])
        let bare = article(advocated, source: "c.txt", [(.person, ["Kurilla"])])
        let index = BriefingIndex(articles: [titled, plain, bare])
        #expect(index.entities.count == 1)
        let kurilla = try #require(index.entities.first)
        #expect(kurilla.occurrences.map(\.article) == [0, 1, 2])
        #expect(EntityNameKey.personTokens("Gen. Michael Kurilla Jr.") == ["michael", "kurilla"])
    }

    @Test("a surname shared by two different full names stays on its own")
    func ambiguousSurnameIsNotMerged() {
        let michael = article(lauded, source: "a.txt", [(.person, ["Michael Kurilla"])])
        let other = article(lauded.replacingFirst("Michael", with: "Erik"), source: "b.txt", [(.person, ["Erik Kurilla"])])
        let bare = article(advocated, source: "c.txt", [(.person, ["Kurilla"])])
        let index = BriefingIndex(articles: [michael, other, bare])
        #expect(index.entities.count == 3)
        #expect(index.entities.allSatisfy { $0.articleCount == 1 })
    }

    @Test("an acronym joins the one multi-word name with those initials")
    func acronymJoinsName() throws {
        let korea = article(yonhap, source: "korea.txt",
                            [(.place, ["North Korea"]), (.organization, ["Korean Central News Agency"])])
        let later = article("KCNA said the military has been placed on high alert.", source: "later.txt",
                            [(.organization, ["KCNA"])])
        let index = BriefingIndex(articles: [korea, later])
        let agency = try #require(index.entity(article: 1, localID: "e1"))
        #expect(agency.name == "Korean Central News Agency")
        #expect(agency.articleCount == 2)
        #expect(agency.aliases.contains("KCNA"))
    }

    @Test("names that differ only in case, full stops or possessive are one entity; kinds must agree")
    func normalisedNamesAndKinds() throws {
        let first = article(lauded, source: "a.txt", [(.place, ["U.S."]), (.place, ["Pakistan"])])
        let second = article(emphasized, source: "b.txt", [(.place, ["U.S"]), (.organization, ["Pakistan’s"])])
        let index = BriefingIndex(articles: [first, second])
        let us = try #require(index.entity(article: 0, localID: "e1"))
        #expect(us.articleCount == 2)
        // "Pakistan" as a place and "Pakistan’s" as an organisation: the kinds disagree, so two entries.
        #expect(index.entity(article: 0, localID: "e2")?.id != index.entity(article: 1, localID: "e2")?.id)
        #expect(EntityNameKey.normalized("The U.S. Army’s") == "us army")
        #expect(EntityNameKey.normalized("José Mourinho") == EntityNameKey.normalized("Jose Mourinho"))
    }

    @Test("claims per actor are collected across articles")
    func claimsAcrossArticles() throws {
        let first = article(lauded + "\n\n" + emphasized, source: "a.txt", [(.person, ["Michael Kurilla", "Kurilla"])],
                            claims: [(0, "emphasized", emphasized)])
        let second = article(advocated, source: "b.txt", [(.person, ["Kurilla"])],
                             claims: [(0, "advocated", advocated)])
        let index = BriefingIndex(articles: [first, second])
        let kurilla = try #require(index.entities.first)
        let claims = index.claims(of: kurilla)
        #expect(claims.map(\.article) == [0, 1])
        #expect(claims.map(\.claim.cue) == ["emphasized", "advocated"])
    }

    @Test("briefing-wide actors add up salience and count claims across articles")
    func actorsAcrossArticles() throws {
        var first = article(lauded + "\n\n" + emphasized, source: "a.txt",
                            [(.person, ["Michael Kurilla", "Kurilla"]), (.place, ["Pakistan"])],
                            claims: [(0, "emphasized", emphasized)])
        first.actors = [Actor(entity: "e1", name: "Michael Kurilla", kind: .person, mentionCount: 2, claimCount: 1, salience: 0.5),
                        Actor(entity: "e2", name: "Pakistan", kind: .place, mentionCount: 3, claimCount: 0, salience: 0.7)]
        var second = article(advocated, source: "b.txt", [(.person, ["Kurilla"])], claims: [(0, "advocated", advocated)])
        second.actors = [Actor(entity: "e1", name: "Kurilla", kind: .person, mentionCount: 1, claimCount: 1, salience: 0.4)]
        let actors = BriefingIndex(articles: [first, second]).actors
        #expect(actors.map(\.name) == ["Michael Kurilla", "Pakistan"])
        #expect(actors[0].articleCount == 2 && actors[0].claimCount == 2 && actors[0].mentionCount == 3)
        #expect(abs(actors[0].salience - 0.9) < 1e-9)
    }

    @Test("n and N continue into the next and previous article and wrap around")
    func nextMentionCrossesArticles() throws {
        let first = article(lauded + "\n\n" + emphasized, source: "a.txt", [(.person, ["Michael Kurilla", "Kurilla"])])
        let second = article(advocated, source: "b.txt", [(.person, ["Kurilla"])])
        let index = BriefingIndex(articles: [first, second])
        let kurilla = try #require(index.entities.first)
        let lastInFirst = try #require(kurilla.occurrences[0].mentions.last)
        let next = try #require(index.mention(of: kurilla, after: BriefingPosition(article: 0, span: lastInFirst)))
        #expect(next.article == 1)
        let wrapped = try #require(index.mention(of: kurilla, after: next))
        #expect(wrapped.article == 0 && wrapped.span == kurilla.occurrences[0].mentions[0])
        let back = try #require(index.mention(of: kurilla, after: next, forward: false))
        #expect(back == BriefingPosition(article: 0, span: lastInFirst))
    }

    @Test("concordance: one line of context per mention, grouped by article, cut at words")
    func concordance() throws {
        let first = article("Pakistan & CENTCOM\n\n" + lauded + "\n\n" + emphasized, source: "a.txt",
                            [(.person, ["Michael Kurilla", "Kurilla"])])
        let second = article(advocated, source: "b.txt", [(.person, ["Kurilla"])])
        let index = BriefingIndex(articles: [first, second])
        let groups = index.concordance(of: try #require(index.entities.first), radius: 40)
        #expect(groups.map(\.article) == [0, 1])
        #expect(groups[0].lines.count == 2)
        let line = groups[0].lines[0]
        #expect(line.match == "Michael Kurilla")
        #expect(line.before == "U.S. CENTCOM Commander General ")
        #expect(line.after == " has publicly lauded Pakistan as a…")
        // The second mention opens its paragraph: no context from the paragraph before.
        #expect(groups[0].lines[1].before == "General ")
        #expect(groups[1].lines[0].line == "Despite this, General Kurilla firmly advocated for maintaining…")
        #expect(!groups.flatMap(\.lines).contains { $0.line.contains("\n") })
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let scalars = Array(unicodeScalars), needle = Array(target.unicodeScalars)
        guard let start = occurrences(of: target, in: scalars).first?.start else { return self }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<start])
        out.append(contentsOf: replacement.unicodeScalars)
        out.append(contentsOf: scalars[(start + needle.count)...])
        return String(out)
    }
}
