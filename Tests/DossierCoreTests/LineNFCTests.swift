import Foundation
import Testing
@testable import DossierCore

/// `LineNFC` (NFC line by line, stable lines copied) against the standard library's NFC of the whole text.
@Suite struct LineNFCTests {
    private func wholeTextNFC(_ text: String) -> String {
        String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    private func lineByLine(_ text: String) -> String {
        LineNFC.normalized(Array(text.utf8))
    }

    @Test func mixedLinesNormaliseAsTheWholeTextDoes() {
        let samples = [
            "Jose\u{301} said \u{201C}yes\u{201D}.\nPlain line \u{2014} with a dash.\n",
            "\u{301}a mark opening the text\n\u{301}and one opening a line\n",
            "A line ending in a mark e\u{301}\n\u{327}c\u{301} marks out of order: a\u{301}\u{327}\n",
            "Hangul jamo \u{1100}\u{1161}\u{11A8} compose\nOhm \u{2126}, kelvin \u{212A} and \u{212B} are singletons\n",
            "Quotes \u{2018}only\u{2019} and \u{20AC}5 \u{2026}\n\nAll stable \u{2022} here\n",
            "\u{2000}en quad is a singleton\n\u{2001}so is em quad",
            "\n\n\u{E9}t\u{E9} precomposed, e\u{301}te\u{301} not",
            "Emoji \u{1F600} and Greek \u{3B1}\u{301} \u{1F00}\u{345}\n",
            "no newline at the end e\u{301}",
            // Lines NFC leaves alone around one it changes: only from the changed line on is the text copied.
            "Greek \u{3B1}\u{3B2} already NFC\nthen e\u{301} composes\n\u{3B3} unchanged again\nJose\u{301}",
            "",
        ]
        for sample in samples {
            #expect(lineByLine(sample) == wholeTextNFC(sample), "\(sample.debugDescription)")
            #expect(Array(lineByLine(sample).utf8) == Array(wholeTextNFC(sample).utf8))
        }
        // The samples do exercise normalisation: most change under NFC.
        #expect(samples.filter { wholeTextNFC($0).utf8.count != $0.utf8.count }.count >= 5)
    }

    @Test func generatedTextsNormaliseAsTheWholeTextDoes() {
        // Scalars chosen to meet at line starts and ends: marks, stable punctuation, singletons, jamo.
        let alphabet: [Unicode.Scalar] = ["a", "e", "A", " ", "\n", "\n", "\u{301}", "\u{308}", "\u{327}", "\u{E9}",
                                          "\u{201C}", "\u{2014}", "\u{20AC}", "\u{2126}", "\u{1100}", "\u{1161}",
                                          "\u{11A8}", "\u{3B1}", "\u{345}", "\u{2000}", "\u{2011}", "\u{2044}",
                                          "\u{418}", "\u{306}", "\u{439}", "\u{416}"]
        var generator = SplitMix(seed: 13)
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 40) {
                text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            let sample = String(text)
            #expect(Array(lineByLine(sample).utf8) == Array(wholeTextNFC(sample).utf8), "\(sample.debugDescription)")
        }
    }

