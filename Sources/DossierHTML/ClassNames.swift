/// An element's class and id (or one of them), lowercased, and the searches the classifier makes in
/// them, from the bytes when the names are ASCII (nearly always).
///
/// Why: `contains` of a string here is Foundation's search (`range(of:)` through `NSString`, UTF-16
/// and canonical comparison), and splitting into words asked `Character.isLetter` of every character.
/// On the 60 saved pages of `html-dev/` the classifier's searches were a quarter of `annotate`'s
/// time, and a page with a 2 MB class attribute took 1.4 s (perf, stop 33). In ASCII a byte is a
/// character, so the bytes give the same answers.
struct ClassNames {
    /// The names as one lowercased string.
    let text: String
    /// Its bytes when every one is ASCII; nil otherwise, and the searches go through `String`.
    private let ascii: [UInt8]?

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        ascii = bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
    }

    /// Characters in the names.
    var count: Int { ascii?.count ?? text.count }

    /// Whether `fragment` (lowercase ASCII, as the classifier's lists are) occurs in the names.
    func contains(_ fragment: String) -> Bool {
        guard let ascii else { return text.contains(fragment) }
        let needle = Array(fragment.utf8)
        guard let first = needle.first else { return true }
        guard needle.count <= ascii.count else { return false }
        for start in 0...(ascii.count - needle.count) where ascii[start] == first {
            var same = true
            for k in 1..<needle.count where ascii[start + k] != needle[k] { same = false; break }
            if same { return true }
        }
        return false
    }

    /// Whether `word` is one of the names' words: the runs of letters and digits.
    func hasWord(_ word: String) -> Bool {
        guard let ascii else { return text.split { !($0.isLetter || $0.isNumber) }.contains { $0 == word } }
        let target = Array(word.utf8)
        var start = 0
        while start < ascii.count {
            guard Self.isLetterOrDigit(ascii[start]) else { start += 1; continue }
            var end = start + 1
            while end < ascii.count, Self.isLetterOrDigit(ascii[end]) { end += 1 }
            if end - start == target.count, ascii[start..<end].elementsEqual(target) { return true }
            start = end
        }
        return false
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
}
