import DossierCore

/// What the reader draws a block as.
enum BlockKind: Sendable, Equatable {
    case title, standfirst, dateline, heading, body
}

/// One drawable block of an article: a paragraph with its role and section.
struct Block: Sendable {
    var span: Span
    var kind: BlockKind
    var section: Int
}

/// What a highlighted stretch of text is.
enum MarkKind: Sendable, Equatable {
    case quote
    case number
    case entity(Int)
}

/// A top-of-screen reading position: a block and the text offset where the top line starts.
/// Offsets, not line numbers, so the position survives a resize and a re-wrap.
public struct DocumentPosition: Hashable, Sendable, Comparable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }

    public static func < (a: DocumentPosition, b: DocumentPosition) -> Bool {
        a.block != b.block ? a.block < b.block : a.offset < b.offset
    }
}

/// One wrapped line of a block at some width.
struct LayoutLine: Sendable {
    /// Glyph indices into the block's glyphs; empty for the blank line that separates blocks.
    var glyphs: Range<Int>
    /// Text offset where the line starts (the block's end for the separator line).
    var start: Int
    var isSeparator: Bool
}

/// An annotated article prepared for the reader: blocks, highlight indexes, and a per-width cache
/// of wrapped lines that is filled only for the blocks that are drawn, so a 10 MB article opens at once.
///
/// A class because the cache is shared by every copy of the reader state; the reader is single-threaded.
public final class ArticleDocument: @unchecked Sendable {
    public let annotated: AnnotatedArticle
    /// What the status line and library call the article: its file name, else its title.
    public let name: String
    let blocks: [Block]
    let quotes: SpanIndex<Int>
    let numbers: SpanIndex<Int>
    let mentions: SpanIndex<Int>
    /// Mentions of each entity in text order, by entity index.
    let mentionsByEntity: [[Span]]
    /// The first block of each section.
    let sectionFirstBlock: [Int]
    /// Each entity's kind by index, looked up for every highlighted cell.
    let entityKinds: [EntityKind]

    private var glyphCache: [Int: [Glyph]] = [:]
    private var lineCache: [Int: [Int: [LayoutLine]]] = [:]
    private var cachedGlyphCount = 0
    /// The side pane's actors and claims by section (-1: the whole article).
    private var sidePaneCache: [Int: SidePaneContent] = [:]
    var glyphCacheCount: Int { glyphCache.count }

