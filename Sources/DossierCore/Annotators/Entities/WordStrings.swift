/// The word ids of one article: the `String` of each distinct word, handed out again for every
/// later occurrence ("the", "said", "minister" come back hundreds of times).
///
/// Finding a word here costs a hash of its scalars and one comparison with its first occurrence
/// in the same scalar array, in a table of the article's size that stays in the CPU's caches.
/// Keys are ranges of that array, so one `WordStrings` serves one article only. A word new to
/// the article is looked up in the vocabulary, which has made its `String` already when an
/// earlier article had it.
struct WordStrings {
    /// Entry index + 1, or 0 for an empty slot. Never more than half full.
    private var slots: [Int32]
    private var mask: Int
    /// Where each entry's first occurrence lies in the article's scalars, and its text.
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var texts: [String] = []

    let vocabulary: WordVocabulary

    /// Starts a new article in `vocabulary` (`WordVocabulary.beginArticle`).
    init(expectedWords: Int, vocabulary: WordVocabulary) {
        self.vocabulary = vocabulary
        vocabulary.beginArticle()
        var capacity = 1024
        while capacity < expectedWords * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// How many distinct words so far; every word id is below it.
    var count: Int { texts.count }

    /// The text of `s[start..<end]`, equal to `NameTokenizer.string(s, start, end)`, and its word
    /// id: equal ids, equal texts (so a per-word answer can be computed once and reused).
    mutating func text<Scalars: FixedWidthScalars>(_ s: Scalars, _ start: Int, _ end: Int) -> (text: String, id: Int32) {
        let hash = WordVocabulary.hash(s, start, end)
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        let length = end - start
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let entry = stored - 1
            let first = starts[entry]
            if ends[entry] - first == length {
                var same = true
                for k in 0..<length where s[first + k] != s[start + k] { same = false; break }
                if same { return (texts[entry], Int32(entry)) }
            }
            slot = (slot + 1) & mask
        }
        let text = vocabulary.addArticleWord(s, start, end, hash: hash)
        starts.append(start)
        ends.append(end)
        texts.append(text)
        slots[slot] = Int32(texts.count)
        if texts.count * 2 > slots.count { grow(s) }
        return (text, Int32(texts.count - 1))
    }

    private mutating func grow<Scalars: FixedWidthScalars>(_ s: Scalars) {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for entry in texts.indices {
            let hash = WordVocabulary.hash(s, starts[entry], ends[entry])
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }
}
