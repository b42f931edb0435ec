import Testing
@testable import DossierCore

@Suite struct JSONValueTests {
    @Test func escapesControlCharactersSoNoRawEscapeReachesOutput() {
        let value = JSONValue.string("a\u{1B}[2Jb\u{9B}c\"\\\n")
        #expect(value.serialized() == #""a\u001b[2Jb\u009bc\"\\\n""#)
    }

    @Test func keepsObjectKeyOrder() {
        let value = JSONValue.object([("text", .string("x")), ("a", .int(1)), ("b", .null)])
        #expect(value.serialized() == #"{"text":"x","a":1,"b":null}"#)
    }
}

@Suite struct JSONEscapingTests {
    @Test func escapesC1LineSeparatorsAndKeepsOtherUnicode() {
        let value = JSONValue.string("é\u{85}x\u{2028}y\u{2029}漢👩‍👩‍👧")
        #expect(value.serialized() == "\"é\\u0085x\\u2028y\\u2029漢👩‍👩‍👧\"")
    }

    @Test func prettyOutputIndentsNestedValues() {
        let value = JSONValue.object([("a", .array([.int(1), .bool(true)]))])
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    true\n  ]\n}")
    }
}

@Suite struct JSONNumberAndRunTests {
    @Test func writesIntegersOfEveryWidthAndSign() {
        let values: [Int] = [0, 7, 10, 99, 100, 12_345, -1, -40, Int.max, Int.min]
        let value = JSONValue.array(values.map { .int($0) })
        #expect(value.serialized() == "[" + values.map { String($0) }.joined(separator: ",") + "]")
    }

    @Test func copiesNearMissesOfEscapedScalarsUnchanged() {
        // "£" and "—" share their first byte with escaped scalars (C1 controls, U+2028) but stay as written.
        let quote = "“We paid £40 — a lot,” she said.\u{2029}"
        #expect(JSONValue.string(quote).serialized() == "\"“We paid £40 — a lot,” she said.\\u2029\"")
    }

    @Test func articleSlicesMatchTheModelSlice() {
        let text = ArticleText("Zoë said “größer” 👩‍👩‍👧 in Århus.")
        for span in [Span(0, 3), Span(4, 18), Span(9, 17), Span(0, text.count), Span(5, 5), Span(30, 90)] {
            #expect(text.utf8String(span) == text.slice(span))
        }
    }
}

/// The streaming writer: what reaches the drain, piece by piece, is what `serialized()` builds whole.
@Suite struct ByteSinkTests {
    /// Writes `value` through a sink of `chunkSize` and returns the drained bytes and the largest piece.
    private func streamed(_ value: JSONValue, chunkSize: Int) -> (text: String, largestPiece: Int) {
        final class Collected { var bytes: [UInt8] = []; var largest = 0 }
        let collected = Collected()
        var sink = ByteSink(chunkSize: chunkSize) { piece in
            collected.bytes.append(contentsOf: piece)
            collected.largest = max(collected.largest, piece.count)
        }
        value.write(to: &sink)
        sink.flush()
        return (String(decoding: collected.bytes, as: UTF8.self), collected.largest)
    }

    @Test func aLongStringStreamsInPiecesWithEscapesAndScalarsAcrossTheirEdges() {
        // Escapes (quote, newline, U+2028, a C1 control) and multi-byte scalars land on every
        // offset of a 7-byte chunk as the pattern repeats.
        let text = String(repeating: "ab\"c\né\u{2028}x\u{85}漢👩‍👩‍👧 ", count: 500)
        let whole = JSONValue.string(text).serialized()
        let result = streamed(.string(text), chunkSize: 7)
        #expect(result.text == whole)
        // A piece is at most one chunk plus the bytes written after the last check (an escape or one scalar's tail).
        #expect(result.largestPiece < 7 + 16)
    }

    @Test func manyShortStringsStreamTheSameAsTheWholeValue() {
        let value = JSONValue.array((0..<5_000).map { .object([("name", .string("Line \($0) said \"Bob\"")), ("n", .int($0))]) })
        let result = streamed(value, chunkSize: 1_000)
        #expect(result.text == value.serialized())
        #expect(result.largestPiece < 2_000)
    }

