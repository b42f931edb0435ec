import DossierCore
import Foundation

/// Reads JSON Lines feeds: one article per line with `text` and optional `title`, `url`, `date`, `source`.
enum JSONLinesReader {
    static func documents(in text: String) -> [Result<SourceDocument, JSONLineError>] {
        text.split(separator: "\n").compactMap { line -> Result<SourceDocument, JSONLineError>? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                return .failure(JSONLineError(reason: "not a JSON object"))
            }
            guard let body = object["text"] as? String else { return .failure(JSONLineError(reason: "no \"text\" field")) }
            var metadata: [String: String] = [:]
            for key in ["url", "date", "source"] { if let value = object[key] as? String { metadata[key] = value } }
            let title = object["title"] as? String
            let cleanBody = (try? TextDecoder.decode(Array(body.utf8))) ?? ""
            let cleanTitle = title.flatMap { try? TextDecoder.decode(Array($0.utf8)) }
            let full = cleanTitle.map { $0 + "\n\n" + cleanBody } ?? cleanBody
            return .success(SourceDocument(text: full, format: .jsonLines, titleHint: cleanTitle,
                                           removeBoilerplate: false, metadata: metadata))
        }
    }
}

/// Why one line of a JSON Lines feed is not an article.
struct JSONLineError: Error {
    var reason: String
}
