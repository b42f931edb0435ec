import DossierCore

/// Case-insensitive search over an article's scalars (simple case folding, ASCII fast path).
enum TextSearch {
    static let matchLimit = 100_000

    static func matches(of query: String, in scalars: ArticleScalars) -> [Span] {
        let needle = query.unicodeScalars.map(fold)
        guard let first = needle.first else { return [] }
        var found: [Span] = []
        let last = scalars.count - needle.count
        let firstValue = first.value
        let firstIsLetter = firstValue >= 97 && firstValue <= 122
        scalars.withScalarBuffer { text in
            var i = 0
            while i <= last, found.count < matchLimit {
                // ASCII, most of any text, is compared without folding: `| 0x20` lowercases a letter.
                let value = text[i].value
                let candidate = value < 0x80 ? (firstIsLetter ? value | 0x20 == firstValue : value == firstValue)
                                             : fold(text[i]) == first
                if candidate {
                    var j = 1
                    while j < needle.count, fold(text[i + j]) == needle[j] { j += 1 }
                    if j == needle.count {
                        found.append(Span(i, i + needle.count))
                        i += needle.count
                        continue
                    }
                }
                i += 1
            }
        }
        return found
    }

    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v < 0x80 { return v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : scalar }
        switch v {  // typographic quotes and apostrophes match their ASCII forms
        case 0x2018, 0x2019: return "'"
        case 0x201C, 0x201D: return "\""
        default: break
        }
        // Latin-1 capitals, then anything that has no lower case, without building a String.
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return Unicode.Scalar(v + 32)! }
        if !scalar.properties.changesWhenLowercased { return scalar }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }
}
