import DossierCore

/// Lookups the exports share: which section and sentence hold an offset, and entity names.
struct ArticleIndex {
    let annotated: AnnotatedArticle
    private let sentences: [Span]
    let names: [String: String]

    init(_ annotated: AnnotatedArticle) {
        self.annotated = annotated
        self.sentences = annotated.article.sentences.sorted()
        self.names = Dictionary(annotated.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The sentence around an offset (binary search), or the paragraph when no sentence holds it.
    func sentence(containing offset: Int) -> Span? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        if low < sentences.count && sentences[low].contains(offset) { return sentences[low] }
        return annotated.article.paragraphs.first { $0.span.contains(offset) }?.span
    }

    /// The index of the section around an offset.
    func sectionIndex(containing offset: Int) -> Int? {
        annotated.article.sections.firstIndex { $0.span.contains(offset) }
    }

    /// A section's heading, or "Introduction" for the unheaded opening section.
    func sectionName(_ index: Int) -> String {
        annotated.article.sections[index].heading ?? "Introduction"
    }

    /// An entity's name; a speaker that is no entity (a source phrase, "a police spokesman") is its own name.
    func name(of entityID: String?) -> String? { entityID.flatMap { names[$0] ?? $0 } }

    var title: String { annotated.article.titleString ?? "Untitled" }
}
