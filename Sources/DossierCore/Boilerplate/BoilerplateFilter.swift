/// Drops the chrome of a pasted web page (breadcrumbs, menus, share lines, comment forms,
/// cookie and adblock notices) and reports every dropped block with its reason.
///
/// It works like a readability algorithm on lines, since no HTML is available: each block
/// (a line, or a hard-wrapped paragraph) scores positive when it reads like prose and negative
/// when it is short or link-like; the article body is the densest contiguous run (the maximum-sum
/// run), cut at comment forms and weakened by "related links" headers. The headline is kept once
/// at the top, with a standfirst and dateline under it; everything else outside the body goes.
public struct BoilerplateFilter: Sendable {
    public struct Result: Sendable {
        public var text: String
        public var removed: [RemovedBlock]
        public init(text: String, removed: [RemovedBlock]) {
            self.text = text
            self.removed = removed
        }
    }

    var classifier = ChromeClassifier()

    public init() {}

    public func filter(_ text: String) -> Result {
        // The filter reads the String's own UTF-8 storage: no copy of the page is made.
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { filter(text, PageText(bytes: $0)) }!
    }

    func filter(_ text: String, _ page: PageText) -> Result {
        let blocks = TextBlock.blocks(in: page)
        guard !blocks.isEmpty else { return Result(text: text, removed: []) }
        // Text with no sign of page chrome is an article already (a wiki-news copy, a plain-text file): keep it all.
        // Asked first block by block, holding nothing per block: the profiles and verdicts held
        // at once were about 200 bytes a block, the peak of annotating a file of many short
        // paragraphs (Benchmarks/README.md, "Many short paragraphs (stop 30)"). A pasted page
        // is profiled again below; it is small.
        guard looksLikePastedPage(blocks, page) else { return Result(text: text, removed: []) }
        let profiles = blocks.map { LineProfile(block: $0, in: page) }
        var verdicts = profiles.map { classifier.classify($0) }
        markRepeats(profiles, &verdicts)
        var keep = [Bool](repeating: false, count: blocks.count)
        var reasons = [String](repeating: "", count: blocks.count)

        // The page repeats its headline (from the page title) just above the article: the body starts after it.

        let global = mainBody(profiles, verdicts, from: 0)
        var body = global?.range ?? 0..<blocks.count
        var anchor: Int? = nil
        if let global {
            // A candidate before the densest run anchors the article; one inside it only when all before it is
            // teaser-sized (a list of headlines with summaries above the article), since related-link boxes in
            // the middle of an article repeat headlines too. One in the footer's link lists is no anchor.
            let candidates = headlineCandidates(profiles, verdicts)
            let ordered = candidates.filter { $0 < global.range.lowerBound }.reversed()
                + candidates.filter { global.range.contains($0) }
            for candidate in ordered.prefix(8) {
                if candidate > global.range.lowerBound,
                   profiles[global.range.lowerBound..<candidate].contains(where: { $0.words >= 48 }) { continue }
                if let after = mainBody(profiles, verdicts, from: candidate + 1), after.sum >= 40, after.sum * 100 >= global.sum * 15 {
                    body = after.range
                    anchor = candidate
                    break
                }
            }
        }
        for i in body {
            if let verdict = verdicts[i] { reasons[i] = verdict.reason } else { keep[i] = true }
        }
        dropMenuRuns(in: body, profiles, verdicts, &keep, &reasons)

        // The headline, kept once at the top, with its standfirst and dateline.
        var title: String? = nil
        var titleIndex: Int? = anchor
        if let anchor {
            title = page.string(profiles[anchor].block.bytes)
        } else if body.lowerBound > 0 {
            (title, titleIndex) = headline(before: body.lowerBound, profiles, verdicts, page)
        }
        if body.lowerBound > 0 && (titleIndex != nil || verdicts[0] != nil) {
            let from = (titleIndex ?? 0) + 1
            var keptLines = 0
            for i in from..<max(from, body.lowerBound) where i <= from + 3 && keptLines < 2 {
                let p = profiles[i]
                guard verdicts[i] == nil, !p.head.hasPrefix("by "), p.block.length <= 400 else { continue }
                if isDateline(p) || p.words >= 6 {
                    keep[i] = true
                    keptLines += 1
                }
            }
        }
        for i in blocks.indices where !keep[i] && reasons[i].isEmpty {
            if let verdict = verdicts[i] { reasons[i] = verdict.reason }
            else if i == titleIndex { reasons[i] = "headline (kept once as title)" }
            else if i < body.lowerBound && i == 0 { reasons[i] = "page title" }
            else if profiles[i].words <= 6 && !profiles[i].endsSentence { reasons[i] = "menu" }
            else { reasons[i] = i < body.lowerBound ? "page header" : "related links" }
        }

        // Calls to comment that end the last paragraphs: "What do you think? Share your thoughts below!"
        var kept: [Range<Int>] = blocks.map(\.bytes)
        var removed: [RemovedBlock] = []
        var trimmed: [Int: String] = [:]
        for i in body where keep[i] {
            if let cut = callToCommentCut(profiles[i], page) {
                let block = blocks[i].bytes
                trimmed[i] = page.string(cut..<block.upperBound)
                if cut <= block.lowerBound { keep[i] = false; reasons[i] = "call to comment" }
                else { kept[i] = block.lowerBound..<trimEnd(page, block.lowerBound, cut) }
            }
        }

        // Removed blocks, consecutive blocks with the same reason reported together.
        var pendingReason = ""
        var pendingText: [String] = []
        func flush() {
            if !pendingText.isEmpty { removed.append(RemovedBlock(text: pendingText.joined(separator: "\n"), reason: pendingReason)) }
            pendingText = []
        }
        for i in blocks.indices {
            if !keep[i] {
                if reasons[i] != pendingReason { flush(); pendingReason = reasons[i] }
                pendingText.append(page.string(blocks[i].bytes))
            } else if let cutText = trimmed[i] {
                flush()
                removed.append(RemovedBlock(text: cutText, reason: "call to comment"))
            } else {
                flush()
            }
        }
        flush()
        if removed.isEmpty && title == nil { return Result(text: text, removed: []) }

        // The kept text, copied in byte runs: the title, then each kept block after a blank line.
        var size = title?.utf8.count ?? 0
        for i in blocks.indices where keep[i] { size += kept[i].count + 2 }
        var out: [UInt8] = []
        out.reserveCapacity(size)
        if let title { out.append(contentsOf: title.utf8) }
        for i in blocks.indices where keep[i] {
            if !out.isEmpty { out.append(0x0A); out.append(0x0A) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: page.bytes[kept[i]]))
        }
        return Result(text: String(decoding: out, as: UTF8.self), removed: removed)
    }

    // MARK: - The body

    /// The maximum-sum run of blocks: prose adds its word count, everything else subtracts.
    /// Comment threads cut the run; a "related links" header ends a run that already holds an
    /// article, and otherwise costs enough that only a long body bridges it.
    func mainBody(_ profiles: [LineProfile], _ verdicts: [ChromeClassifier.Verdict?], from first: Int) -> (range: Range<Int>, sum: Int)? {
        var bestSum = 0, bestRange: Range<Int>? = nil
        var sum = 0, start = first
        for i in first..<profiles.count {
            let value: Int
            if let verdict = verdicts[i] {
                if verdict.reason == "comment form" { sum = 0; start = i + 1; continue }
                value = verdict.endsArticle ? -40 : -8
            } else if profiles[i].isProse || profiles[i].hasAttributedQuote {
                value = min(profiles[i].words, 400)
            } else {
                value = profiles[i].words <= 3 ? -3 : -5
            }
            sum += value
            if sum > bestSum { bestSum = sum; bestRange = start..<(i + 1) }
            if sum <= 0 { sum = 0; start = i + 1 }
        }
        return bestRange.map { ($0, bestSum) }
    }

    /// Chrome phrases, a block that repeats an earlier one's opening (`markRepeats`), or a run of
    /// four short link-like lines (a menu) show that a whole page was pasted.
    func looksLikePastedPage(_ blocks: [TextBlock], _ page: PageText) -> Bool {
        var repeats = RepeatedOpenings()
        var run = 0
        for block in blocks {
            let p = LineProfile(block: block, in: page)
            if classifier.classify(p) != nil || repeats.isRepeat(p) { return true }
            if p.words <= 4 && !p.endsSentence { run += 1 } else { run = 0 }
            if run >= 4 { return true }
        }
        return false
    }

    /// Lines that the page title (the first line) contains: the headline shown above the article.
    func headlineCandidates(_ profiles: [LineProfile], _ verdicts: [ChromeClassifier.Verdict?]) -> [Int] {
        guard profiles.count > 2 else { return [] }
        let first = profiles[0]
        // Character counts are costly: the first line's once, another line's only when the title contains it.
        let firstCount = first.head.count
        guard firstCount < 2 * LineProfile.headLimit else { return [] }
        var candidates: [Int] = []
        for i in 1..<profiles.count {
            let p = profiles[i]
            guard verdicts[i] == nil || verdicts[i]?.reason == "repeated text", p.words >= 3, p.block.length >= 15,
                  p.block.length <= 300 else { continue }
            if first.headBytes.containsBytes(p.headBytes), p.head.count * 2 >= min(firstCount, 60) { candidates.append(i) }
        }
        return candidates
    }

    /// A block whose opening repeats an earlier block's (a page that prints its article twice) is chrome.
    func markRepeats(_ profiles: [LineProfile], _ verdicts: inout [ChromeClassifier.Verdict?]) {
        var repeats = RepeatedOpenings()
        for i in profiles.indices where repeats.isRepeat(profiles[i]) && verdicts[i] == nil {
            verdicts[i] = ChromeClassifier.Verdict(reason: "repeated text", endsArticle: false)
        }
    }

    /// The openings (first 80 characters) of the blocks of 80 characters or more seen so far.
    struct RepeatedOpenings {
        private var seen: Set<String> = []

        /// Whether `p` is such a block and its opening was seen before; records it.
        mutating func isRepeat(_ p: LineProfile) -> Bool {
            guard p.block.length >= 80 else { return false }
            // An ASCII head has one byte per Character: its first 80 bytes are its first 80 Characters.
            let key = p.headIsASCII ? String(decoding: p.headBytes.prefix(80), as: UTF8.self) : String(p.head.prefix(80))
            return !seen.insert(key).inserted
        }
    }

    /// Four or more short link-like lines in a row inside the body are a menu or tag list.
    func dropMenuRuns(in body: Range<Int>, _ profiles: [LineProfile], _ verdicts: [ChromeClassifier.Verdict?],
                      _ keep: inout [Bool], _ reasons: inout [String]) {
        var runStart = body.lowerBound
        func close(_ end: Int) {
            if end - runStart >= 4 { for j in runStart..<end { keep[j] = false; if reasons[j].isEmpty { reasons[j] = "menu" } } }
        }
        for i in body {
            let p = profiles[i]
            let linkLike = p.words <= 3 && !p.endsSentence && !endsWithColon(p)
            if !linkLike { close(i); runStart = i + 1 }
        }
        close(body.upperBound)
    }

    /// `p.head.hasSuffix(":")`, without building the String when bytes and Characters agree.
    func endsWithColon(_ p: LineProfile) -> Bool {
        p.headNeedsCharacterComparison ? p.head.hasSuffix(":") : p.headBytes.last == 0x3A
    }

    // MARK: - The headline

    /// The headline: a line before the body that the page title (first line) repeats, the last
    /// crumb of a breadcrumb, or the first line itself with the site name cut off.
    func headline(before bodyStart: Int, _ profiles: [LineProfile], _ verdicts: [ChromeClassifier.Verdict?],
                  _ page: PageText) -> (String?, Int?) {
        let first = profiles[0]
        if bodyStart > 1 {
            for i in stride(from: bodyStart - 1, through: max(1, bodyStart - 60), by: -1) {
                let p = profiles[i]
                guard verdicts[i] == nil, p.words >= 3, p.block.length >= 15, p.block.length <= 300 else { continue }
                if first.headBytes.containsBytes(p.headBytes) { return (page.string(p.block.bytes), i) }
            }
        }
        let firstText = page.string(first.block.bytes)
        if verdicts[0]?.reason == "breadcrumb" {
            let crumbs = firstText.split(whereSeparator: { "»›≫→>".contains($0) })
            if let last = crumbs.last?.trimmingCharacters(), last.split(separator: " ").count >= 3 { return (last, nil) }
            return (nil, nil)
        }
        guard verdicts[0] == nil, !first.isProse, first.words >= 2, first.words <= 30 else { return (nil, nil) }
        // A clean article starts with its own title; a pasted page with "Headline - Site Name".
        if bodyStart <= 3 { return (firstText, 0) }
        return (siteNameRemoved(firstText), 0)
    }

    /// "Opinion | Headline - The Site" → "Headline": the longest part between title separators.
    func siteNameRemoved(_ title: String) -> String {
        var parts: [String] = [title]
        for separator in [" | ", " - ", " – ", " — ", " · ", " :: "] {
            parts = parts.flatMap { $0.splitOn(separator) }
        }
        guard parts.count > 1, let longest = parts.max(by: { $0.count < $1.count }),
              longest.split(separator: " ").count >= 3 else { return title }
        return longest
    }

    func isDateline(_ p: LineProfile) -> Bool {
        guard p.words <= 12, p.head.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        return Self.dates.occurs(in: p.headBytes)
    }

    static let dates = PhraseSet(dateWords)
    static let dateWords = ["january", "february", "march", "april", "may ", "june", "july", "august", "september",
                            "october", "november", "december", "jan ", "feb ", "mar ", "apr ", "jun ", "jul ", "aug ",
                            "sep ", "sept ", "oct ", "nov ", "dec ", "monday", "tuesday", "wednesday", "thursday",
                            "friday", "saturday", "sunday", "updated", "published"]

    // MARK: - Calls to comment

    /// Where a paragraph's closing call to comment starts (with the reader question before it), if it has one,
    /// as a byte offset.
    func callToCommentCut(_ p: LineProfile, _ page: PageText) -> Int? {
        guard ChromeClassifier.callToComment.occurs(in: p.tailBytes(in: page)) else { return nil }
        // Rare (the tail names a call to comment): the block's scalars are decoded to look at its sentences.
        let (scalars, offsets) = page.scalars(p.block.bytes)
        let count = scalars.count
        // Sentence starts in the tail: after ". ", "! ", "? ".
        let low = max(0, count - LineProfile.tailLimit)
        var starts: [Int] = [0]
        var i = low + 2
        while i < count {
            if scalars[i - 1] == " " && ".!?".unicodeScalars.contains(scalars[i - 2]) && !scalars[i].properties.isLowercase {
                starts.append(i)
            }
            i += 1
        }
        func lowered(_ s: Int, _ e: Int) -> String {
            var v = String.UnicodeScalarView()
            for j in s..<e { v.append(LineProfile.lower(scalars[j])) }
            return String(v)
        }
        // Only the last two sentences may be the call; it must contain the cue.
        var cut: Int? = nil
        for k in stride(from: starts.count - 1, through: max(0, starts.count - 2), by: -1) {
            let s = starts[k], e = k + 1 < starts.count ? starts[k + 1] : count
            let sentence = lowered(s, e)
            if ChromeClassifier.callToComment.occurs(in: Array(sentence.utf8)) { cut = s; break }
        }
        guard var cutAt = cut, let k = starts.firstIndex(of: cutAt) else { return nil }
        if k > 0 {
            let question = lowered(starts[k - 1], cutAt)
            if question.hasSuffix("? ") && (Array(question.utf8).containsBytes(Array(" you ".utf8)) || question.hasPrefix("you ")) { cutAt = starts[k - 1] }
        }
        return offsets[cutAt]
    }

    /// `end` moved back over spaces, tabs and line feeds, not below `start`.
    func trimEnd(_ page: PageText, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start && (page[e - 1] == 0x20 || page[e - 1] == 0x09 || page[e - 1] == 0x0A) { e -= 1 }
        return e
    }
}

fileprivate extension StringProtocol {
    /// Splits on a multi-character separator, keeping empty parts out.
    func splitOn(_ separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            if range.lowerBound > rest.startIndex { parts.append(String(rest[..<range.lowerBound])) }
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts
    }

    /// Without leading and trailing spaces and tabs.
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