    @Test func aSinkThatKeepsEverythingNeverDrains() {
        var sink = ByteSink()
        JSONValue.string(String(repeating: "x", count: 100_000)).write(to: &sink)
        sink.flush()
        #expect(sink.bytes.count == 100_002)
    }
}

@Suite struct ContractJSONStreamingTests {
    @Test(arguments: [false, true])
    func streamingTheContractWritesTheSameBytesAsTheValue(pretty: Bool) {
        let text = """
            Harbour Plan Passes

            The council approved 3 new berths on Monday. "We waited 12 years," said Mara Lind, the harbour master.
            Lind added that the port "will grow". Otto Brenner, of Norvik Shipping, said costs rose 8%.
            """
        let annotated = AnnotationPipeline().annotate(SourceFormatDetector.document(fromText: text, pathHint: nil))
        #expect(!annotated.entities.isEmpty && !annotated.numbers.isEmpty && !annotated.quotes.isEmpty)
        var sink = ByteSink()
        ContractJSON.write(annotated, to: &sink, pretty: pretty)
        #expect(String(decoding: sink.bytes, as: UTF8.self) == ContractJSON.value(of: annotated).serialized(pretty: pretty))
    }

    @Test func compactEntitiesAndNumbersEscapeAndEmptyLikeTheValue() {
        // Invented names with a quotation mark and a backslash, a demonym related to its country
        // (so `related` is not empty), numbers with and without a value: the compact writers of
        // entities and numbers must give the bytes of the `JSONValue` tree in every case.
        var annotated = AnnotationPipeline().annotate(SourceFormatDetector.document(fromText: """
            Velmari officials met in Velmar on Tuesday. The Norvik "Ferry" Board said 40 percent of the
            3 routes would close. Ana Ruel said the board met dozens of times.
            """, pathHint: nil))
        #expect(!annotated.numbers.isEmpty && !annotated.entities.isEmpty)
        annotated.entities[0].name += " \\ \"Quoted\" \u{2028}"
        annotated.entities[0].aliases.append("tab\there")
        annotated.entities[0].related.append("e99")
        annotated.numbers[0].value = nil
        annotated.numbers.append(NumberMention(span: Span(0, 3), kind: annotated.numbers[0].kind, value: "a\"b"))
        var sink = ByteSink()
        ContractJSON.write(annotated, to: &sink)
        let written = String(decoding: sink.bytes, as: UTF8.self)
        #expect(written == ContractJSON.value(of: annotated).serialized())
        #expect(written.contains("\"value\":null"))
        #expect(written.contains("\"e99\"]"))
    }

    @Test func compactQuotesAndClaimsWriteNullsNamesAndEscapesLikeTheValue() {
        // A quote and a claim with no speaker or cue (null), one whose speaker is a source phrase
        // that is no entity (it names itself), and escapes: the same bytes as the `JSONValue` tree.
        var annotated = AnnotationPipeline().annotate(SourceFormatDetector.document(fromText: """
            The council approved 3 new berths on Monday. "We waited 12 years," said Mara Lind, the harbour master.
            Otto Brenner, of Norvik Shipping, said costs rose 8%.
            """, pathHint: nil))
        #expect(!annotated.quotes.isEmpty && annotated.claims.count >= 2)
        annotated.quotes[0].speaker = nil
        annotated.quotes[0].cue = nil
        annotated.quotes.append(Quote(span: Span(0, 3), content: Span(0, 3), speaker: "a \"port\" official\\", cue: "said\t"))
        annotated.claims[0].actor = nil
        annotated.claims[0].cue = nil
        annotated.claims[1].actor = annotated.entities.first?.id
        annotated.claims.append(Claim(actor: "harbour \u{2028} staff", cue: "added", kind: annotated.claims[0].kind, span: Span(4, 11)))
        var sink = ByteSink()
        ContractJSON.write(annotated, to: &sink)
        let written = String(decoding: sink.bytes, as: UTF8.self)
        #expect(written == ContractJSON.value(of: annotated).serialized())
        #expect(written.contains("\"speaker\":null,\"speaker_name\":null,\"cue\":null"))
        #expect(written.contains("\"actor\":null,\"actor_name\":null,\"cue\":null"))
    }
}
