import DossierCore
import Testing
@testable import DossierTUI

/// The entity view (`E`) on two articles that share General Ravelle: the list, the concordance, the jumps.
@Suite struct EntityViewTests {
    static let followUp = ArticleFixture.make(parts: [
        .title("Ravelle visits Barcelona"),
        .body("The visit was short. General Ravelle met officials on Tuesday and praised the cooperation."),
    ], entities: [("Ravelle", .person, ["Ravelle"])], source: "follow-up.txt")

    /// Two articles, the first one opened from the library.
    let reading = ReaderState(documents: [ArticleDocument(ArticleFixture.harbour()), ArticleDocument(Self.followUp)],
                              width: 100, height: 20, theme: BuiltinThemes.mono).pressing("\n")

    @Test func listsEveryEntityMostWidelyMentionedFirst() {
        let view = reading.pressing("E")
        #expect(view.mode == .entities)
        let entities = view.entityView?.entities ?? []
        #expect(entities.count == 5)
        // Ravelle is the one entity in both articles, so he leads although Portugal has more mentions.
        #expect(entities.first?.name == "Lorenzo Ravelle")
        #expect(entities.first?.articleCount == 2)
        #expect(entities.dropFirst().first?.name == "Portugal")
        let lines = ReaderRenderer.render(view).lines
        #expect(lines[0].hasPrefix(" Entities: 5 in 2 articles"))
        #expect(lines[2].hasPrefix(" Lorenzo Ravelle "))
        #expect(lines[2].contains("per  2a   5m"))
        #expect(lines[3].hasPrefix(" Portugal "))
        #expect(lines[3].contains("plc  1a"))
    }

    /// The briefing index is kept between openings of the view, and made again once an article changes.
    @Test func theViewFollowsAnArticleAnnotatedSinceItWasLastOpened() {
        var state = reading.pressing("E").pressing("q")
        #expect(state.briefingIndexCache != nil, "kept after the first opening")
        let updated = ArticleFixture.make(parts: [
            .title("Ravelle visits Barcelona"),
            .body("The visit was short. General Ravelle met Mayor Quintana on Tuesday."),
        ], entities: [("Ravelle", .person, ["Ravelle"]), ("Quintana", .person, ["Quintana"])], source: "follow-up.txt")
        state.apply(.loaded(.refreshed(index: 1, ArticleDocument(updated), LibraryFacts(date: nil, words: 12))))
        let names = state.pressing("E").entityView?.entities.map(\.name) ?? []
        #expect(names.contains("Quintana"))
        #expect(names.count == 6)
    }

    @Test func theConcordanceGroupsMentionsByArticleWithOneLineOfContext() {
        let view = reading.pressing("E")
        let lines = ReaderRenderer.render(view).lines
        #expect(lines[2].contains("Lorenzo Ravelle · person · 2 articles, 5 mentions"))
        #expect(lines.contains { $0.contains("1. portugal-veldcom.txt — Portugal & VELDCOM") })
        #expect(lines.contains { $0.contains("2. follow-up.txt — Ravelle visits Barcelona (2)") })
        // The title's mention, then the body's: one line of context each, cut at a word, the match kept in view.
        #expect(lines.contains { $0.contains("  Ravelle visits Barcelona") && !$0.contains("visit was short") })
        #expect(lines.contains { $0.contains("General Ravelle met officials on Tuesday") })
        #expect(lines.contains { $0.contains("Lorenzo Ravelle has publicly lauded") })
        let mentions = view.entityView?.mentionLines ?? []
        #expect(mentions.map(\.match) == ["Lorenzo Ravelle", "Ravelle", "Ravelle", "Ravelle", "Ravelle"])
        #expect(mentions.map(\.position.article) == [0, 0, 0, 1, 1])
        // j chooses the next entity, and the concordance follows it.
        let portugal = view.pressing("j")
        #expect(portugal.entityView?.chosenEntity?.name == "Portugal")
        #expect(ReaderRenderer.render(portugal).lines[2].contains("Portugal · place · 1 article,"))
    }

