/// "China's ambassador to Britain Liu Wen said": the object of the title ("to Britain") and the
/// speaker's name written together form one run of capitals, which the recogniser may read as a
/// single entity ("Britain Liu Wen", typed a place). When no person is linked inside the run, the
/// words after a leading place name are the speaker's name.
enum TitleObjects {
    /// Words a person's name has after the place at most ("Ana Maria de Souza" is 4).
    static let longestPersonName = 4

    /// The span of the name after a leading place name inside `run`, or nil: the run must open with
    /// a known place (one or more words, the longest that fits) and go on with 2 to
    /// `longestPersonName` capitalised words that are not together a place (one of them may be: the
    /// city list holds many surnames).
    static func personAfterPlace(in run: Span, text: ArticleText) -> Span? {
        let words = wordSpans(in: run, text: text)
        guard words.count >= 3 else { return nil }
        var placeEnd = 0
        for end in stride(from: words.count - 2, through: 1, by: -1) {
            let place = text.slice(Span(words[0].start, words[end - 1].end))
            if PlaceNames.all.contains(place) { placeEnd = end; break }
        }
        guard placeEnd > 0 else { return nil }
        let name = words[placeEnd...]
        guard name.count <= longestPersonName,
              name.allSatisfy({ text.scalars[$0.start].properties.isUppercase }),
              case let span = Span(name.first!.start, name.last!.end), !PlaceNames.all.contains(text.slice(span)) else { return nil }
        return span
    }

    /// The space-separated words of `span`.
    static func wordSpans(in span: Span, text: ArticleText) -> [Span] {
        var words: [Span] = []
        var start: Int? = nil
        for k in span.start..<min(span.end, text.scalars.count) {
            if text.scalars[k].properties.isWhitespace {
                if let s = start { words.append(Span(s, k)); start = nil }
            } else if start == nil {
                start = k
            }
        }
        if let s = start { words.append(Span(s, min(span.end, text.scalars.count))) }
        return words
    }
}
