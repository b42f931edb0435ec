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
