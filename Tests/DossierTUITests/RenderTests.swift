import Testing
import DossierCore
@testable import DossierTUI

/// Whole-screen assertions in the style of ratatui's `Buffer::with_lines`.
func padded(_ lines: [String], width: Int) -> [String] {
    lines.map { $0 + String(repeating: " ", count: max(0, width - DisplayWidth.of($0))) }
}

/// The column where `needle` starts on `row` of the canvas (cells, not characters).
func column(of needle: String, row: Int, in canvas: Canvas) -> Int? {
    let cells = (0..<canvas.width).filter { !canvas[$0, row].isContinuation }.map { ($0, canvas[$0, row].grapheme) }
    let target = needle.map(String.init)
    guard cells.count >= target.count else { return nil }
    for start in 0...(cells.count - target.count) where cells[start..<(start + target.count)].map(\.1) == target {
        return cells[start].0
    }
    return nil
}

@Suite struct RenderTests {
    @Test func openingScreenAt60ColumnsWrapsTheArticleAndShowsTheStatusLine() {
        let canvas = ReaderRenderer.render(ArticleFixture.state(width: 60, height: 12))
        #expect(canvas.lines == padded([
            " Portugal & VELDCOM: Strong Counter-Terrorism Partnership",
            "",
            // The reading cursor's bar: the first paragraph that can take a note (not the title).
            "▌Portugal’s Counterterrorism Efforts: A Pivotal Partnership",
            "▌for U.S. Security in a Shifting Landscape",
            "",
            " Over 1,000 terrorist attacks in Portugal since the start",
            " of 2024, resulting in 700 security personnel and civilian",
            " deaths and 2,500 wounded, underscore a stark reality:",
            " Portugal is deeply embroiled in a renewed counterterrorism",
            " struggle. But, surprisingly, amidst escalating regional",
            " tensions and Spain’s accusations of harboring terror",
            " portugal-veldcom.txt  §1/3 0% READ                  ? help",
        ], width: 60))
    }

    @Test func highlightsQuotesNumbersAndEntitiesByKind() {
        let state = ArticleFixture.state(width: 60, height: 24)
        let canvas = ReaderRenderer.render(state)
        let mono = BuiltinThemes.mono
        // Row 5: " Over 1,000 terrorist attacks in Portugal since the start"
        let number = column(of: "1,000", row: 5, in: canvas)!
        #expect(canvas.style(atColumn: number, row: 5) == mono[.text].layered(with: mono[.number]))
        #expect(canvas.style(atColumn: number - 2, row: 5) == mono[.text])
        let place = column(of: "Portugal", row: 5, in: canvas)!
        #expect(canvas.style(atColumn: place + 7, row: 5) == mono[.place])
        #expect(canvas.style(atColumn: place + 8, row: 5) == mono[.text])
        let ravelleRow = (0..<canvas.height).first { canvas.line($0).contains("Ravelle") }!
        let ravelle = column(of: "Lorenzo Ravelle", row: ravelleRow, in: canvas)!
        #expect(canvas.style(atColumn: ravelle, row: ravelleRow) == mono[.person])
        let quoteRow = (0..<canvas.height).first { canvas.line($0).contains("phenomenal") }!
        let quote = column(of: "“phenomenal", row: quoteRow, in: canvas)!
        #expect(canvas.style(atColumn: quote, row: quoteRow) == mono[.quote])
        #expect(canvas.style(atColumn: quote - 2, row: quoteRow) == mono[.text])
    }

    @Test func theSelectedEntityStandsOutFromOtherMentions() {
        var state = ArticleFixture.state(width: 60, height: 24)
        state.selectedEntity = 1  // Lorenzo Ravelle
        let canvas = ReaderRenderer.render(state)
        let mono = BuiltinThemes.mono
        let row = (0..<canvas.height).first { canvas.line($0).contains("Ravelle") }!
        let ravelle = column(of: "Ravelle", row: row, in: canvas)!
        #expect(canvas.style(atColumn: ravelle, row: row) == mono[.person].layered(with: mono[.selected]))
        let portugal = column(of: "Portugal", row: 5, in: canvas)!
        #expect(canvas.style(atColumn: portugal, row: 5) == mono[.place])
    }

    @Test func sidePaneListsActorsAndClaimsOfTheSection() {
        let canvas = ReaderRenderer.render(ArticleFixture.state(width: 100, height: 14))
        let side = canvas.lines.map { String($0.dropFirst(69)) }
        #expect(side == padded([
            "│ Actors (4) · §1/3      men cl",
            "│ Lorenzo Ravelle    per   1  1",
            "│ Portugal           plc   5  0",
            "│ Spain              plc   1  0",
            "│ VELDCOM            org   2  0",
            "│",
            "│ Claims (1)",
            "│ Lorenzo Ravelle — said:",
            "│   “phenomenal partner”",
            "│",
            "│",
            "│",
            "│",
        ], width: 31) + [String(canvas.lines[13].dropFirst(69))])
    }

    @Test func sidePaneFollowsTheSectionAndSwitchesToTheWholeArticle() {
        let second = ArticleFixture.state(width: 100, height: 14).pressing("]")
        let sideOfSecond = ReaderRenderer.render(second).lines.map { String($0.dropFirst(69)) }
        #expect(sideOfSecond[0].hasPrefix("│ Actors (3) · §2/3"))
        #expect(sideOfSecond[3].hasPrefix("│ Benedikt Wendelbr… per   1  0"))
        let whole = second.pressing("w")
        let sideOfWhole = ReaderRenderer.render(whole).lines.map { String($0.dropFirst(69)) }
        #expect(sideOfWhole[0].hasPrefix("│ Actors (5) · article"))
        #expect(sideOfWhole.contains { $0.hasPrefix("│ Claims (3)") })
    }

    @Test func tooSmallTerminalShowsAMessageInsteadOfTheLayout() {
        let canvas = ReaderRenderer.render(ArticleFixture.state(width: 30, height: 8))
        #expect(canvas.lines == padded([
            "",
            "",
            "      Terminal too small",
            "         need 40×10,",
            "          have 30×8",
            "          (q quits)",
            "",
            "",
        ], width: 30))
    }

    @Test func helpIsGeneratedFromTheActiveKeyMap() {
        var keys = KeyMap.standard
        keys.bind(.quit, to: [Key.character("x")])
        let lines = HelpOverlay.lines(keyMap: keys)
        // Keys, then the action's name for the config's [keys] table, then what it does.
        #expect(lines.contains { $0.hasPrefix("x ") && $0.contains(" quit ") && $0.hasSuffix(" quit") })
        #expect(lines.contains { $0.hasPrefix("] ") && $0.contains(" next-section ") && $0.hasSuffix(" next section") })
        #expect(lines.contains { $0.hasPrefix("C-o ") && $0.contains(" jump-back ") && $0.hasSuffix("back to where you jumped from") })
        #expect(!lines.contains { $0.hasPrefix("q ") })
        #expect(lines.contains { $0.hasPrefix("(none)") && $0.contains("sort-library") } == false)
        var state = ArticleFixture.state(width: 80, height: 40)
        state.keyMap = keys
        let canvas = ReaderRenderer.render(state.pressing("?"))
        #expect(canvas.lines.contains { $0.contains("│ x ") && $0.contains(" quit ") })
        #expect(canvas.lines[39].contains("HELP"))
    }

    @Test func searchPromptAndMatchCountAppearOnTheStatusLine() {
        let prompt = ArticleFixture.state(width: 60, height: 12).pressing("/rave")
        #expect(ReaderRenderer.render(prompt).lines[11].hasPrefix("/rave  "))
        let searched = prompt.pressing("lle\nn")
        let status = ReaderRenderer.render(searched).lines[11]
        #expect(status.hasSuffix("/ravelle 2/3 "))
    }

    @Test func noColorThemeDrawsWithAttributesOnly() {
        var state = ArticleFixture.state(width: 100, height: 24)
        state.theme = BuiltinThemes.standard.withoutColors()
        state.selectedEntity = 1
        let canvas = ReaderRenderer.render(state)
        #expect(canvas.cells.allSatisfy { $0.style.foreground == nil && $0.style.background == nil })
        let row = (0..<canvas.height).first { canvas.line($0).contains("Ravelle") }!
        let ravelle = column(of: "Ravelle", row: row, in: canvas)!
        #expect(!canvas.style(atColumn: ravelle, row: row).attributes.isEmpty)
    }

    @Test func wideCharacterArticleWrapsWithinThePane() {
        let article = ArticleFixture.make(parts: [
            .title("東京で記者会見"),
            .body("日本の首相は記者会見で新しい経済対策を発表した。首相は「景気は回復している」と述べた。"),
        ], entities: [("日本", .place, ["日本"])])
        let state = ReaderState(documents: [ArticleDocument(article)], width: 40, height: 10, theme: BuiltinThemes.mono)
        let canvas = ReaderRenderer.render(state)
        #expect(canvas.lines.prefix(6) == padded([
            " 東京で記者会見",
            "",
            "▌日本の首相は記者会見で新しい経済対策を",
            "▌発表した。首相は「景気は回復している」",
            "▌と述べた。",
            "",
        ], width: 40)[...])
        let place = column(of: "日本", row: 2, in: canvas)!
        #expect(place == 1)
        #expect(canvas.style(atColumn: 1, row: 2) == BuiltinThemes.mono[.place])
    }
}
