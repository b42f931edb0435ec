/// What a cell shows when the terminal's locale is not UTF-8 (LANG=C, a Latin-1 locale): curses
/// would draw curly quotes, dashes, box lines and § as blanks or junk. Each grapheme becomes one
/// ASCII character of the same width, so the layout does not move.
enum ASCIIFallback {
    private static let table: [Character: String] = [
        "‘": "'", "’": "'", "‚": ",", "‛": "'", "′": "'", "“": "\"", "”": "\"", "„": "\"", "″": "\"", "«": "<", "»": ">",
        "‹": "<", "›": ">", "–": "-", "—": "-", "―": "-", "‐": "-", "‑": "-", "−": "-", "…": ".", "·": ".", "•": "*",
        "●": "*", "○": "o", "✎": "*", "✗": "x", "✓": "v", "×": "x", "§": "S", "¶": "P", "⏎": "/", "▌": "|", "│": "|",
        "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "→": ">",
        "←": "<", "↑": "^", "↓": "v", "€": "E", "£": "L", "°": "o", "\u{00A0}": " ",
        "à": "a", "á": "a", "â": "a", "ã": "a", "ä": "a", "å": "a", "æ": "a", "ç": "c", "è": "e", "é": "e", "ê": "e",
        "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "õ": "o", "ö": "o",
        "ø": "o", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y", "ß": "s", "À": "A", "Á": "A", "Â": "A",
        "Ã": "A", "Ä": "A", "Å": "A", "Ç": "C", "È": "E", "É": "E", "Ê": "E", "Ë": "E", "Í": "I", "Î": "I", "Ñ": "N",
        "Ó": "O", "Ô": "O", "Ö": "O", "Ø": "O", "Ú": "U", "Ü": "U", "ł": "l", "Ł": "L", "ś": "s", "Ś": "S", "ş": "s",
        "Ş": "S", "ğ": "g", "ı": "i", "İ": "I", "ć": "c", "č": "c", "Č": "C", "š": "s", "Š": "S", "ž": "z", "Ž": "Z",
    ]

    /// The ASCII stand-in for one cell's grapheme ("?" when there is none).
    static func ascii(_ grapheme: String) -> String {
        if grapheme.unicodeScalars.allSatisfy({ $0.isASCII }) { return grapheme }
        if let character = grapheme.first, grapheme.count == 1, let mapped = table[character] { return mapped }
        // A letter with combining marks: its base letter when that is ASCII.
        if let base = grapheme.unicodeScalars.first, base.isASCII { return String(base) }
        return "?"
    }
}
