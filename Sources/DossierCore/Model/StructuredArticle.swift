/// What a block of the article is, as the structure parser sees it.
public enum BlockRole: String, Codable, Sendable {
    case title, standfirst, dateline, heading, body
}

/// A paragraph (a block between blank lines) with its sentences.
public struct Paragraph: Sendable, Equatable {
    public var span: Span {
        // The one sentence that was the whole paragraph stays where it was.
        didSet { if isOneWholeSentence { isOneWholeSentence = false; otherSentences = [oldValue] } }
    }
    public var role: BlockRole
    /// The sentences, as Structure cut them. A paragraph that is one sentence, all of it, keeps no
    /// array: in a file of short lines or a page of short paragraphs that is nearly every paragraph,
    /// and an array each was 48 bytes of heap (38 MB of a page of 800,000 paragraphs).
    public var sentences: [Span] {
        get { isOneWholeSentence ? [span] : otherSentences }
        set {
            isOneWholeSentence = newValue.count == 1 && newValue[0] == span
            otherSentences = isOneWholeSentence ? [] : newValue
        }
    }
    private var otherSentences: [Span] = []
    private var isOneWholeSentence = false

    public init(span: Span, role: BlockRole, sentences: [Span]) {
        self.span = span
        self.role = role
        self.sentences = sentences
    }
}

/// A section of the article: an optional heading and the paragraphs under it.
public struct Section: Sendable, Equatable {
    public var heading: String?
    public var headingSpan: Span?
    /// From the heading (or the first paragraph) to the end of the section's last paragraph.
    public var span: Span
    /// Indices into `StructuredArticle.paragraphs`, heading paragraph included.
    public var paragraphIndices: Range<Int>

    public init(heading: String?, headingSpan: Span?, span: Span, paragraphIndices: Range<Int>) {
        self.heading = heading
        self.headingSpan = headingSpan
        self.span = span
        self.paragraphIndices = paragraphIndices
    }
}

/// A block of page chrome that boilerplate removal dropped, with the reason, so nothing vanishes silently.
public struct RemovedBlock: Codable, Sendable, Equatable {
    public var text: String
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }
}

/// The clean text of an article split into title, sections, paragraphs and sentences.
public struct StructuredArticle: Sendable {
    public var text: ArticleText
    public var title: Span?
    public var standfirst: Span?
    public var paragraphs: [Paragraph]
    public var sections: [Section]
    public var removed: [RemovedBlock]

    public init(text: ArticleText, title: Span?, standfirst: Span?, paragraphs: [Paragraph],
                sections: [Section], removed: [RemovedBlock]) {
        self.text = text
        self.title = title
        self.standfirst = standfirst
        self.paragraphs = paragraphs
        self.sections = sections
        self.removed = removed
    }

    public var titleString: String? { title.map { text.slice($0) } }

    /// All sentence spans in reading order.
    public var sentences: [Span] { paragraphs.flatMap(\.sentences) }
}
