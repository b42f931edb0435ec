import Testing
import DossierCore
@testable import DossierTUI

@Suite struct UpdateTests {
    let start = ArticleFixture.state(width: 60, height: 12)

    @Test func sectionKeysJumpToHeadingsAndBack() {
        let second = start.pressing("]")
        #expect(second.currentSection == 1)
        #expect(ReaderRenderer.render(second).lines[0] == padded([" The Wendelbrook Capture and its Implications"], width: 60)[0])
        let third = second.pressing("]")
        #expect(third.currentSection == 2)
        #expect(third.pressing("]").message == "last section")
        // [ goes to the start of the current section first, then to the previous one.
        let intoSecond = second.pressing("j")
        #expect(intoSecond.currentSection == 1)
        #expect(intoSecond.pressing("[").top == second.top)
        #expect(second.pressing("[").top == start.top)
        #expect(third.pressing("[").top == second.top)
    }

    @Test func scrollingStopsAtTheEndAndTheTop() {
        let down = start.pressing("jjj")
        #expect(down.top == start.document.moved(start.top, by: 3, width: 58))
        #expect(down.pressing("kkkkkk").top == start.top)
        let end = start.pressing("G")
        #expect(end.percent == 100)
        #expect(end.pressing("j").top == end.top)
        // At the end, j moves the reading cursor instead: onto the last paragraph, marked ▌.
        #expect(ReaderRenderer.render(end.pressing("jjjjjjjjjj")).lines[10] == padded(["▌should be evaluated independently."], width: 60)[0])
    }

    @Test func searchCountsMatchesAndCyclesWithNAndShiftN() {
        let searched = start.pressing("/PORTUGAL\n")
        let expected = ArticleFixture.occurrences(of: "Portugal", in: start.document.text.scalars, wholeWord: false)
        #expect(searched.search?.matches == expected)
        #expect(searched.search?.current == 0)
        let third = searched.pressing("nn")
        #expect(third.search?.current == 2)
        #expect(third.focusSpan == expected[2])
        #expect(third.pressing("N").search?.current == 1)
        #expect(searched.pressing("N").search?.current == expected.count - 1)
        let cleared = third.after(.command(.cancel))
        #expect(cleared.search == nil)
        #expect(start.pressing("/Kabulistan\n").message == "not found: Kabulistan")
    }

    @Test func hintModeLabelsVisibleMentionsAndSelectsTheTypedOne() {
        let hinting = start.pressing("f")
        guard case .hints(_, let targets) = hinting.mode else { Issue.record("f did not start hint mode"); return }
        let labels = targets.map(\.label)
        #expect(labels == Array(ReaderState.hintLabels(count: targets.count)))
        #expect(Set(labels).count == labels.count)
        // Every labelled mention is on screen: the first screen ends inside the first body paragraph.
        let bottom = start.document.textRange(block: 2, line: 5, width: 58)
        #expect(targets.allSatisfy { $0.span.start < bottom.end })
        let ravelle = targets.first { start.document.annotated.entities[$0.entity].name == "Lorenzo Ravelle" }
        #expect(ravelle == nil)  // Ravelle is below the first screen at 60×12
        let portugal = targets.first { $0.entity == 0 }!
        let selected = hinting.pressing(portugal.label)
        #expect(selected.mode == .reading)
        #expect(selected.selectedEntity == 0)
        #expect(selected.focusSpan == portugal.span)
        #expect(start.pressing("fzz").mode == .reading)
    }

    @Test func nAndShiftNVisitTheSelectedEntitysMentions() {
        var state = start
        state.selectedEntity = 1  // Lorenzo Ravelle: mentioned three times
        let mentions = state.document.mentionsByEntity[1]
        #expect(mentions.count == 3)
        let first = state.pressing("n")
        #expect(first.focusSpan == mentions[0])
        let second = first.pressing("n")
        #expect(second.focusSpan == mentions[1])
        #expect(second.message == "mention 2/3")
        #expect(second.pressing("nn").focusSpan == mentions[0])
        #expect(second.pressing("N").focusSpan == mentions[0])
        // The mention jumped to is on screen.
        let canvas = ReaderRenderer.render(second)
        #expect(canvas.lines.contains { $0.contains("General Ravelle emphasized") })
        #expect(start.pressing("n").message?.contains("select an entity") == true)
    }

