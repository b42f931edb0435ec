/// Decides the type of each name with a trained linear model (`EntityTypeFeatures` over the
/// candidate), then one type per entity: after linking, the scores of all an entity's mentions
/// are summed, so a surname or first name alone takes the type its full name has.
public struct EntityTyper: Sendable {
    /// The weights built into the program (`Learning/Models/EntityTypeModel.swift`), parsed once.
    public static let builtInModel = parseBuiltInModel()

    /// `builtInModel`, parsed anew.
    static func parseBuiltInModel() -> LinearModel {
        do { return try LinearModel(text: EntityTypeModel.text) } catch {
            fatalError("the built-in entity type model does not parse: \(error)")
        }
    }

    public let model: LinearModel
    /// The entity kind of each model class; a class that is no kind ("none") counts as `.other`.
    let kinds: [EntityKind]

    public init(model: LinearModel = EntityTyper.builtInModel) {
        self.model = model
        kinds = model.classes.map { EntityKind(rawValue: $0) ?? .other }
    }

    /// The kind with the highest score. Groups and events are not what the model is good at (the
    /// data has few): when it finds no person, organisation or place, the rules' group or event stands.
    func kind(of scores: [Float], rules ruleKind: EntityKind) -> EntityKind {
        let kind = kinds[LinearModel.argmax(scores)]
        if kind == .other, ruleKind == .group || ruleKind == .event { return ruleKind }
        return kind
    }

    /// Gives each entity the kind of its mentions' summed scores (`scores` holds one row of
    /// `model.classes.count` per mention, in the order of `mentions`).
    public func unify(_ entities: [Entity], mentions: [EntityMention], scores: [Float]) -> [Entity] {
        let width = model.classes.count
        guard scores.count == mentions.count * width, !mentions.isEmpty else { return entities }
        var rowOfStart: [Int: Int] = [:]
        rowOfStart.reserveCapacity(mentions.count)
        for (index, mention) in mentions.enumerated() { rowOfStart[mention.span.start] = index }
        var sum = [Float](repeating: 0, count: width)
        return entities.map { entity in
            for c in 0..<width { sum[c] = 0 }
            var found = false
            for span in entity.mentions {
                guard let row = rowOfStart[span.start], mentions[row].span == span else { continue }
                found = true
                // A full name says more about the type than a surname alone.
                let weight: Float = Linker.hasSpace(mentions[row].name) ? 2 : 1
                for c in 0..<width { sum[c] += weight * scores[row * width + c] }
            }
            guard found else { return entity }
            var typed = entity
            typed.kind = kind(of: sum, rules: entity.kind)
            return typed
        }
    }
}

/// Mentions with the model's class scores, one row per mention (`EntityAnnotator.annotateScored`).
public struct ScoredMentions: Sendable {
    public var mentions: [EntityMention]
    public var scores: [Float]
}
