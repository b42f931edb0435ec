/// The text of a one-line prompt and the editing keys every prompt shares (search, note, export,
/// go-to): readline's C-a, C-e, C-u, C-w, C-k, the arrows, Backspace and Delete.
///
/// A prompt that opens with a default shows it selected: the first typed character replaces it,
/// as in a browser's address bar; Backspace clears it; C-w, C-u, C-k and the arrows keep it and edit
/// it (C-w on a default path leaves its folder).
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    public private(set) var cursor: Int
    public private(set) var isDefaultSelected: Bool

    public init(_ text: String = "", selected: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        isDefaultSelected = selected && !text.isEmpty
    }

    public var text: String {
        get { String(characters) }
        set { characters = Array(newValue); cursor = characters.count; isDefaultSelected = false }
    }

    public mutating func apply(_ edit: LineEdit) {
        if isDefaultSelected {
            isDefaultSelected = false
            switch edit {
            case .insert, .deleteBackward, .deleteForward:
                // The selected default goes as a whole, as selected text does.
                characters = []
                cursor = 0
                if case .insert(let character) = edit { insert(character) }
                return
            default: break
            }
        }
        switch edit {
        case .insert(let character): insert(character)
        case .deleteBackward:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .killToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .killToEnd:
            characters.removeSubrange(cursor...)
        case .killWord:
            // Back over spaces, then over the word (a slash ends a word, for paths).
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            if start > 0, characters[start - 1] == "/" { start -= 1 }
            while start > 0, characters[start - 1] != " ", characters[start - 1] != "/" { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
    }

    private mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }
}

/// One editing key of a prompt.
public enum LineEdit: Equatable, Sendable {
    case insert(Character)
    case deleteBackward, deleteForward
    case left, right, home, end
    /// C-u: everything before the cursor.
    case killToStart
    /// C-w: the word before the cursor.
    case killWord
    /// C-k: everything after the cursor.
    case killToEnd
}