    /// A long line is normalised in pieces cut before an ASCII scalar or a letter: tiny pieces put a
    /// cut at every such point, next to marks, jamo and singletons, and the result is still the whole text's NFC.
    @Test(arguments: [1, 2, 3, 7])
    func linesInPiecesNormaliseAsTheWholeTextDoes(pieceBytes: Int) {
        let alphabet: [Unicode.Scalar] = ["a", "e", "A", " ", " ", "\n", "\u{301}", "\u{308}", "\u{327}", "\u{E9}",
                                          "\u{201C}", "\u{2126}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{3B1}",
                                          "\u{345}", "\u{1F600}", "\u{AC00}", "\u{4E2D}", "\u{4E2D}", "\u{9FA5}",
                                          "\u{4DC0}", "\u{3400}", "\u{3B2}", "\u{212A}", "\u{B92}", "\u{BD7}",
                                          "\u{1100}", "\u{304B}", "\u{3099}",
                                          // Cyrillic: И composes with the breve to Й; Й itself and the rest are inert.
                                          "\u{418}", "\u{306}", "\u{439}", "\u{416}", "\u{3C9}"]
        var generator = SplitMix(seed: UInt64(pieceBytes))
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 60) {
                text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            let sample = String(text)
            let pieces = LineNFC.normalized(Array(sample.utf8), pieceBytes: pieceBytes)
            #expect(Array(pieces.utf8) == Array(wholeTextNFC(sample).utf8), "\(sample.debugDescription)")
        }
        // A piece ends before an ASCII byte, never inside a scalar or before a mark; a line with no
        // ASCII after the cut point is one piece to its end.
        let line = Array("ab\u{301}c\u{4E2D}d".utf8)
        line.withUnsafeBufferPointer { bytes in
            #expect(LineNFC.pieceEnd(bytes, from: 0, lineEnd: bytes.count, pieceBytes: 1) == 1)
            #expect(LineNFC.pieceEnd(bytes, from: 1, lineEnd: bytes.count, pieceBytes: 1) == 4)
            #expect(LineNFC.pieceEnd(bytes, from: 4, lineEnd: bytes.count, pieceBytes: 1) == 5)
            #expect(LineNFC.pieceEnd(bytes, from: 5, lineEnd: bytes.count, pieceBytes: 1) == 8)
            #expect(LineNFC.pieceEnd(bytes, from: 8, lineEnd: bytes.count, pieceBytes: 1) == 9)
        }
        // Outside ASCII, a line is cut before a CJK ideograph, and nowhere else.
        let chinese = Array("e\u{301}\u{4E2D}\u{4E2D}".utf8)
        chinese.withUnsafeBufferPointer { bytes in
            #expect(LineNFC.pieceEnd(bytes, from: 0, lineEnd: bytes.count, pieceBytes: 1) == 3)
            #expect(LineNFC.pieceEnd(bytes, from: 3, lineEnd: bytes.count, pieceBytes: 1) == 6)
        }
        // A line of Greek or Hangul is cut before a letter, never before a mark or a final jamo.
        let greek = Array("\u{3B1}\u{301}\u{3B2}\u{3B3}".utf8)
        greek.withUnsafeBufferPointer { bytes in
            #expect(LineNFC.pieceEnd(bytes, from: 0, lineEnd: bytes.count, pieceBytes: 1) == 4)
            #expect(LineNFC.pieceEnd(bytes, from: 4, lineEnd: bytes.count, pieceBytes: 1) == 6)
        }
        let hangul = Array("\u{AC00}\u{11A8}\u{B098}".utf8)
        hangul.withUnsafeBufferPointer { bytes in
            #expect(LineNFC.pieceEnd(bytes, from: 0, lineEnd: bytes.count, pieceBytes: 1) == 6)
        }
        // With only marks after the cut point, the piece runs to the line's end.
        let marks = Array("e\u{301}\u{302}\u{303}".utf8)
        marks.withUnsafeBufferPointer { bytes in
            #expect(LineNFC.pieceEnd(bytes, from: 0, lineEnd: bytes.count, pieceBytes: 1) == bytes.count)
        }
    }

    /// Every scalar a piece may start with, checked against Unicode's decompositions: combining
    /// class 0, and the first scalar of its decomposition is never a later scalar of any scalar's
    /// decomposition, so it is the second half of no composition (Hangul syllables included).
    @Test func aPieceStartsOnlyWhereNFCCannotJoinOrReorder() {
        var laterHalves = Set<UInt32>()
        var allowed: [Unicode.Scalar] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            default: break
            }
            for later in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst() {
                laterHalves.insert(later.value)
            }
            if LineNFC.cutsBefore(scalar) { allowed.append(scalar) }
        }
        for scalar in allowed {
            let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            #expect(first.properties.canonicalCombiningClass == .notReordered, "U+\(String(scalar.value, radix: 16))")
            #expect(!laterHalves.contains(first.value), "U+\(String(scalar.value, radix: 16))")
        }
        // The rule is not empty, and it refuses the scalars that do compose with what is before them.
        #expect(allowed.count > 100_000)
        for joining: Unicode.Scalar in ["\u{301}", "\u{1161}", "\u{11A8}", "\u{3099}", "\u{BBE}", "\u{CD5}"] {
            #expect(laterHalves.contains(joining.value))
            #expect(!LineNFC.cutsBefore(joining))
        }
    }

    @Test func stableScalarsAreLeftAloneByNFCWhereverTheyStand() {
        var stable = 0
        for value in UInt32(0x2000)...0x20FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            guard bytes.count == 3, LineNFC.isStable(bytes[1], bytes[2]) else { continue }
            stable += 1
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            for base in ["", "a", "e\u{301}", "\u{1100}", "\u{3B1}"] {
                let text = base + String(scalar) + "x"
                #expect(wholeTextNFC(text) == wholeTextNFC(base) + String(scalar) + "x",
                        "U+\(String(value, radix: 16)) after \(base.debugDescription)")
            }
        }
        #expect(stable == 0x5E - 0x10 + 1 + 0x20)
        // The singletons of the same block are not stable.
        for singleton: Unicode.Scalar in ["\u{2000}", "\u{2001}"] {
            let bytes = Array(String(singleton).utf8)
            #expect(!LineNFC.isStable(bytes[1], bytes[2]))
        }
    }

    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
