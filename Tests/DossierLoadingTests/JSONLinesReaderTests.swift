import DossierCore
import Foundation
import Testing
@testable import DossierLoading

/// The JSON Lines reader's own trim and line cut must give what Foundation's trim and a cut
/// between characters gave: the output of `annotate` on a feed may not change.
@Suite struct JSONLinesReaderTests {
    /// Texts whose ends hold ASCII spaces and tabs, Unicode spaces (no-break, ideographic, en),
    /// line breaks, and letters (ASCII and not).
    static let samples: [String] = [
        "", " ", "\t \t", "plain", "  two words  ", "\tx\t", "\u{00A0}nbsp\u{00A0}", " \u{3000}wide\u{3000} ",
        "\u{2002} en \u{2002}", "é", " é ", "\u{00A0}", "line\nbreak\n", "\n\n x \n", "\u{0085}next\u{0085}",
        "\u{2028}ls\u{2029}", "\u{200B}zw\u{200B}", "Ünïcödé  ", "  日本  ",
        // Curly quotes, marks, emoji and other scalars that are no space at or near the ends.
        "\u{201C}Quoted,\u{201D} she said.\u{201D}", "\n\u{201C}Quoted\u{201D}\n", " x\u{301}", "\u{301}x ",
        "end \u{1F44D}", "\u{1F44D} start", " \u{2028}\u{201D} ", "x\u{301} \n", "\u{201D} \u{00A0}",
        "\u{200B}\u{201C}", "a\u{2029}", "\u{FEFF}bom\u{FEFF}", "\u{00A0}\u{201C}x\u{201D}\u{3000}",
    ]

    @Test(arguments: samples)
    func theFastTrimGivesFoundationsResult(_ text: String) {
        // Compared as bytes: `==` of strings would accept a canonically equivalent result.
        #expect(Array(FastTrim.trimming(text, in: FastTrim.whitespaces).utf8)
                == Array(text.trimmingCharacters(in: .whitespaces).utf8))
        #expect(Array(FastTrim.trimming(text, in: FastTrim.whitespacesAndNewlines).utf8)
                == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
    }

    @Test func linesAreNumberedFromOneAndBlankOrSpaceOnlyLinesSkipped() {
        let feed = "{\"text\": \"First.\"}\n\n \t \n\u{00A0}{\"text\": \"Second.\"}\n  {\"text\": \"Third.\"}\t\n"
        let read = JSONLinesReader.documents(in: feed)
        #expect(read.map(\.line) == [1, 4, 5])
        guard read.count == 3 else { return }
        #expect(Self.outcome(read[0].result) == "First.")
        // A no-break space at the line's start is left to Foundation's trim: the line reads as it did.
        let foundation = "\u{00A0}{\"text\": \"Second.\"}".trimmingCharacters(in: .whitespaces)
        #expect(Self.outcome(read[1].result) == Self.outcome(JSONLinesReader.document(from: foundation)))
        #expect(Self.outcome(read[1].result) == "Second.")
        #expect(Self.outcome(read[2].result) == "Third.")
    }

    static func outcome(_ result: Result<SourceDocument, JSONLineError>) -> String {
        switch result {
        case .success(let document): return document.text
        case .failure(let error): return "error: " + error.reason
        }
    }

    @Test func aTitleAndTextAreTrimmedOfSpacesAndLineBreaks() throws {
        let read = JSONLinesReader.documents(in: "{\"title\": \" Harbour Plan \\n\", \"text\": \"\\n\\t Ysolde Brannic spoke. \\n\"}")
        let document = try #require(read.first).result
        #expect(try document.get().titleHint == "Harbour Plan")
        #expect(try document.get().text == "Harbour Plan\n\nYsolde Brannic spoke.")
    }

    /// Records the flat reader takes, and others it leaves to Foundation (nil).
    static let records: [(line: String, flat: Bool)] = [
        (#"{"title": "Harbour Plan", "text": "Ysolde Brannic spoke."}"#, true),
        (#"{"text":"Tab\there, quote \" slash \/ back \\ nl \n cr \r bs \b ff \f"}"#, true),
        (#"{"text": "Café \u00e9 \u2019 \ud83d\ude00 raw é 日本", "url": "https://example.org/a"}"#, true),
        (#"  { "text" : "spaced" , "date" : "2026-01-02" }  "#, true),
        (#"{}"#, true),
        (#"{"text": "nul \u0000 inside"}"#, true),
        (#"{"text": "a number follows", "words": 12}"#, false),
        (#"{"text": "nested", "meta": {"a": "b"}}"#, false),
        (#"{"text": null}"#, false),
        (#"{"text": "twice", "text": "again"}"#, false),
        (#"{"text": "lone \ud83d surrogate"}"#, false),
        (#"{"text": "bad \x escape"}"#, false),
        (#"{"text": "unclosed}"#, false),
        (#"{"text": "trailing"} x"#, false),
        (#"["text"]"#, false),
        ("{\"text\": \"raw \t tab\"}", false),
    ]

    @Test func theFlatReaderReadsWhatFoundationReadsAndLeavesTheRestToIt() throws {
        for (line, flat) in Self.records {
            let fields = FlatJSONObject.fields(Array(line.utf8))
            #expect((fields != nil) == flat, "\(line)")
            guard let fields else { continue }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(fields.keys), "\(line)")
            for (key, value) in object { #expect(value as? String == fields[key], "\(line) \(key)") }
        }
    }

    @Test func aRecordWithANumberFieldStillReadsThroughFoundation() throws {
        let read = JSONLinesReader.documents(in: #"{"text": "Ysolde Brannic spoke.", "words": 3, "title": "Harbour"}"#)
        #expect(try #require(read.first).result.map(\.text) == .success("Harbour\n\nYsolde Brannic spoke."))
    }
}
