import Foundation
import Testing
@testable import DossierTUI
import DossierExport

/// The package root, found from this file's path, for reading themes/.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/DossierTUITests/ThemeTests.swift
    return parts.joined(separator: "/")
}()

@Suite struct ThemeTests {
    /// The HTML export's colours from a theme: a theme for dark terminals makes a dark page, a light
    /// one a light page, and each element's colour goes where the export uses it.
    @Test func themesBecomeHTMLPalettes() throws {
        let dark = try ThemeLoader().load("default").htmlPalette
        #expect(dark.background == "#1c1c1c")
        #expect(dark.person == "#ff87af" && dark.quote == "#afd787" && dark.highlight == "#d7d75f")
        let light = try ThemeLoader().load("light").htmlPalette
        #expect(light.background == HTMLPalette.builtIn.background)
        #expect(light.person == "#af005f" && light.organization == "#0000af")
        // A theme of terminal colours only keeps the built-in colours it cannot name as #rrggbb.
        let mono = try ThemeLoader().load("mono").htmlPalette
        #expect(mono.background == HTMLPalette.builtIn.background && mono.person == HTMLPalette.builtIn.person)
        #expect(Color.ansi(0).hexString == "#000000")
        #expect(Color.rgb(10, 171, 255).hexString == "#0aabff")
        #expect(Color.terminalDefault.hexString == nil)
    }

    @Test(arguments: ThemeLoader.builtinNames)
    func builtinThemeMatchesItsFileAndStylesEveryElement(name: String) throws {
        let file = TextFile.read("\(packageRoot)/themes/\(name).toml")
        #expect(file == BuiltinThemes.source(named: name)! + "\n")
        let theme = try ThemeParser.parse(BuiltinThemes.source(named: name)!, file: "\(name).toml", base: nil)
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(ThemeElement.allCases))
    }

    @Test func monoThemeHasNoColours() {
        #expect(BuiltinThemes.mono.styles.values.allSatisfy { $0.foreground == nil && $0.background == nil })
        #expect(BuiltinThemes.standard[.person].foreground == .rgb(0xff, 0x87, 0xaf))
    }

    @Test func aBrokenThemeNamesTheFileAndLine() {
        let source = """
            name = "broken"
            [styles]
            title = { bold = true }
            quote = { fg = "chartreuse-ish" }
            """
        #expect(throws: ConfigProblem(file: "broken.toml", line: 4,
                                      message: "quote.fg: not a colour (use a name like \"red\", 0-255, or \"#rrggbb\")")) {
            try ThemeParser.parse(source, file: "broken.toml", base: nil)
        }
        do {
            _ = try ThemeParser.parse("[styles]\ntitle = { bold = true\n", file: "t.toml", base: nil)
            Issue.record("an unclosed table parsed")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("t.toml:2: "))
        }
        #expect(throws: ConfigProblem.self) { try ThemeParser.parse("[styles]\nheadline = {}\n", file: "t.toml", base: nil) }
    }

    @Test func aThemeFileLeavingElementsOutInheritsTheDefault() throws {
        let theme = try ThemeParser.parse("[styles]\nperson = { fg = \"red\", italic = true }\n", file: "mine.toml", base: BuiltinThemes.standard)
        #expect(theme[.person] == Style(foreground: .ansi(1), attributes: .italic))
        #expect(theme[.place] == BuiltinThemes.standard[.place])
        #expect(theme.name == "mine")
    }

    @Test func unknownThemeNameIsAOneLineProblem() {
        #expect(throws: ConfigProblem.self) { try ThemeLoader(userThemesDirectory: nil).load("solarized-nonexistent") }
        #expect((try? ThemeLoader(userThemesDirectory: nil).load("light"))?.name == "light")
        #expect((try? ThemeLoader(userThemesDirectory: nil).load("\(packageRoot)/themes/high-contrast.toml"))?.name == "high-contrast")
    }

    @Test func coloursParseAndFallBackByTerminalCapability() {
        #expect(Color(name: "bright-blue") == .ansi(12))
        #expect(Color(name: "208") == .indexed(208))
        #expect(Color(name: "3") == .ansi(3))
        #expect(Color(name: "#ff8700") == .rgb(255, 135, 0))
        #expect(Color(name: "#ff870") == nil)
        #expect(Color(name: "256") == nil)
        let orange = Color.rgb(255, 135, 0)
        #expect(ColorCapability.truecolor.terminalNumber(for: orange) == 0xff8700)
        #expect(ColorCapability.indexed256.terminalNumber(for: orange) == 208)
        #expect(ColorCapability.basic16.terminalNumber(for: .rgb(250, 250, 250)) == 15)
        #expect(ColorCapability.basic8.terminalNumber(for: .ansi(9)) == 1)
        #expect(ColorCapability.basic16.terminalNumber(for: .indexed(196)) == 9)
        #expect(ColorCapability.none.terminalNumber(for: orange) == nil)
        #expect(ColorCapability(colors: 256) == .indexed256)
        #expect(ColorCapability(colors: 1 << 24) == .truecolor)
    }
}

@Suite struct ConfigTests {
    @Test func configRebindsKeysAndSetsOptions() throws {
        let config = try ReaderConfig.parse("""
            theme = "light"
            mouse = true
            side-pane-width = 40

            [keys]
            quit = ["x", "C-q"]
            scroll-down = "e"
            """, file: "config.toml")
        #expect(config.theme == "light")
        #expect(config.mouse)
        #expect(config.sidePaneWidth == 40)
        #expect(config.keyMap.command(for: .character("x")) == .quit)
        #expect(config.keyMap.command(for: .control("q")) == .quit)
        #expect(config.keyMap.command(for: .character("q")) == nil)
        #expect(config.keyMap.command(for: .character("e")) == .scrollDown)
        #expect(config.keyMap.command(for: .character("j")) == nil)
        #expect(config.keyMap.command(for: .character("k")) == .scrollUp)
    }

