/// Finds numbers, amounts, percentages, dates and quantities, each with a kind and a normalised value.
///
/// UNFINISHED (skeleton): finds runs of ASCII digits only.
public struct NumberAnnotator: Sendable {
    public init() {}

    public func annotate(_ article: StructuredArticle) -> [NumberMention] {
        var found: [NumberMention] = []
        let scalars = article.text.scalars
        var i = 0
        while i < scalars.count {
            guard scalars[i].properties.numericType != nil, scalars[i].isASCII else { i += 1; continue }
            let start = i
            while i < scalars.count, scalars[i].isASCII, scalars[i].properties.numericType != nil { i += 1 }
            let span = Span(start, i)
            found.append(NumberMention(span: span, kind: .count, value: article.text.slice(span)))
        }
        return found
    }
}
