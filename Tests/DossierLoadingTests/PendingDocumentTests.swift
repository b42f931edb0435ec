import DossierCore
import Foundation
import Testing
@testable import DossierLoading

/// A JSON Lines feed read for `OrderedAnnotation`: lines cut but not parsed until resolved, with the
/// same documents and errors as reading them parsed.
@Suite struct PendingDocumentTests {
    @Test func recordsStayUnparsedUntilResolvedAndResolveAsThePreparedOnes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pending-\(UUID().uuidString).jsonl").path
        let feed = """
            {"text": "The ferry resumed its crossings on Friday.", "title": "Ferry resumes", "sitename": "Harbour Post"}
            {"text": "not closed
            \u{2003}{"text": "A line with a wide space before it, e\u{301}t\u{E9}.", "title": "Spaces"}\u{2003}

            {"title": "no text"}
            """
        _ = FileManager.default.createFile(atPath: path, contents: Data(feed.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loader = ArticleLoader()
        let pending = loader.pendingDocuments(path)
        #expect(pending.map(\.source) == ["\(path):1", "\(path):2", "\(path):3", "\(path):5"])
        for document in pending {
            guard case .jsonLine = document.content else { Issue.record("\(document.source) parsed while reading"); continue }
        }
        let prepared = loader.prepareDocuments(path)
        #expect(prepared.map(\.source) == pending.map(\.source))
        for (resolved, expected) in zip(pending.map { $0.resolve() }, prepared.map(\.result)) {
            switch (resolved, expected) {
            case (.success(let a), .success(let b)):
                #expect(a.text == b.text && a.titleHint == b.titleHint && a.metadata == b.metadata)
            case (.failure(let a), .failure(let b)):
                #expect(a.description == b.description)
            default:
                Issue.record("resolved \(resolved), prepared \(expected)")
            }
        }
        guard case .success(let third) = pending[2].resolve() else { Issue.record("line 3 failed"); return }
        #expect(third.text.hasSuffix("\u{E9}t\u{E9}."))   // NFC applied on the worker as on the reader
        guard case .failure(let noText) = pending[3].resolve() else { Issue.record("line 5 read as an article"); return }
        #expect(noText.description.contains("no \"text\" field"))
    }
}
