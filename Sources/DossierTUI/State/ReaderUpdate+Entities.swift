import DossierCore

/// The entity view's keys: j/k choose an entity (or, after Tab/`l`, a mention), Enter jumps.
extension ReaderState {
    /// The briefing-wide index of the open articles, made again only when an article has changed
    /// (arrived, been annotated or refreshed) since it was last made.
    mutating func briefingIndex() -> BriefingIndex {
        if let cached = briefingIndexCache { return cached }
        let index = BriefingIndex(articles: documents.map(\.annotated))
        briefingIndexCache = index
        return index
    }

    mutating func openEntityView() {
        let view = EntityViewState(index: briefingIndex())
        guard !view.entities.isEmpty else {
            message = "no entities found in \(documents.count == 1 ? "this article" : "these articles")\(annotatedSoFar)"
            return
        }
        if !library.isComplete { message = "entity view of the articles annotated so far: \(library.annotatedCount) of \(library.entries.count)" }
        entityView = view
        mode = .entities
    }

    /// The entity view edits itself (`EntityViewState.apply`); this acts on where it wants to go.
    mutating func applyEntityView(_ action: Action) {
        guard var view = entityView else { mode = .reading; return }
        let outcome = view.apply(action)
        entityView = view
        switch outcome {
        case .stay: break
        case .jump(let position, let entity):
            closeEntityView()
            jump(toMention: position, of: entity)
        case .close: closeEntityView()
        case .help: mode = .help(scroll: 0)
        case .library:
            entityView = nil
            mode = .library(selected: current)
        }
    }

    private mutating func closeEntityView() {
        entityView = nil
        mode = .reading
    }

    /// Opens the mention's article at it and selects the article's own entity that the mention belongs to.
    mutating func jump(toMention position: BriefingPosition, of entity: BriefingEntity) {
        guard position.article < documents.count else { return }
        recordJump()
        switchArticle(to: position.article)
        let annotated = document.annotated
        let localIDs = entity.occurrence(inArticle: position.article)?.entityIDs ?? []
        let candidates = localIDs.compactMap { id in annotated.entities.firstIndex { $0.id == id } }
        let local = candidates.first { document.mentionsByEntity[$0].contains(position.span) } ?? candidates.first
        selectedEntity = local
        search = nil
        reveal(position.span, recordJump: false)
        if let local, let index = document.mentionsByEntity[local].firstIndex(of: position.span) {
            message = "\(entity.name) in \(document.name): mention \(index + 1)/\(document.mentionsByEntity[local].count)"
        } else {
            message = "\(entity.name) in \(document.name)"
        }
    }
}