    @Test func aBadConfigEntryNamesItsLine() {
        #expect(throws: ConfigProblem(file: "config.toml", line: 3,
                                      message: "\"ctrl+x\" is not a key (use a character, C-x, up, down, pgup, pgdn, home, end, enter, esc, tab, space, F1…)")) {
            try ReaderConfig.parse("theme = \"mono\"\n[keys]\nquit = \"ctrl+x\"\n", file: "config.toml")
        }
        #expect(throws: ConfigProblem.self) { try ReaderConfig.parse("colour = 3\n", file: "c.toml") }
        #expect(throws: ConfigProblem.self) { try ReaderConfig.parse("[keys]\nfly = \"x\"\n", file: "c.toml") }
        #expect(throws: ConfigProblem.self) { try ReaderConfig.parse("side-pane-width = 3\n", file: "c.toml") }
    }

    @Test func keyNamesRoundTrip() {
        for name in ["j", "G", "C-d", "space", "pgdn", "enter", "esc", "tab", "S-tab", "F1", "]", "/"] {
            #expect(Key(name: name)?.description == name)
        }
        #expect(Key.fromControlByte(4) == .control("d"))
        #expect(Key.fromControlByte(15) == .control("o"))
        #expect(Key.fromControlByte(9) == .tab)
    }
}

/// Inputs the theme/config fuzzer found (Tests/Fixtures/hostile/theme-fuzz-*): each must give a
/// theme or a one-line problem, and a theme keeps a style for every element.
@Suite struct ThemeFuzzRegressionTests {
    static let inputs: [String] = {
        let folder = "\(packageRoot)/Tests/Fixtures/hostile"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix("theme-fuzz-") }.sorted().map { "\(folder)/\($0)" }
    }()

    @Test func thereAreRegressionInputs() { #expect(Self.inputs.count >= 2) }

    @Test(arguments: inputs)
    func parsesToAThemeOrOneLineProblem(path: String) throws {
        let source = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        do { _ = try ReaderConfig.parse(source, file: "config.toml") } catch {
            let line = String(describing: error)
            #expect(!line.contains("\n"), "\(line)")
        }
        do {
            let theme = try ThemeLoader(userThemesDirectory: nil).load(path)
            #expect(ThemeElement.allCases.allSatisfy { theme.styles[$0] != nil })
        } catch {
            let line = String(describing: error)
            #expect(!line.contains("\n"), "\(line)")
        }
    }
}

/// toml++ asserts (aborts the process) on some malformed structure; `TOMLSyntaxCheck` must turn
/// each of these into a problem on the right line, and let every well-formed file through.
@Suite struct TOMLSyntaxCheckTests {
    @Test(arguments: ["[.styles]", "[ .styles]", "[[.a]]", "[=a]", "[,]", "[\t!a]", "["])
    func headerWithoutANameIsAProblem(header: String) {
        let problem = TOMLSyntaxCheck.firstProblem(in: "name = \"x\"\n\n\(header)\ntext = {}\n")
        #expect(problem?.line == 3)
        #expect(problem?.message.contains("table header") == true, "\(String(describing: problem))")
    }

    /// Where an array expects a value, a closing brace (toml++: `!is_value_terminator` assertion).
    @Test(arguments: ["a = [}", "a = [ }", "a = [1, }", "a = [[}]", "a = [[ }", "a = [\n  1,\n  }\n]"])
    func braceWhereAnArrayExpectsAValueIsAProblem(line: String) {
        let problem = TOMLSyntaxCheck.firstProblem(in: "# theme\n" + line + "\n")
        #expect(problem != nil, "\(line) passed")
        #expect((problem?.line ?? 0) >= 2)
    }

    @Test(arguments: ["a = ", "a = }", "= 1", "a b = 1", "a = 1 2", "a = { b = 1,}", "a = { b = 1\n}", "a = \"open",
                      "a = '''never closed", "[styles", "[[a]"])
    func otherMalformedLinesAreProblems(line: String) {
        #expect(TOMLSyntaxCheck.firstProblem(in: line + "\n") != nil, "\(line) passed")
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let deep = "a = " + String(repeating: "[", count: 10_000) + "\n"
        #expect(TOMLSyntaxCheck.firstProblem(in: deep)?.message.contains("nested") == true)
    }

    @Test func theBuiltInThemesPass() throws {
        for name in ["default", "light", "high-contrast", "mono"] {
            let source = try String(contentsOfFile: "\(packageRoot)/themes/\(name).toml", encoding: .utf8)
            #expect(TOMLSyntaxCheck.firstProblem(in: source) == nil, "\(name).toml")
        }
    }

    @Test func wellFormedTOMLPasses() {
        let source = #"""
            # a config
            theme = "light"   # trailing comment
            mouse = true
            side-pane-width = 40
            ratio = -1.5e3
            "quoted key" = 'literal \ string'
            a.b . c = 0x1F
            notes = """
            several "lines" \"""
            [.not a header]
            """
            raw = '''
            it's raw'''

            [keys]
            quit = ["q", "ctrl-c",]
            down = [
              "j",   # vi
              "down",
            ]
            nested = [[1, 2], [], [{ x = 1 }]]
            [[styles.list]]
            empty = {}
            inline = { fg = "#ffffff", sub = { bold = true } }
            """#
        let problem = TOMLSyntaxCheck.firstProblem(in: source + "\r\nlast = 1")
        #expect(problem == nil, "\(String(describing: problem))")
    }
}
