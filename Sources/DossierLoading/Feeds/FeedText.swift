import CLibXML2
import DossierCore
import DossierHTML

/// Turns a feed's fields into article text: titles on one line, HTML fragments into paragraphs.
enum FeedText {
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A title as text: one line, and markup or entities left in it (Atom's `type="html"`, RSS titles
    /// escaped twice) read as HTML.
    static func title(_ raw: String) -> String {
        let line = oneLine((try? TextDecoder.decode(Array(raw.utf8))) ?? raw)
        guard line.contains("<") || line.contains("&") else { return line }
        let read = textContent(ofHTML: Array("<html><body><p>".utf8) + Array(line.utf8) + Array("</p></body></html>".utf8))
        return read.isEmpty ? line : read
    }

    /// A summary or content field as text: HTML (it has tags) through the page extractor, plain text as it is.
    static func body(of field: String) -> String {
        let cleaned = (try? TextDecoder.decode(Array(field.utf8))) ?? field
        guard looksLikeHTML(cleaned) else { return cleaned.trimmingWhitespace }
        let page = Array("<html><body><article>".utf8) + Array(cleaned.utf8) + Array("</article></body></html>".utf8)
        let extracted = HTMLArticleExtractor().extract(html: page).text
        if !extracted.isEmpty { return extracted }
        // A fragment too short for the extractor to call it an article (one line of summary): its text.
        return (try? TextDecoder.decode(Array(textContent(ofHTML: page).utf8)))?.trimmingWhitespace ?? ""
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        var sawOpen = false
        for scalar in text.unicodeScalars {
            if scalar == "<" { sawOpen = true } else if sawOpen && scalar == ">" { return true }
        }
        return false
    }

    /// Every text node of an HTML page, joined: libxml2's own text content of the parsed tree.
    /// The text of an HTML fragment, cleaned like a page's (escape sequences dropped whole: see `EscapeCharacterShield`).
    static func textContent(ofHTML page: [UInt8]) -> String {
        let bytes = EscapeCharacterShield.protect(page)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let content = xmlNodeGetContent(root) else { return "" }
        defer { dossier_xml_free(content) }
        let text = EscapeCharacterShield.restore(String(cString: content))
        return oneLine((try? TextDecoder.decode(Array(text.utf8))) ?? "")
    }

    /// How many words a text has (runs of non-space), counting no further than `limit`.
    static func words(in text: String, upTo limit: Int) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count >= limit { return count }
            }
        }
        return count
    }
}

/// Feed dates as the library sorts them: "Tue, 03 Jun 2026 09:39:21 GMT" (RSS) → "2026-06-03";
/// RFC 3339 dates (Atom) are already in that order and are kept.
enum FeedDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func isoDay(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace
        if let first = trimmed.unicodeScalars.first, first.properties.numericType != nil, trimmed.count >= 10,
           Array(trimmed.unicodeScalars)[4] == "-" {
            return String(trimmed.prefix(10))
        }
        // RFC 822: [Day, ] DD Mon YYYY …
        var parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = parts.first, Int(first) == nil { parts.removeFirst() }
        guard parts.count >= 3, let day = Int(parts[0]), (1...31).contains(day),
              let month = months.firstIndex(of: String(parts[1].lowercased().prefix(3))),
              var year = Int(parts[2]) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month + 1))-\(two(day))"
    }
}
