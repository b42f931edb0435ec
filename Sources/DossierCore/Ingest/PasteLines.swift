/// The lines of a paste for `PasteSplitter`: each line's features (`PasteLine`) and where its text
/// is, as UTF-8 offsets into the paste, so a line costs 20 bytes however short it is.
///
/// Lines are cut as `split(separator: "\n", omittingEmptySubsequences: false)` cuts them. Without
/// a CR (decoded text never has one: `TerminalSafeFilter` turns CR LF into LF) an LF is always a
/// character of its own, so the cut is made on the UTF-8 bytes, read in place, without walking the
/// text character by character (through `String.UTF8View`'s iterator it was 2 % of a 50 MB line's time).
struct PasteLines {
    let text: String
    /// UTF-8 offsets of each line's first byte and of the byte after its last (its LF, or the end).
    private let starts: [UInt32]
    private let ends: [UInt32]
    private let features: [PasteLine]

    /// A paste of 4 GiB or more (beyond any input Dossier reads: `FileReader.byteLimit` is 1 GiB)
    /// is one line, so that offsets fit in 32 bits.
    init(_ text: String) {
        self.text = text
        let (starts, ends) = Self.bounds(of: text)
        let utf8 = text.utf8
        var features: [PasteLine] = []
        features.reserveCapacity(starts.count)
        for line in starts.indices {
            features.append(PasteLine(Self.slice(text, utf8, Int(starts[line]), Int(ends[line]))))
        }
        self.starts = starts
        self.ends = ends
        self.features = features
    }

    var count: Int { features.count }
    var indices: Range<Int> { features.indices }

    subscript(line: Int) -> PasteLine { features[line] }

    /// The text of line `line`, without its LF.
    func text(_ line: Int) -> Substring {
        Self.slice(text, text.utf8, Int(starts[line]), Int(ends[line]))
    }

    /// The text of the lines of `range` with the LFs between them: what joining their texts with
    /// "\n" gives.
    func text(of range: Range<Int>) -> Substring {
        guard !range.isEmpty else { return "" }
        return Self.slice(text, text.utf8, Int(starts[range.lowerBound]), Int(ends[range.upperBound - 1]))
    }

    /// The lines' texts (for tests: the cut is `split`'s).
    var texts: [Substring] { indices.map(text) }

    /// Offsets in a native string: O(1) each.
    private static func slice(_ text: String, _ utf8: String.UTF8View, _ start: Int, _ end: Int) -> Substring {
        text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
    }

    private static func bounds(of text: String) -> (starts: [UInt32], ends: [UInt32]) {
        var contiguous = text
        let count = contiguous.utf8.count
        guard count < Int(UInt32.max) else { return ([0], [UInt32(clamping: count)]) }
        let found = contiguous.withUTF8 { bytes -> (starts: [UInt32], ends: [UInt32])? in
            // Counted first, so each array is made at its size: grown by doubling, the old and the
            // new buffer would both be held, for a file of short lines the peak of this stage.
            var lineFeeds = 0
            for byte in bytes where byte == 0x0A || byte == 0x0D {
                if byte == 0x0D { return nil }
                lineFeeds += 1
            }
            var starts: [UInt32] = [0], ends: [UInt32] = []
            starts.reserveCapacity(lineFeeds + 1)
            ends.reserveCapacity(lineFeeds + 1)
            for i in bytes.indices where bytes[i] == 0x0A {
                ends.append(UInt32(i))
                starts.append(UInt32(i + 1))
            }
            ends.append(UInt32(bytes.count))
            return (starts, ends)
        }
        if let found { return found }
        // With a CR, "\r\n" is one character and no cut: `split`'s own lines, as offsets.
        let utf8 = text.utf8
        var starts: [UInt32] = [], ends: [UInt32] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            starts.append(UInt32(utf8.distance(from: utf8.startIndex, to: line.startIndex)))
            ends.append(UInt32(utf8.distance(from: utf8.startIndex, to: line.endIndex)))
        }
        return (starts, ends)
    }
}
