import DossierCore

/// The entity view's keys: j/k choose an entity (or, after Tab/`l`, a mention), Enter jumps.
extension ReaderState {
    /// The briefing-wide index of the open articles, built afresh: articles may have been annotated since.
    var briefingIndex: BriefingIndex { BriefingIndex(articles: documents.map(\.annotated)) }

    mutating func openEntityView() {
        positions[current] = top
        let view = EntityViewState(index: briefingIndex)
        guard !view.entities.isEmpty else {
            message = "no entities found in \(documents.count == 1 ? "this article" : "these articles")\(annotatedSoFar)"
            return
        }
        if !library.isComplete { message = "entity view of the articles annotated so far: \(library.annotatedCount) of \(library.entries.count)" }
        entityView = view
        mode = .entities
    }

    mutating func applyEntityView(_ action: Action) {
        guard var view = entityView else { mode = .reading; return }
        let command: Command
        switch action {
        case .text("l"): command = .switchFocus
        case .text("h"):
            view.inConcordance = false
            entityView = view
            return
        case .command(let bound): command = bound
        default: return
        }
        let count = view.inConcordance ? view.mentionLines.count : view.entities.count
        func move(to index: Int) {
            let clamped = max(0, min(index, count - 1))
            if view.inConcordance { view.mentionSelection = clamped } else { view.choose(clamped) }
        }
        let chosen = view.inConcordance ? view.mentionSelection : view.selected
        switch command {
        case .scrollDown: move(to: chosen + 1)
        case .scrollUp: move(to: chosen - 1)
        case .pageDown, .halfPageDown: move(to: chosen + 10)
        case .pageUp, .halfPageUp: move(to: chosen - 10)
        case .top: move(to: 0)
        case .bottom: move(to: count - 1)
        case .switchFocus:
            // `l` only goes right; Tab goes back and forth.
            view.inConcordance = action == .text("l") ? true : !view.inConcordance
        case .activate:
            let lines = view.mentionLines
            let line = view.inConcordance ? lines[min(view.mentionSelection, lines.count - 1)] : lines.first
            guard let line, let entity = view.chosenEntity else { return }
            closeEntityView()
            jump(toMention: line.position, of: entity)
            return
        case .cancel, .quit, .entities:
            closeEntityView()
            return
        case .help: mode = .help(scroll: 0)
        case .library:
            entityView = nil
            mode = .library(selected: current)
            return
        default: break
        }
        entityView = view
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
