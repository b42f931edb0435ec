import DossierCore

/// Cleans what the reader types before it is stored: the same rule as ingest (`TypedText`: escape
/// sequences dropped whole, no control characters but newline and tab, no bidi overrides; joiners
/// between emoji kept), so nothing stored can later reach a terminal or an export as an escape sequence.
public enum NoteText {
    public static func clean(_ text: String) -> String {
        TypedText.clean(text)
    }
}
