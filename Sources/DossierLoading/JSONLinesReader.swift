import DossierCore
import Foundation

/// Reads JSON Lines feeds: one article per line with `text` and optional `title`, `url`, `date`,
/// `source` (the shape trafilatura and similar extraction tools emit).
enum JSONLinesReader {
    /// One non-blank line as read, not yet parsed: `parse()` runs on the task that annotates it,
    /// so that the records of a feed are parsed on every core, not on the one task that reads.
    struct Record: Sendable {
        enum Content: Sendable {
            /// The line's bytes, ASCII whitespace trimmed.
            case bytes([UInt8])
            /// A line with a non-ASCII scalar at an end, trimmed by Foundation.
            case text(String)
            /// A line's bytes as read from a streamed file (`JSONLinesStream`), not yet decoded.
            case undecoded([UInt8])
        }
        var content: Content

        init(content: Content) { self.content = content }

        /// A line of a streamed file as read, or nil when it is blank once decoded (a blank line of a
        /// file decoded whole gives no record either). Most lines open with a printable ASCII byte
        /// and are seen not to be blank without decoding them here: the reading task only cuts lines.
        init?(undecoded line: ArraySlice<UInt8>) {
            let opensVisibly: Bool? = line.withUnsafeBufferPointer { bytes in
                FastTrim.trimmed(bytes, in: FastTrim.whitespaces).map { kept in
                    !kept.isEmpty && kept[0] > 0x20 && kept[0] < 0x7F
                }
            }
            // Empty, white space, or an end that only decoding can judge (a control byte, a non-ASCII
            // scalar that may be a space). A line that cannot be decoded is kept: it is reported.
            if opensVisibly != true, let decoded = try? TextDecoder.decode(Array(line)),
               JSONLinesReader.records(in: decoded).isEmpty {
                return nil
            }
            content = .undecoded(Array(line))
        }

        func parse() -> Result<SourceDocument, JSONLineError> {
            switch content {
            case .bytes(let bytes):
                // The common shape read straight from the bytes; any other line through Foundation.
                if let fields = FlatJSONObject.fields(bytes) { return JSONLinesReader.document(fields: { fields[$0] }) }
                return JSONLinesReader.document(fromJSON: Data(bytes))
            case .text(let text): return JSONLinesReader.document(from: text)
            case .undecoded(let line): return Self.decoded(line).flatMap { $0.parse() }
            }
        }

        /// A streamed line as the record a file decoded whole would have given: a line of printable
        /// ASCII (nearly every line of a feed written by `json.dumps`) is its own decoding and is
        /// only trimmed; any other is decoded first.
        static func decoded(_ line: [UInt8]) -> Result<Record, JSONLineError> {
            let printable = line.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 }
            if printable {
                let trimmed = line.withUnsafeBufferPointer { FastTrim.trimmed($0, in: FastTrim.whitespaces).map(Array.init) }
                if let trimmed { return .success(Record(content: .bytes(trimmed))) }
            }
            let text: String
            do { text = try TextDecoder.decode(line) } catch {
                return .failure(JSONLineError(reason: "\(error)"))
            }
            guard let record = JSONLinesReader.records(in: text).first?.record else {
                return .failure(JSONLineError(reason: "a blank line"))  // not reached: blank lines are skipped when read
            }
            return .success(record)
        }
    }

    /// Each non-blank line with its 1-based line number, as an article or the reason it is not one.
    static func documents(in text: String) -> [(line: Int, result: Result<SourceDocument, JSONLineError>)] {
        records(in: text).map { ($0.line, $0.record.parse()) }
    }

    /// Each non-blank line with its 1-based line number, trimmed but not parsed.
    ///
    /// Lines are cut at LF bytes (the decoded text has no CR: `TerminalSafeFilter` turned CR LF into
    /// LF, so a byte cut equals a cut between characters) and handed to the JSON parser as bytes.
    static func records(in text: String) -> [(line: Int, record: Record)] {
        var text = text
        text.makeContiguousUTF8()
        var results: [(line: Int, record: Record)] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var lineStart = 0, number = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                number += 1
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if let trimmed = FastTrim.trimmed(line, in: FastTrim.whitespaces) {
                    if !trimmed.isEmpty { results.append((number, Record(content: .bytes(Array(trimmed))))) }
                } else {
                    // A non-ASCII scalar at an end may be a Unicode space: Foundation decides.
                    let trimmed = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty { results.append((number, Record(content: .text(trimmed)))) }
                }
                lineStart = lineEnd + 1
            }
        }
        return results
    }

    static func document(from line: String) -> Result<SourceDocument, JSONLineError> {
        document(fromJSON: Data(line.utf8))
    }

    static func document(fromJSON line: Data) -> Result<SourceDocument, JSONLineError> {
        guard let parsed = try? JSONSerialization.jsonObject(with: line) else {
            if nestingDepth(of: line) > foundationDepthLimit {
                return .failure(JSONLineError(reason: "JSON nested deeper than \(foundationDepthLimit) levels, which Dossier does not read"))
            }
            return .failure(JSONLineError(reason: "not valid JSON (each line must be one JSON object)"))
        }
        guard let object = parsed as? [String: Any] else {
            return .failure(JSONLineError(reason: "not a JSON object (each line must be {\"text\": …})"))
        }
        return document(fields: { object[$0] as? String })
    }

    /// Foundation's JSON parser refuses arrays and objects nested deeper than this: a line valid
    /// but that deep gets its own message, not "not valid JSON".
    static let foundationDepthLimit = 512

    /// How deep the line's arrays and objects nest, brackets inside strings not counted.
    static func nestingDepth(of line: Data) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in line {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B: depth += 1; deepest = max(deepest, depth)
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// The article of a record whose string fields `field` gives (nil: absent, or not a string).
    static func document(fields field: (String) -> String?) -> Result<SourceDocument, JSONLineError> {
        guard let body = field("text") else {
            return .failure(JSONLineError(reason: "no \"text\" field with the article's text"))
        }
        let cleanBody = FastTrim.trimming((try? TextDecoder.decode(Array(body.utf8))) ?? "", in: FastTrim.whitespacesAndNewlines)
        if cleanBody.isEmpty { return .failure(JSONLineError(reason: "the \"text\" field is empty")) }
        var metadata: [String: String] = [:]
        // trafilatura writes "hostname"/"sitename" where other feeds write "source".
        let keys = ["url": ["url"], "date": ["date"], "source": ["source", "sitename", "hostname"]]
        for (key, candidates) in keys {
            if let value = candidates.first(where: { field($0)?.isEmpty == false }).flatMap(field) {
                metadata[key] = (try? TextDecoder.decode(Array(value.utf8))) ?? value
            }
        }
        let title = field("title").flatMap { try? TextDecoder.decode(Array($0.utf8)) }
            .map { FastTrim.trimming($0, in: FastTrim.whitespacesAndNewlines) }
        let cleanTitle = title?.isEmpty == false ? title : nil
        // Tools differ on whether the text repeats the title; the article should show it once.
        let full: String
        if let cleanTitle, !cleanBody.hasPrefix(cleanTitle) { full = cleanTitle + "\n\n" + cleanBody } else { full = cleanBody }
        return .success(SourceDocument(text: full, format: .jsonLines, titleHint: cleanTitle,
                                       removeBoilerplate: false, metadata: metadata))
    }
}

/// Why one line of a JSON Lines feed is not an article.
struct JSONLineError: Error, Equatable {
    var reason: String
}
