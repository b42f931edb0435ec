/// Text the reader typed (a note, a bookmark label, in the reader's prompt or in `$EDITOR`), cleaned
/// by the same filter as every article (`TerminalSafeFilter`): escape sequences are dropped whole,
/// with their payloads, so an editor that leaves `ESC ] 0 ; TITLE BEL` in a note stores nothing of
/// it; controls and bidi overrides are dropped; a zero-width joiner between emoji stays (👩‍👩‍👧 is one
/// family, as in the article text) and so does the zero-width non-joiner, which spells words.
public enum TypedText {
    public static func clean(_ text: String) -> String {
        var filter = TerminalSafeFilter(capacity: text.utf8.count)
        filter.keepsNonJoiner = true
        for scalar in text.unicodeScalars { filter.feed(scalar.value) }
        return filter.finish()
    }
}
