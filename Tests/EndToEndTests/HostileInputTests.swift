import Foundation
import Testing

/// Hostile and broken input through the real binary: every file gives a clean result or a
/// one-line error, and no control character, escape sequence, bidi override or zero-width
/// character survives into the JSON's text.
@Suite(.serialized) struct HostileInputTests {
    /// Scalars that must never reach output: C0 (but \n, \t), DEL, C1, bidi controls, zero-width.
    static func forbiddenScalars(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { v in
            (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
                || v == 0x061C || (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF
        }
    }

    static func annotateJSON(_ fixture: String) throws -> (DossierBinary.Outcome, [String: Any]?) {
        let outcome = try DossierBinary.run(["annotate", "--format", "json", DossierBinary.fixture("hostile/\(fixture)").path])
        let object = try? JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any]
        return (outcome, object)
    }

    @Test(arguments: ["escape-csi.txt", "escape-osc52.txt", "escape-osc8.txt", "escape-osc0-title.txt",
                      "escape-dcs.txt", "c1-controls.txt", "bel-backspace-cr.txt", "bidi-overrides.txt",
                      "zero-width.txt"])
    func terminalControlIsRemovedAndTheTextAfterItSurvives(fixture: String) throws {
        let (outcome, json) = try Self.annotateJSON(fixture)
        #expect(outcome.status == 0, "\(fixture): \(outcome.stderr)")
        let text = try #require(json?["text"] as? String)
        #expect(Self.forbiddenScalars(in: text).isEmpty, "\(fixture) leaks \(Self.forbiddenScalars(in: text))")
        #expect(text.contains("VISIBLE-AFTER"), "\(fixture): text after the sequence was lost")
        // Payloads of OSC strings (title, clipboard, link target) are part of the sequence: dropped whole.
        #expect(!text.contains("PWNED-TITLE"))
        #expect(!text.contains("ZXZpbCBjbGlwYm9hcmQ="))
        #expect(!text.contains("evil.example"))
        // Nothing anywhere in the raw output carries an ESC byte.
        #expect(!outcome.stdout.contains(0x1B))
    }

    @Test func invalidUTF8IsRepairedWithReplacementCharacters() throws {
        let (outcome, json) = try Self.annotateJSON("invalid-utf8.txt")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try #require(json?["text"] as? String)
        #expect(text.contains("\u{FFFD}"))
        #expect(text.contains("Overlong"))
        #expect(text.contains("Truncated at the end"))
    }

    @Test func utf8ByteOrderMarkIsDropped() throws {
        let (outcome, json) = try Self.annotateJSON("utf8-bom.txt")
        #expect(outcome.status == 0)
        let text = try #require(json?["text"] as? String)
        #expect(!text.unicodeScalars.contains("\u{FEFF}"))
        #expect(text.contains("VISIBLE-AFTER"))
    }

    @Test(arguments: ["utf16le-bom.txt", "utf16be-bom.txt"])
    func utf16IsDecodedOrRefusedClearly(fixture: String) throws {
        let (outcome, json) = try Self.annotateJSON(fixture)
        if outcome.status == 0 {
            let text = try #require(json?["text"] as? String)
            #expect(text.contains("VISIBLE-AFTER"), "UTF-16 decoded wrongly")
        } else {
            #expect(outcome.stderr.contains("UTF-16"))
            #expect(outcome.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func nulBytesAreRefusedAsNotText() throws {
        let (outcome, _) = try Self.annotateJSON("nul-bytes.bin")
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("not a text file"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stdout.isEmpty)
    }

    @Test(arguments: ["empty.txt", "whitespace-only.txt"])
    func emptyInputIsRefusedWithOneLine(fixture: String) throws {
        let (outcome, _) = try Self.annotateJSON(fixture)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("empty input"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: ["boilerplate-only.txt", "quotes-only.txt",
                      "unmatched-quotes.txt", "emoji-combining.txt", "rtl-scripts.txt", "long-url.txt"])
    func oddButValidInputGivesAValidResult(fixture: String) throws {
        let (outcome, json) = try Self.annotateJSON(fixture)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 0, "\(fixture): \(outcome.stderr)")
        let object = try #require(json, "\(fixture): output is not one JSON object")
        let text = try #require(object["text"] as? String)
        let length = text.unicodeScalars.count
        for key in ["quotes", "numbers", "claims"] {
            for item in object[key] as? [[String: Any]] ?? [] {
                let start = try #require(item["start"] as? Int), end = try #require(item["end"] as? Int)
                #expect(0 <= start && start <= end && end <= length, "\(fixture): \(key) span \(start)..<\(end) outside text")
            }
        }
        for entity in object["entities"] as? [[String: Any]] ?? [] {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
                #expect(0 <= start && start < end && end <= length)
            }
        }
    }

    @Test func emojiAndCombiningSequencesStayIntact() throws {
        let (_, json) = try Self.annotateJSON("emoji-combining.txt")
        let text = try #require(json?["text"] as? String)
        #expect(text.contains("👩‍👩‍👧‍👦"), "zero-width joiners inside emoji sequences must survive")
        #expect(text.contains("e\u{301}"))
        #expect(text.contains("漢字の記事"))
    }

    /// Large generated inputs (kept small enough for a debug build in CI; the full-size
    /// 50 MB line and million paragraphs are exercised by Benchmarks/).
    @Test func largeSingleLineAndManyParagraphsFinish() throws {
        let line = String(repeating: "The minister said the talks, which began in 2019, would resume. ", count: 40_000)
        let single = try DossierBinary.run(["annotate", "--format", "json", "-"], stdin: Data(line.utf8), timeout: 300)
        #expect(!single.timedOut)
        #expect(single.status == 0, "\(single.stderr)")
        let paragraphs = (0..<100_000).map { "word\($0 % 10)" }.joined(separator: "\n\n")
        let many = try DossierBinary.run(["annotate", "--format", "json", "-"], stdin: Data(paragraphs.utf8), timeout: 300)
        #expect(!many.timedOut)
        #expect(many.status == 0, "\(many.stderr)")
    }
}
