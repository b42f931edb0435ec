import DossierCore

/// Every part of the screen a theme gives a style; the raw value is the key in a theme file.
public enum ThemeElement: String, CaseIterable, Sendable {
    case text, title, standfirst, dateline, heading, quote, number
    case person, organization, place, group, event, other
    case selected, match, currentMatch = "current-match", hint
    case side, sideHeading = "side-heading", sideSelected = "side-selected", sideDim = "side-dim"
    case border, status, statusAccent = "status-accent", help, message
    /// The reader's own marks (issue 4); themes without them fall back to `Theme.highlightStyle`/`noteStyle`.
    case note, highlight

    static func entity(_ kind: EntityKind) -> ThemeElement {
        switch kind {
        case .person: return .person
        case .organization: return .organization
        case .place: return .place
        case .group: return .group
        case .event: return .event
        case .other: return .other
        }
    }
}
