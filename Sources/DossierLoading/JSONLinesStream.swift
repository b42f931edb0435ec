import DossierCore

/// A JSON Lines file (or standard input) cut into records a block at a time, as the annotation asks
/// for them: memory holds the records waiting to be annotated and one block, whatever the length of
/// the feed, and the first articles are annotated while the rest is still being read (issue 13: a
/// 100 MB feed read whole peaked at 344 MB and started annotating after a second).
///
/// Each record keeps its line's bytes as read; decoding (`TextDecoder`) runs when the record is
/// parsed, on the task that annotates it. A line then reads as it did when the whole file was
/// decoded first: lines are cut where the decoder puts line breaks (LF, CR LF, a lone CR), numbered
/// the same, and blank lines are skipped. Two things are decided per line, not per file, and
/// documented in the README: whether 8-bit text that is not UTF-8 is Windows-1252, and a NUL byte
/// past the head, which makes its line an error instead of the whole file one.
struct JSONLinesStream {
    /// Bytes asked of the input at a time (tests pass a few, to cut lines and CR LF across blocks).
    private let blockBytes: Int
    private let input: ByteSource
    /// The path as the messages name it ("feed.jsonl"; a record is "feed.jsonl:12").
    private let source: String
    private let lineByteLimit: Int
    /// Bytes read and not yet cut into lines: the next line starts at `lineStart`, and no line
    /// break lies in `lineStart..<scanned`.
    private var buffer: [UInt8]
    private var lineStart = 0
    private var scanned = 0
    private var inputEnded = false
    /// The number of the line that starts at `lineStart` (1-based, as an editor counts).
    private var lineNumber = 1
    private var recordsHandedOut = 0
    private var finished = false

    /// Whether the input whose first bytes are `head` (`SourceFormatDetector.headByteCount` of
    /// them, or all there are) is a JSON Lines feed that can be cut at line-break bytes: not UTF-16
    /// or UTF-32 (read whole, as before), and no NUL in the head (a binary file gets its one error).
    /// The head is judged decoded, as the whole file is when read whole: a byte-order mark or a
    /// no-break space before the first record does not hide it.
    static func canStream(head: [UInt8], pathHint: String?) -> Bool {
        // Most inputs are no feed, and a feed's first visible character is "{". A head whose first
        // byte after ASCII white space is another printable ASCII character ("<" of a page, a
        // letter of text) is answered without decoding it: decoding keeps ASCII as it is, so its
        // first line cannot open a record. Decoding and judging the head was 4.5 % of annotating
        // the 60 saved pages of `html-dev/` (perf, stop 33).
        if let first = head.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
           first >= 0x21, first <= 0x7E, first != 0x7B {
            return false
        }
        guard !head.contains(0), TextDecoder.encoding(of: head) != .utf16,
              let text = try? TextDecoder.decode(head) else { return false }
        return SourceFormatDetector.format(ofText: text, pathHint: pathHint) == .jsonLines
    }