    @Test func enterOnAMentionOpensItsArticleAtItAndSelectsTheEntity() {
        let inConcordance = reading.pressing("El")
        #expect(inConcordance.entityView?.inConcordance == true)
        let last = inConcordance.pressing("jjjjj")
        #expect(last.entityView?.mentionSelection == 4)
        let jumped = last.pressing("\n")
        #expect(jumped.mode == .reading)
        #expect(jumped.entityView == nil)
        #expect(jumped.current == 1)
        #expect(jumped.selectedEntityName == "Ravelle")
        let expected = jumped.document.mentionsByEntity[0][1]
        #expect(jumped.focusSpan == expected)
        #expect(jumped.focusSpan.map { jumped.document.text.slice($0) } == "Ravelle")
        #expect(jumped.message == "Lorenzo Ravelle in follow-up.txt: mention 2/2")
        // Ctrl-o goes back to where the reader was before the jump.
        #expect(jumped.after(.command(.jumpBack)).current == 0)
        // The second mention of the first article: same article, the entity's second span.
        let second = reading.pressing("E").after(.command(.switchFocus)).pressing("j\n")
        #expect(second.current == 0)
        #expect(second.selectedEntity == 1)
        #expect(second.focusSpan == second.document.mentionsByEntity[1][1])
        // Enter in the list jumps to the chosen entity's first mention.
        let fromList = reading.pressing("Ej\n")
        #expect(fromList.selectedEntityName == "Portugal")
        #expect(fromList.focusSpan == fromList.document.mentionsByEntity[0][0])
    }

    @Test func escQAndEClose_andOneArticleWorksToo() {
        let view = reading.pressing("E")
        #expect(view.pressing("\u{1b}").mode == .reading)
        #expect(view.pressing("q").mode == .reading)
        #expect(!view.pressing("q").shouldQuit)
        #expect(view.pressing("E").mode == .reading)
        #expect(view.pressing("lh").entityView?.inConcordance == false)
        // From the library as well.
        let fromLibrary = ReaderState(documents: reading.documents, width: 100, height: 20, theme: BuiltinThemes.mono).pressing("E")
        #expect(fromLibrary.mode == .entities)
        let single = ArticleFixture.state(width: 100).pressing("E")
        #expect(single.mode == .entities)
        #expect(ReaderRenderer.render(single).lines[0].hasPrefix(" Entities: 5 in 1 article "))
        #expect(single.pressing("l\n").focusSpan == single.document.mentionsByEntity[0][0])
    }

    @Test func wCyclesTheSidePaneThroughSectionArticleAndBriefing() {
        let wide = ReaderState(documents: reading.documents, width: 130, height: 20, theme: BuiltinThemes.mono).pressing("\n")
        let article = wide.pressing("w")
        #expect(article.sideScope == .article)
        let briefing = article.pressing("w")
        #expect(briefing.sideScope == .briefing)
        #expect(briefing.message == "side pane: whole briefing (2 articles)")
        let lines = ReaderRenderer.render(briefing).lines
        #expect(lines[0].contains("Actors (\(briefing.briefingActors.count)) · briefing"))
        #expect(lines[0].hasSuffix("art men cl"))
        // Ravelle, the actor of both articles, with his counts across them.
        #expect(lines.contains { $0.contains("Lorenzo Ravelle") && $0.contains("per   2   5") }, "\(lines)")
        #expect(!lines.contains { $0.contains("Claims (") })
        #expect(briefing.pressing("w").sideScope == .section)
        // Enter on a briefing actor jumps to its first mention in this article.
        var focused = briefing
        focused.focus = .side
        let row = briefing.sideContent.items.firstIndex { if case .briefingActor(_, "Lorenzo Ravelle", _, _, _, _) = $0 { return true } else { return false } }
        focused.sideSelection = row ?? 0
        let jumped = focused.pressing("\n")
        #expect(jumped.current == 0)
        #expect(jumped.selectedEntity == 1)
        #expect(jumped.focusSpan == jumped.document.mentionsByEntity[1][0])
        // With one article, w only toggles section and article.
        #expect(ArticleFixture.state().pressing("ww").sideScope == .section)
    }

    @Test func helpListsTheEntityViewKey() {
        let lines = HelpOverlay.lines(keyMap: .standard)
        #expect(lines.contains { $0.hasPrefix("E ") && $0.contains("entity view") })
    }
}
