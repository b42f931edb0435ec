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