    @Test func jumpListGoesBackAndForward() {
        let jumped = start.pressing("]]")
        let back = jumped.after(.command(.jumpBack))
        #expect(back.currentSection == 1)
        let backAgain = back.after(.command(.jumpBack))
        #expect(backAgain.top == start.top)
        #expect(backAgain.after(.command(.jumpForward)).currentSection == 1)
        #expect(backAgain.after(.command(.jumpForward), .command(.jumpForward)).currentSection == 2)
        #expect(start.after(.command(.jumpBack)).message == "no earlier jump")
    }

    @Test func resizeKeepsTheReadingPosition() {
        let reading = start.pressing("]jj")
        let topOffset = reading.top.offset
        let narrow = reading.after(.resize(width: 45, height: 20))
        // The first line at the new width holds the text that was first before.
        let firstLine = narrow.document.textRange(block: narrow.top.block, line: narrow.document.lineIndex(narrow.top, width: 43), width: 43)
        #expect(firstLine.start <= topOffset && topOffset < firstLine.end)
        let back = narrow.after(.resize(width: 60, height: 12))
        #expect(back.top == reading.top)
    }

    @Test func sidePaneFocusChoosesAndEnterJumpsAndSelects() {
        let wide = ArticleFixture.state(width: 100, height: 12)
        let focused = wide.after(.command(.switchFocus))
        #expect(focused.focus == .side)
        #expect(ReaderRenderer.render(focused).lines[11].contains("SIDE"))
        // Items in §1: Lorenzo Ravelle, Portugal, Spain, VELDCOM, then the claim.
        let spain = focused.pressing("jj\n")
        #expect(spain.selectedEntity == 2)
        #expect(spain.focusSpan == spain.document.mentionsByEntity[2].first)
        #expect(spain.message == "selected Spain")
        let claim = focused.pressing("jjjj\n")
        #expect(claim.selectedEntity == 1)
        #expect(claim.focusSpan.map { claim.document.text.slice($0) } == "“phenomenal partner”")
        #expect(focused.pressing("jjjjjjjjj").sideSelection == 4)
    }

    @Test func sidePaneHidesBelowNinetyColumnsUnlessAsked() {
        #expect(!start.geometry.sideVisible)
        let shown = start.pressing("s")
        #expect(shown.geometry.sideVisible)
        #expect(ReaderRenderer.render(shown).lines[0].contains("│ Actors (4)"))
        let wide = ArticleFixture.state(width: 100, height: 12)
        #expect(wide.geometry.sideVisible)
        #expect(!wide.pressing("s").geometry.sideVisible)
        #expect(ArticleFixture.state(width: 100, height: 12, sidePane: false).geometry.sideVisible == false)
    }

    @Test func tableOfContentsJumpsToTheChosenSection() {
        let contents = start.pressing("t")
        #expect(contents.mode == .contents(selected: 0))
        let canvas = ReaderRenderer.render(contents.pressing("j"))
        #expect(canvas.lines.contains { $0.contains("2. The Wendelbrook Capture and its Implications") })
        let jumped = contents.pressing("jj\n")
        #expect(jumped.mode == .reading)
        #expect(jumped.currentSection == 2)
        #expect(contents.after(.command(.cancel)).mode == .reading)
    }

