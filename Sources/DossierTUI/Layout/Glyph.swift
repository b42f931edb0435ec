/// One grapheme cluster of article text, ready to draw: its printable form, width and text offset.
struct Glyph: Sendable {
    var text: String
    var width: Int
    /// Unicode scalar offset of the grapheme's first scalar in the article text.
    var offset: Int
    var isSpace: Bool
    var isHardBreak: Bool

    /// Splits a block of text into glyphs; offsets count scalars, as every annotation does.
    static func glyphs<Scalars: Collection<Unicode.Scalar>>(of scalars: Scalars, startingAt start: Int) -> [Glyph] {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        var result: [Glyph] = []
        result.reserveCapacity(scalars.count)
        var offset = start
        for character in String(view) {
            let scalarCount = character.unicodeScalars.count
            defer { offset += scalarCount }
            if character == "\n" || character == "\r\n" {
                result.append(Glyph(text: " ", width: 1, offset: offset, isSpace: true, isHardBreak: true))
            } else if character == " " || character == "\t" {
                result.append(Glyph(text: " ", width: 1, offset: offset, isSpace: true, isHardBreak: false))
            } else {
                let (text, width) = Canvas.printable(character)
                result.append(Glyph(text: text, width: width, offset: offset, isSpace: false, isHardBreak: false))
            }
        }
        return result
    }
}
