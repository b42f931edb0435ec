/// Cuts a paragraph longer than a bound into consecutive pieces, each a paragraph of its own
/// with the same role (issue 13, bounded cost on any input).
///
/// Why: every later stage works paragraph by paragraph and holds a paragraph's tokens at once
/// (`ParagraphTokenizer`'s 40-byte tokens for quotes, speakers and claims, `DescriptionHeads`,
/// the reader's glyphs of a block). A file that is one 50 MB line is one paragraph, and its
/// tokens alone weighed several hundred megabytes. Cut into pieces of at most `longest` scalars,
/// the tokens held at any time are bounded whatever the input.
///
/// A piece ends at a sentence end; a sentence longer than the bound is cut at whitespace, and a
/// run with no whitespace at all at a grapheme boundary (never inside a user-perceived character).
/// The price: a quotation, a name or a reporting clause that runs across a cut is read as two
/// halves (the cut is at most once per `longest` scalars, and only in paragraphs no article has).
/// Offsets are untouched: the pieces are spans of the same text.
public enum LongParagraphCutter {
    /// The pieces of `paragraph` (itself when it is no longer than `longest`).
    static func pieces(of paragraph: Paragraph, in scalars: ArticleScalars, longest: Int) -> [Paragraph] {
        guard paragraph.span.length > longest, longest > 0 else { return [paragraph] }
        var pieces: [Paragraph] = []
        var start = paragraph.span.start
        var sentences: [Span] = []
        func close(at end: Int) {
            let span = Span(start, max(start, trimmedEnd(end, from: start, scalars)))
            if !span.isEmpty {
                pieces.append(Paragraph(span: span, role: paragraph.role, sentences: sentences.isEmpty ? [span] : sentences))
            }
            sentences = []
        }
        // A body paragraph always has its sentences; any other is cut as one long sentence.
        for sentence in paragraph.sentences.isEmpty ? [paragraph.span] : paragraph.sentences {
            var rest = sentence
            // This sentence no longer fits in the piece: the piece ends before it.
            if rest.end - start > longest, !sentences.isEmpty {
                close(at: sentences[sentences.count - 1].end)
                start = rest.start
            }
            // A sentence longer than the bound by itself: cut it at whitespace (or a grapheme boundary).
            while rest.end - start > longest {
                let cut = cutPoint(before: start + longest, after: start, in: scalars)
                if cut > rest.start { sentences.append(Span(rest.start, cut)) }
                close(at: cut)
                start = skipWhitespace(from: cut, to: rest.end, scalars)
                // " \u{301}": a space that carries a combining mark stays with the next piece.
                if !isGraphemeBoundary(start, in: scalars, lower: cut) { start = cut }
                rest = Span(start, rest.end)
            }
            if !rest.isEmpty { sentences.append(rest) }
        }
        close(at: paragraph.span.end)
        return pieces
    }

    /// `span` cut into consecutive spans of at most `longest` scalars, at whitespace where there is
    /// some (the whitespace at a cut belongs to neither side), never inside a grapheme cluster. The
    /// reader lays out such pieces one by one instead of a whole huge paragraph.
    public static func spans(cutting span: Span, in scalars: ArticleScalars, longest: Int) -> [Span] {
        guard span.length > longest, longest > 0, span.end <= scalars.count else { return [span] }
        var result: [Span] = []
        var start = span.start
        while span.end - start > longest {
            let cut = cutPoint(before: start + longest, after: start, in: scalars)
            let end = trimmedEnd(cut, from: start, scalars)
            if end > start { result.append(Span(start, end)) }
            start = skipWhitespace(from: cut, to: span.end, scalars)
            if !isGraphemeBoundary(start, in: scalars, lower: cut) { start = cut }
        }
        if start < span.end { result.append(Span(start, span.end)) }
        return result
    }

    /// Where to cut a run that must end by `limit`: after the last whitespace before it (so the
    /// cut falls between words), else at the last grapheme boundary before it. Always > `lower`.
    static func cutPoint(before limit: Int, after lower: Int, in scalars: ArticleScalars) -> Int {
        // Look back a little for whitespace: a word longer than this is cut inside.
        let earliest = max(lower + 1, limit - 4_096)
        var i = limit
        while i > earliest {
            if scalars[i - 1].properties.isWhitespace, isGraphemeBoundary(i - 1, in: scalars, lower: lower) { return i - 1 }
            i -= 1
        }
        i = limit
        while i > lower + 1, !isGraphemeBoundary(i, in: scalars, lower: lower) { i -= 1 }
        return i
    }

    /// Whether a grapheme cluster starts at `offset`: the standard library's own grapheme breaking,
    /// run over a short stretch around it (clusters are local; a stretch of 64 scalars before is
    /// enough for any cluster text holds, long emoji sequences included).
    static func isGraphemeBoundary(_ offset: Int, in scalars: ArticleScalars, lower: Int) -> Bool {
        guard offset > lower, offset < scalars.count else { return true }
        let from = max(lower, offset - 64)
        let to = min(scalars.count, offset + 8)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to])
        var position = from
        for character in String(view) {
            if position == offset { return true }
            position += character.unicodeScalars.count
            if position > offset { return false }
        }
        return position == offset
    }

    static func trimmedEnd(_ end: Int, from start: Int, _ scalars: ArticleScalars) -> Int {
        var e = end
        while e > start, scalars[e - 1].properties.isWhitespace { e -= 1 }
        return e
    }

    static func skipWhitespace(from offset: Int, to end: Int, _ scalars: ArticleScalars) -> Int {
        var i = offset
        while i < end, scalars[i].properties.isWhitespace { i += 1 }
        return i
    }
}
