import Testing
@testable import DossierTUI

/// The prompt as a child model: its own apply edits the line, walks the history and completes,
/// and only Enter, Esc and a file-name Tab reach the reader.
@Suite struct PromptStateTests {
    @Test func typingReplacesTheSelectedDefaultAndEditingKeysEditIt() {
        var prompt = PromptState(purpose: .exportPath(format: .json, scope: .article), text: "/data/exports/a.notes.json", selected: true)
        var kept = prompt
        #expect(kept.apply(.lineEdit(.killWord), history: []) == .editing)
        #expect(kept.text == "/data/exports/")
        #expect(prompt.apply(.text("x"), history: []) == .editing)
        #expect(prompt.text == "x")
        #expect(prompt.apply(.lineEdit(.home), history: []) == .editing)
        _ = prompt.apply(.text("y"), history: [])
        #expect(prompt.text == "yx")
        _ = prompt.apply(.lineEdit(.killToEnd), history: [])
        #expect(prompt.text == "y")
        #expect(prompt.apply(.complete, history: []) == .needsPathListing("y"))
        #expect(prompt.apply(.command(.activate), history: []) == .submitted)
    }

    @Test func upAndDownWalkTheHistoryAndComeBackToTheDraft() {
        var prompt = PromptState(purpose: .search)
        _ = prompt.apply(.text("q"), history: [])
        let history = ["first", "second"]
        _ = prompt.apply(.history(-1), history: history)
        #expect(prompt.text == "second")
        _ = prompt.apply(.history(-1), history: history)
        #expect(prompt.text == "first")
        _ = prompt.apply(.history(-1), history: history)
        #expect(prompt.text == "first")
        _ = prompt.apply(.history(1), history: history)
        _ = prompt.apply(.history(1), history: history)
        #expect(prompt.text == "q")
    }

    @Test func tabCompletesFormatsAndListsSeveralCandidates() {
        var format = PromptState(purpose: .exportFormat(scope: .article), text: "markdown", selected: true)
        _ = format.apply(.text("w"), history: [])
        _ = format.apply(.complete, history: [])
        #expect(format.text == "webannotation")
        var path = PromptState(purpose: .exportPath(format: .markdown, scope: .article), text: "notes/b")
        _ = path.apply(.completions(prefix: "notes/b", names: ["briefing.md", "brief.md", "other.md"]), history: [])
        #expect(path.text == "notes/brief")
        #expect(path.error == "brief.md  briefing.md")
        #expect(path.apply(.command(.cancel), history: []) == .cancelled)
    }
}