    public init(_ annotated: AnnotatedArticle) {
        self.annotated = annotated
        let article = annotated.article
        var sectionOfParagraph = [Int](repeating: 0, count: article.paragraphs.count)
        for (sectionIndex, section) in article.sections.enumerated() {
            for p in section.paragraphIndices where p >= 0 && p < sectionOfParagraph.count { sectionOfParagraph[p] = sectionIndex }
        }
        var blocks: [Block] = []
        for (index, paragraph) in article.paragraphs.enumerated() {
            let kind: BlockKind
            switch paragraph.role {
            case .title: kind = .title
            case .standfirst: kind = .standfirst
            case .dateline: kind = .dateline
            case .heading: kind = .heading
            case .body: kind = .body
            }
            let end = min(max(paragraph.span.end, paragraph.span.start), article.text.count)
            // A paragraph longer than a preview's is drawn as blocks of that length, as the preview
            // draws it: a block's glyphs and lines are made whole, and a huge one-line file is one paragraph.
            for span in LongParagraphCutter.spans(cutting: Span(min(paragraph.span.start, end), end),
                                                  in: article.text.scalars, longest: ArticlePreview.longestParagraph) {
                blocks.append(Block(span: span, kind: kind, section: sectionOfParagraph[index]))
            }
        }
        if blocks.isEmpty { blocks.append(Block(span: Span(0, 0), kind: .body, section: 0)) }
        self.blocks = blocks
        var firsts = [Int](repeating: -1, count: max(1, article.sections.count))
        for (index, block) in blocks.enumerated() where block.section < firsts.count && firsts[block.section] < 0 {
            firsts[block.section] = index
        }
        for i in firsts.indices where firsts[i] < 0 { firsts[i] = i > 0 ? firsts[i - 1] : 0 }
        sectionFirstBlock = firsts
        quotes = SpanIndex(indexing: annotated.quotes.map(\.span))
        numbers = SpanIndex(indexing: annotated.numbers.map(\.span))
        // Sized once, and an entity's mentions shared with the article when they are in order already
        // (they are, from the pipeline): a huge article has them by the million, and a doubling
        // array or a sorted copy of each was the reader's largest allocation after the text.
        var mentionItems: [(Span, Int)] = []
        mentionItems.reserveCapacity(annotated.entities.reduce(0) { $0 + $1.mentions.count })
        var byEntity: [[Span]] = []
        byEntity.reserveCapacity(annotated.entities.count)
        for (index, entity) in annotated.entities.enumerated() {
            let inOrder = zip(entity.mentions, entity.mentions.dropFirst()).allSatisfy { !($1 < $0) }
            let sorted = inOrder ? entity.mentions : entity.mentions.sorted()
            byEntity.append(sorted)
            for span in sorted { mentionItems.append((span, index)) }
        }
        mentions = SpanIndex(mentionItems)
        entityKinds = annotated.entities.map(\.kind)
        mentionsByEntity = byEntity
        if let source = annotated.source, source != "-" {
            name = PrintableName.of(String(source.split(separator: "/").last ?? Substring(source)))
        } else {
            name = annotated.article.titleString.map { SummaryText.elide($0, to: 40) } ?? "standard input"
        }
    }

    public var sectionCount: Int { sectionFirstBlock.count }
    var lastBlock: Int { blocks.count - 1 }
    var text: ArticleText { annotated.text }

    /// The section's heading, or its first words when it has none.
    func sectionTitle(_ section: Int) -> String {
        if section < annotated.article.sections.count, let heading = annotated.article.sections[section].heading {
            return heading
        }
        let block = blocks[sectionFirstBlock[section]]
        return SummaryText.elide(text.slice(block.span), to: 60)
    }

    func sidePaneContent(scope: SidePaneScope, section: Int) -> SidePaneContent {
        let key = scope == .section ? section : -1
        if let cached = sidePaneCache[key] { return cached }
        let made = SidePaneContent(document: self, scope: scope, section: section)
        sidePaneCache[key] = made
        return made
    }

    func glyphs(_ block: Int) -> [Glyph] {
        if let cached = glyphCache[block] { return cached }
        // Bounded memory on huge articles: drop the cache rather than keep every paragraph's glyphs.
        if cachedGlyphCount > 2_000_000 { glyphCache.removeAll(); lineCache.removeAll(); cachedGlyphCount = 0 }
        let span = blocks[block].span
        let made = Glyph.glyphs(of: text.scalars[span.start..<span.end], startingAt: span.start)
        glyphCache[block] = made
        cachedGlyphCount += made.count
        return made
    }

    /// The block's lines at `width`, with a blank separator line after every block but the last.
    func lines(_ block: Int, width: Int) -> [LayoutLine] {
        if let cached = lineCache[width]?[block] { return cached }
        let blockGlyphs = glyphs(block)
        var lines = WordWrapper.lines(blockGlyphs, width: width).map { range in
            LayoutLine(glyphs: range, start: range.isEmpty
                ? (range.lowerBound < blockGlyphs.count ? blockGlyphs[range.lowerBound].offset : blocks[block].span.end)
                : blockGlyphs[range.lowerBound].offset, isSeparator: false)
        }
        // Keep line starts strictly increasing so an offset always names one line.
        for i in lines.indices.dropFirst() where lines[i].start <= lines[i - 1].start { lines[i].start = lines[i - 1].start + 1 }
        if block < lastBlock {
            lines.append(LayoutLine(glyphs: blockGlyphs.count..<blockGlyphs.count,
                                    start: max(blocks[block].span.end, (lines.last?.start ?? 0) + 1), isSeparator: true))
        }
        lineCache[width, default: [:]][block] = lines
        return lines
    }