    /// Whether the first line of `bytes` that is not blank is complete (a line break follows it),
    /// names a `"text"` field, and makes `canStream` say yes: the format detector's first JSON Lines
    /// rule, which no later byte can overturn, so that a pipe's first record decides.
    static func opensWithTextRecord(_ bytes: [UInt8], pathHint: String?) -> Bool {
        var start = 0
        while let lineEnd = bytes[start...].firstIndex(of: 0x0A) {
            let line = bytes[start..<lineEnd]
            if line.contains(where: { $0 > 0x20 }) {
                let names = line.indices.contains { k in line[k...].starts(with: #""text""#.utf8) }
                return names && canStream(head: Array(bytes[...lineEnd]), pathHint: pathHint)
            }
            start = lineEnd + 1
        }
        return false
    }

    /// Goes on from `head`, the bytes already read from `input`.
    init(input: ByteSource, head: [UInt8], source: String, blockBytes: Int = 1 << 20,
         lineByteLimit: Int = FileReader.byteLimit) {
        self.input = input
        self.blockBytes = max(1, blockBytes)
        self.source = source
        self.lineByteLimit = lineByteLimit
        buffer = head
    }

    /// Whether `next` would answer without waiting on the input: a whole line that is not blank is
    /// read and not yet handed out, the input has ended, or it has bytes ready (blank lines are
    /// skipped, so they alone would leave `next` waiting). `OrderedAnnotation` writes finished
    /// articles rather than wait on a pipe. (A line of Unicode spaces only counts as not blank
    /// here, and still waits.)
    var mayAnswerAtOnce: Bool {
        if finished || inputEnded { return true }
        var start = lineStart
        while let lineBreak = buffer[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            // A CR at the end of what was read may be the first half of CR LF: not yet a whole line.
            guard buffer[lineBreak] == 0x0A || lineBreak + 1 < buffer.count else { break }
            if buffer[start..<lineBreak].contains(where: { $0 > 0x20 }) { return true }
            start = lineBreak + 1
        }
        return input.isReady
    }

    /// The next record, or an error in its place (a line that cannot be read, a read that failed);
    /// nil at the end.
    mutating func next() -> PendingDocument? {
        while !finished {
            let line: Line?
            do { line = try nextLine() } catch {
                finished = true
                return PendingDocument(source: source, content: .ready(.failure(error)))
            }
            guard let line else {
                finished = true
                guard recordsHandedOut == 0 else { return nil }
                return PendingDocument(source: source, content: .ready(.failure(
                    .unparsable(source, reason: "no articles in this JSON Lines file (it is empty)"))))
            }
            let name = "\(source):\(line.number)"
            guard let bytes = line.bytes else {
                recordsHandedOut += 1
                return PendingDocument(source: name, content: .ready(.failure(.unreadable(name,
                    reason: "a line larger than \(FileReader.limitText(lineByteLimit)), the most Dossier reads as one article"))))
            }
            guard let record = JSONLinesReader.Record(undecoded: bytes) else { continue }
            recordsHandedOut += 1
            return PendingDocument(source: name, content: .jsonLine(record))
        }
        return nil
    }

    /// A line's bytes without its break, nil for a line longer than `lineByteLimit` (read and dropped,
    /// so that memory stays bounded), and its number.
    private typealias Line = (bytes: ArraySlice<UInt8>?, number: Int)

    /// The next line, reading more input as needed; nil when the input has ended and every line was
    /// handed out.
    private mutating func nextLine() throws(InputError) -> Line? {
        var overlong = false
        while true {
            if let breakAt = firstBreak() {
                // A CR at the end of what was read may be the first half of CR LF.
                if buffer[breakAt] == 0x0D, breakAt + 1 == buffer.count, !inputEnded {
                    try readBlock()
                    continue
                }
                let crlf = buffer[breakAt] == 0x0D && breakAt + 1 < buffer.count && buffer[breakAt + 1] == 0x0A
                let tooLong = overlong || breakAt - lineStart > lineByteLimit
                let line: Line = (tooLong ? nil : buffer[lineStart..<breakAt], lineNumber)
                lineStart = breakAt + (crlf ? 2 : 1)
                scanned = lineStart
                lineNumber += 1
                return line
            }
            if inputEnded {
                guard overlong || lineStart < buffer.count else { return nil }
                let tooLong = overlong || buffer.count - lineStart > lineByteLimit
                let line: Line = (tooLong ? nil : buffer[lineStart...], lineNumber)
                lineStart = buffer.count
                scanned = lineStart
                return line
            }
            if buffer.count - lineStart > lineByteLimit { overlong = true }
            if overlong {
                // The rest of an overlong line is not kept.
                buffer.removeAll(keepingCapacity: true)
                lineStart = 0
                scanned = 0
            }
            try readBlock()
        }
    }

    /// Where the first LF or CR at or after `scanned` is, moving `scanned` past what it searched.
    private mutating func firstBreak() -> Int? {
        let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
            var k = scanned
            while k < bytes.count {
                let byte = bytes[k]
                if byte == 0x0A || byte == 0x0D { return k }
                k += 1
            }
            return nil
        }
        scanned = found ?? buffer.count
        return found
    }

    /// Reads the next block, first dropping the lines already handed out (their bytes live on in the
    /// records' own copies).
    private mutating func readBlock() throws(InputError) {
        if lineStart > 0 {
            buffer.removeSubrange(0..<lineStart)
            scanned -= lineStart
            lineStart = 0
        }
        if try input.read(appendingTo: &buffer, upTo: blockBytes) == 0 { inputEnded = true }
    }
}
