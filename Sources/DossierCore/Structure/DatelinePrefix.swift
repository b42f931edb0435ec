/// The wire-style dateline that opens a news paragraph: "ROTTERDAM — …", "SAN JOSE, Calif. — …",
/// "LONDON (Reuters) - …", "Velmar (AP) — …".
///
/// It names where the story was filed, not who acts in it: the claim extractor skips it, so the
/// place is neither a sentence's actor nor part of a statement, and the paste splitter takes a
/// paragraph opening with one as the lead of a new article.
// The Unicode property look-ups go through `NameTokenizer.isLetter`/`isUpper`/`isLower`, which answer
// ASCII inline (a property look-up costs about a hundred instructions; this runs on every line of a paste).
public enum DatelinePrefix {
    /// Where the text after the dateline (and the dash and spaces that close it) starts, or nil when
    /// `start` does not open a dateline. Only the first `maxScalars` scalars are looked at.
    public static func end(in scalars: ArticleScalars, from start: Int) -> Int? {
        let limit = min(scalars.count, start + maxScalars)
        var i = start
        var placeWords = 0
        var capitalWords = 0
        // The place: words in capitals ("SAN JOSE"), then after a comma a few more of any case ("Calif.").
        var afterComma = false
        var commaWords = 0
        while i < limit {
            let wordEnd = wordEnd(scalars, from: i, limit: limit)
            guard wordEnd > i, NameTokenizer.isUpper(scalars[i]) else { break }
            let allCapitals = isAllCapitals(scalars, i, wordEnd)
            if afterComma {
                commaWords += 1
                if commaWords > 3 { return nil }
            } else {
                placeWords += 1
                if allCapitals { capitalWords += 1 } else if placeWords > 1 { return nil }
                if placeWords > 4 { return nil }
            }
            i = wordEnd
            if i < limit, scalars[i] == "," && !afterComma {
                afterComma = true
                i += 1
            }
            guard i < limit, scalars[i] == " " else { break }
            // Stop at the space before the agency or the dash.
            if i + 1 < limit, scalars[i + 1] == "(" || isDash(scalars[i + 1]) { break }
            i += 1
        }
        guard placeWords >= 1 else { return nil }
        // The agency: "(Reuters)", "(AP)"; a dateline in ordinary case needs it, to tell it from a subject.
        var hasAgency = false
        var j = i
        while j < limit, scalars[j] == " " { j += 1 }
        if j < limit, scalars[j] == "(" {
            guard let close = scalars[j..<limit].firstIndex(of: ")"), close - j <= 40, close > j + 1 else { return nil }
            hasAgency = true
            j = close + 1
            while j < limit, scalars[j] == " " { j += 1 }
        }
        guard capitalWords == placeWords || hasAgency, placeWords == 1 ? lettersIn(scalars, start, i) >= 2 : true else { return nil }
        // The dash that closes it: "—", "–", "-" or "--", then a space.
        guard j < limit, isDash(scalars[j]) else { return nil }
        while j < limit, isDash(scalars[j]) { j += 1 }
        guard j < limit, scalars[j] == " " else { return nil }
        while j < limit, scalars[j] == " " { j += 1 }
        guard j < scalars.count, !scalars[j].properties.isWhitespace else { return nil }
        return j
    }

    /// The same on a string, for line-based callers (the paste splitter).
    public static func opens(_ line: Substring) -> Bool {
        // A line whose first scalar is no capital opens no dateline (the first word must be one):
        // most lines of a paste, answered without copying their scalars.
        guard let first = line.unicodeScalars.first, NameTokenizer.isUpper(first) else { return false }
        return end(in: ArticleScalars(line.unicodeScalars.prefix(maxScalars + 1)), from: 0) != nil
    }

    static let maxScalars = 80

    static func isDash(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2014}" || c == "\u{2013}" }

    /// A word of letters, with the periods and apostrophes inside abbreviations and names ("D.C.", "N'DJAMENA").
    static func wordEnd(_ scalars: ArticleScalars, from start: Int, limit: Int) -> Int {
        var i = start
        while i < limit {
            let c = scalars[i]
            if NameTokenizer.isLetter(c) || ((c == "." || c == "'" || c == "\u{2019}") && i > start) { i += 1 } else { break }
        }
        return i
    }

    static func isAllCapitals(_ scalars: ArticleScalars, _ start: Int, _ end: Int) -> Bool {
        var letters = 0
        for k in start..<end where NameTokenizer.isLetter(scalars[k]) {
            if NameTokenizer.isLower(scalars[k]) { return false }
            letters += 1
        }
        return letters >= 1
    }

    static func lettersIn(_ scalars: ArticleScalars, _ start: Int, _ end: Int) -> Int {
        scalars[start..<end].reduce(0) { $0 + (NameTokenizer.isLetter($1) ? 1 : 0) }
    }
}

extension DatelinePrefix {
    /// The entities with a mention inside a body paragraph's dateline, typed as places: a dateline
    /// names where the story was filed, so "VELMAR —" is no organisation that later "said" things.
    public static func placingDatelines(_ entities: [Entity], in article: StructuredArticle) -> [Entity] {
        let scalars = article.text.scalars
        var datelines: [Span] = []   // in text order, as the paragraphs are
        for paragraph in article.paragraphs where paragraph.role == .body || paragraph.role == .standfirst {
            if let end = end(in: scalars, from: paragraph.span.start) { datelines.append(Span(paragraph.span.start, end)) }
        }
        guard !datelines.isEmpty else { return entities }
        func isInDateline(_ mention: Span) -> Bool {
            // The last dateline starting at or before the mention is the only one that may hold it.
            var low = 0, high = datelines.count
            while low < high {
                let mid = (low + high) / 2
                if datelines[mid].start <= mention.start { low = mid + 1 } else { high = mid }
            }
            return low > 0 && datelines[low - 1].contains(mention)
        }
        return entities.map { entity in
            guard entity.kind != .place, entity.mentions.contains(where: isInDateline) else { return entity }
            var placed = entity
            placed.kind = .place
            return placed
        }
    }
}
