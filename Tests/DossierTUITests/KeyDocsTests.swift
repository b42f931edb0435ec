import Foundation
import Testing
@testable import DossierTUI

/// The key tables people read must say what the key map does: docs/KEYS.md row by row, and every
/// key of the README's table bound, and every bound key in it (a key renamed in code and not in the README fails).
@Suite struct KeyDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// How the README writes a key: arrows as arrows, named keys capitalised.
    static func readmeName(_ key: Key) -> String {
        switch key {
        case .down: return "↓"
        case .up: return "↑"
        case .pageDown: return "PgDn"
        case .pageUp: return "PgUp"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        default: return key.description
        }
    }

    @Test func keysDocListsEveryActionWithItsDefaultKeysAndSummary() throws {
        let doc = try Self.read("docs/KEYS.md")
        let map = KeyMap.standard
        for command in Command.allCases {
            let line = doc.split(separator: "\n").first { $0.hasPrefix("| `\(command.rawValue)` |") }
            guard let line else { Issue.record("docs/KEYS.md has no row for \(command.rawValue)"); continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count == 3, "\(line)")
            guard cells.count == 3 else { continue }
            // The keys in any order; the summary as the help overlay shows it.
            let documented = Set(cells[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(documented == Set(map.keys(for: command).map { "`\($0)`" }), "docs/KEYS.md misstates the keys of \(command.rawValue)")
            #expect(cells[2] == command.summary, "docs/KEYS.md misstates what \(command.rawValue) does")
        }
    }

    @Test func everyKeyOfTheReadmeTableIsBoundAndEveryBindingListed() throws {
        let readme = try Self.read("README.md")
        guard let start = readme.range(of: "| Keys | Action |") else { Issue.record("no key table in the README"); return }
        let rows = readme[start.upperBound...].split(separator: "\n").dropFirst().prefix { $0.hasPrefix("|") }
        let map = KeyMap.standard
        var named: [String: Key] = [:]
        for key in map.bindings.keys { named[Self.readmeName(key)] = key }
        var listed: Set<Key> = []
        for row in rows {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count > 2 else { continue }
            // The keys are the backticked words of the first cell.
            let keys = cells[1].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            for name in keys {
                guard let key = named[name] else { Issue.record("README lists `\(name)`, which no default binding has: \(row)"); continue }
                listed.insert(key)
            }
        }
        let unlisted = Set(map.bindings.keys).subtracting(listed).map(Self.readmeName).sorted()
        #expect(unlisted.isEmpty, "bound keys missing from the README's key table: \(unlisted)")
    }
}