    /// The index of the line holding `position` in its block.
    func lineIndex(_ position: DocumentPosition, width: Int) -> Int {
        let blockLines = lines(position.block, width: width)
        var index = 0
        for (i, line) in blockLines.enumerated() where line.start <= position.offset { index = i }
        return index
    }

    /// Normalises a position to the start of the line that holds it.
    func lineStart(_ position: DocumentPosition, width: Int) -> DocumentPosition {
        let blockLines = lines(position.block, width: width)
        return DocumentPosition(block: position.block, offset: blockLines[lineIndex(position, width: width)].start)
    }

    var startPosition: DocumentPosition { DocumentPosition(block: 0, offset: blocks[0].span.start) }

    /// The position `count` lines after (or before, when negative) `position`, stopping at the ends.
    func moved(_ position: DocumentPosition, by count: Int, width: Int) -> DocumentPosition {
        var block = position.block
        var line = lineIndex(position, width: width)
        var remaining = count
        while remaining > 0 {
            let blockLines = lines(block, width: width)
            if line + remaining < blockLines.count { line += remaining; remaining = 0; break }
            if block == lastBlock { line = blockLines.count - 1; break }
            remaining -= blockLines.count - line
            block += 1
            line = 0
        }
        while remaining < 0 {
            if line + remaining >= 0 { line += remaining; remaining = 0; break }
            if block == 0 { line = 0; break }
            remaining += line + 1
            block -= 1
            line = lines(block, width: width).count - 1
        }
        return DocumentPosition(block: block, offset: lines(block, width: width)[line].start)
    }

    /// The last top position that still fills the screen: the end of the article on its last row.
    func lastTop(width: Int, height: Int) -> DocumentPosition {
        let lastLines = lines(lastBlock, width: width)
        let end = DocumentPosition(block: lastBlock, offset: lastLines[lastLines.count - 1].start)
        return moved(end, by: -(max(1, height) - 1), width: width)
    }

    /// The block holding a text offset (the last block starting at or before it).
    func block(containing offset: Int) -> Int {
        var low = 0, high = blocks.count
        while low < high {
            let mid = (low + high) / 2
            if blocks[mid].span.start <= offset { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    /// The position of the line holding a text offset.
    func position(ofOffset offset: Int, width: Int) -> DocumentPosition {
        let b = block(containing: offset)
        return lineStart(DocumentPosition(block: b, offset: offset), width: width)
    }

    /// Visible lines from `top`: (block, line index) pairs, at most `count`.
    func visibleLines(from top: DocumentPosition, count: Int, width: Int) -> [(block: Int, line: Int)] {
        var result: [(block: Int, line: Int)] = []
        var block = top.block
        var line = lineIndex(top, width: width)
        while result.count < count, block < blocks.count {
            let blockLines = lines(block, width: width)
            while line < blockLines.count, result.count < count { result.append((block, line)); line += 1 }
            block += 1
            line = 0
        }
        return result
    }

    /// The text range a visible line covers, for finding the marks on it.
    func textRange(block: Int, line: Int, width: Int) -> Span {
        let blockLines = lines(block, width: width)
        let blockGlyphs = glyphs(block)
        let range = blockLines[line].glyphs
        guard let first = range.first, let last = range.last else { return Span(blockLines[line].start, blockLines[line].start) }
        let lastGlyph = blockGlyphs[last]
        let nextOffset = last + 1 < blockGlyphs.count ? blockGlyphs[last + 1].offset : blocks[block].span.end
        return Span(blockGlyphs[first].offset, max(blockGlyphs[first].offset, max(lastGlyph.offset + 1, nextOffset)))
    }
}

extension ArticleDocument {
    /// How many blocks have glyphs cached: tests use it to check that layout stays lazy.
    var laidOutBlockCount: Int { glyphCacheCount }
}