    @Test func clickOnAMentionSelectsItsEntity() {
        var state = start
        state.mouseEnabled = true
        let frame = ReaderRenderer.frame(state)
        let x = column(of: "Portugal", row: 5, in: frame.canvas)!
        // The frame's hit map says what is under the cell; the update acts on it.
        let clicked = state.after(.click(frame.hits.target(column: x + 3, row: 5)))
        #expect(clicked.selectedEntity == 0)
        #expect(state.after(.click(frame.hits.target(column: 2, row: 5))).selectedEntity == nil)
        // The click also puts the reading cursor on the clicked paragraph.
        guard case .mention(_, _, let block) = frame.hits.target(column: x + 3, row: 5) else { Issue.record("no mention at row 5"); return }
        #expect(clicked.cursorBlock == block)
        #expect(state.after(.wheel(lines: 3)).top == state.pressing("jjj").top)
    }

    @Test func severalArticlesOpenOnTheLibrary() {
        let korea = ArticleFixture.make(parts: [.title("Korea article"), .body("Seoul said on Monday it would talk.")],
                                        entities: [("Seoul", .place, ["Seoul"])], source: "seeds/wikinews-korea.txt")
        let state = ReaderState(documents: [ArticleDocument(ArticleFixture.harbour()), ArticleDocument(korea)],
                                width: 80, height: 12, theme: BuiltinThemes.mono)
        #expect(state.mode == .library(selected: 0))
        let lines = ReaderRenderer.render(state).lines
        // Unread (•), number, title; then words, actors, claims and notes in columns (and the date when wider).
        #expect(lines[2].hasPrefix(" • 1. Portugal & VELDCOM: Strong"))
        let portugal = state.documents[0].annotated
        let words = portugal.text.string.split(whereSeparator: \.isWhitespace).count
        #expect(lines[2].hasSuffix("\(words)       \(portugal.actors.count)       \(portugal.claims.count)      0 "))
        #expect(lines[1].hasSuffix("  words  actors  claims  notes "))
        #expect(!lines[1].contains("date"))
        #expect(ReaderRenderer.render(state, width: 120, height: 12).lines[1].hasSuffix("date    words  actors  claims  notes "))
        #expect(lines[3].hasPrefix(" • 2. Korea article  wikinews-korea.txt"))
        let opened = state.pressing("j\n")
        #expect(opened.current == 1)
        #expect(ReaderRenderer.render(opened).lines[0].hasPrefix(" Korea article"))
        #expect(opened.pressing("L").mode == .library(selected: 1))
    }

    @Test func nContinuesIntoTheNextArticleThatMentionsTheEntity() {
        let follow = ArticleFixture.make(parts: [
            .title("Ravelle visits Lisbon"),
            .body("The visit was short. General Ravelle met officials on Tuesday and praised the cooperation."),
        ], entities: [("Ravelle", .person, ["Ravelle"])], source: "follow-up.txt")
        var state = ReaderState(documents: [ArticleDocument(ArticleFixture.harbour()), ArticleDocument(follow)],
                                width: 80, height: 12, theme: BuiltinThemes.mono).pressing("\n")
        state.selectedEntity = 1  // Lorenzo Ravelle, three mentions in the first article
        let last = state.pressing("nnn")
        #expect(last.current == 0)
        #expect(last.focusSpan == last.document.mentionsByEntity[1][2])
        let next = last.pressing("n")
        #expect(next.current == 1)
        #expect(next.selectedEntity == 0)
        #expect(next.focusSpan.map { next.document.text.slice($0) } == "Ravelle")
        #expect(next.message == "Ravelle in follow-up.txt")
        let back = next.after(.command(.jumpBack))
        #expect(back.current == 0)
        // With one article, n wraps to the first mention instead.
        #expect(ArticleFixture.state().after(.command(.next)).message?.contains("select an entity") == true)
    }

    @Test func quitSetsTheFlagAndHelpClosesOnAnyKey() {
        #expect(start.pressing("q").shouldQuit)
        let help = start.pressing("?")
        #expect(help.mode == .help(scroll: 0))
        #expect(help.pressing("q").mode == .reading)
        #expect(!help.pressing("q").shouldQuit)
    }
}
