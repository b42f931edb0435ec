import DossierCore
import Foundation
import Testing
@testable import DossierLoading

/// The loaders on files: formats recognised by content, JSON Lines line by line, folders, errors.
/// A class, not a struct: each test gets a new instance with a folder of its own, and `deinit`
/// (Swift Testing's teardown) removes that folder when the test ends.
@Suite final class FileLoadingTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-loading-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, _ text: String) -> String {
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    let story = "Quay reopens at Tamsin Cove\n\nThe quay at Tamsin Cove reopened on Monday after repairs, officials said.\n"

    @Test func anInputOverTheByteLimitIsRefusedWithOneLineNotTruncated() throws {
        let path = write("long.txt", String(repeating: "word ", count: 40))  // 200 bytes
        #expect(try FileReader.read(path: path, byteLimit: 200).count == 200)
        #expect {
            _ = try FileReader.read(path: path, byteLimit: 199)
        } throws: { error in
            guard let input = error as? InputError else { return false }
            return input.description.hasSuffix("long.txt: cannot read: larger than 199 bytes, the most Dossier reads from one input")
                && input.exitCode == 74
        }
        #expect(FileReader.limitText(FileReader.byteLimit) == "1024 MB")
    }

    @Test func aJSONLinesFileGivesOneArticlePerLineAndReportsABrokenLineByNumber() {
        let path = write("feed.log", """
            {"text": "The quay reopened on Monday.", "title": "Quay reopens", "url": "http://example.invalid/a", "sitename": "Cove Wire"}

            {"text": "unterminated
            {"title": "no text here"}
            """)
        let loaded = ArticleLoader().prepareDocuments(path)
        #expect(loaded.map(\.source) == ["\(path):1", "\(path):3", "\(path):4"])
        guard case .success(let first) = loaded[0].result else { Issue.record("line 1 failed"); return }
        #expect(first.titleHint == "Quay reopens")
        #expect(first.text.hasPrefix("Quay reopens\n\nThe quay"))
        #expect(first.metadata["source"] == "Cove Wire")
        guard case .failure(let broken) = loaded[1].result, case .failure(let noText) = loaded[2].result else {
            Issue.record("broken lines read as articles"); return
        }
        #expect(broken.description.contains("not valid JSON"))
        #expect(noText.description.contains("no \"text\" field"))
        #expect(broken.exitCode == 65)
    }

    /// Foundation refuses JSON nested deeper than 512 levels: such a line is valid, so it is told
    /// apart from a broken one; brackets inside strings do not count.
    @Test func aLineNestedTooDeepForTheParserSaysSo() {
        let deep = "{\"text\": \"The quay reopened.\", \"extra\": " + String(repeating: "[", count: 600)
            + String(repeating: "]", count: 600) + "}"
        let shallow = "{\"text\": \"The quay reopened.\", \"note\": \"" + String(repeating: "[", count: 600) + "\"}"
        let path = write("deep.jsonl", deep + "\n" + shallow + "\n{\"text\": \"unterminated\n")
        let loaded = ArticleLoader().prepareDocuments(path)
        #expect(loaded.count == 3)
        guard case .failure(let tooDeep) = loaded[0].result else { Issue.record("a 600-deep line was read"); return }
        #expect(tooDeep.description.contains("nested deeper than 512 levels"))
        #expect(tooDeep.exitCode == 65)
        guard case .success = loaded[1].result else { Issue.record("brackets inside a string were counted"); return }
        guard case .failure(let broken) = loaded[2].result else { Issue.record("a broken line was read"); return }
        #expect(broken.description.contains("not valid JSON"))
        #expect(JSONLinesReader.nestingDepth(of: Data("[{\"a\": \"]]\\\"[[\"}, [[]]]".utf8)) == 3)
    }

    @Test func aSavedPageIsExtractedWhateverItsNameAndPlainTextStaysText() {
        let page = write("saved.txt", "\u{FEFF}<meta charset=utf-8><title>Quay</title><body><article><h1>Quay reopens</h1>"
                         + "<p>The quay at Tamsin Cove reopened on Monday after repairs lasting most of the year, officials said.</p>"
                         + "<p>Boats will call twice a day, the harbour office said, starting with the morning tide.</p></article></body>")
        let text = write("story.txt", story)
        guard case .success(let extracted) = ArticleLoader().prepareDocuments(page)[0].result else { Issue.record("page failed"); return }
        #expect(extracted.format == .html)
        #expect(!extracted.text.contains("<p>"))
        #expect(extracted.text.contains("Boats will call twice a day"))
        guard case .success(let plain) = ArticleLoader().prepareDocuments(text)[0].result else { Issue.record("text failed"); return }
        #expect(plain.format == .text)
        #expect(plain.removeBoilerplate)
        guard case .success(let whole) = ArticleLoader(removeBoilerplate: false).prepareDocuments(text)[0].result else { return }
        #expect(!whole.removeBoilerplate)
    }

    @Test func aFeedFileGivesItsItemsWithTitleDateAndSource() {
        let longText = String(repeating: "The ferry runs on time again after the repairs at the north quay. ", count: 20)
        let path = write("wire.xml", """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Cove Wire</title>
            <item><title>Ferry back on time</title><pubDate>Wed, 02 Dec 2026 08:00:00 GMT</pubDate>
            <content:encoded><![CDATA[<p>\(longText)</p>]]></content:encoded></item>
            <item><title>No text, no link</title></item>
            </channel></rss>
            """)
        let loaded = ArticleLoader().prepareDocuments(path)
        #expect(loaded.map(\.source) == ["\(path)#1", "\(path)#2"])
        guard case .success(let item) = loaded[0].result else { Issue.record("item 1 failed"); return }
        #expect(item.titleHint == "Ferry back on time")
        #expect(item.text.hasPrefix("Ferry back on time\n\nThe ferry runs on time"))
        #expect(item.metadata["date"] == "2026-12-02")
        #expect(item.metadata["source"] == "Cove Wire")
        guard case .failure(let empty) = loaded[1].result else { Issue.record("an empty item became an article"); return }
        #expect(empty.description.contains("no text and no link"))
    }

    @Test func foldersExpandToArticleFilesAndMissingOrEmptyOnesSaySo() throws {
        _ = write("b.txt", story)
        _ = write("a.md", "# Title\n\nBody.\n")
        _ = write("README.md", "about this folder")
        _ = write("notes.pdf", "not an article")
        let paths = try ArticleLoader().expand([folder.path])
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["a.md", "b.txt"])
        let empty = folder.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: InputError.self) { try ArticleLoader().expand([empty]) }
        let missing = ArticleLoader().load(folder.appendingPathComponent("gone.txt").path)
        guard case .failure(let error) = missing[0].result else { Issue.record("a missing file loaded"); return }
        #expect(error.exitCode == 66)
        #expect(error.description.hasSuffix("no such file or directory"))
    }

    @Test func binaryBytesAreRefusedWithAReason() {
        let path = folder.appendingPathComponent("blob.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]))
        guard case .failure(let error) = ArticleLoader().prepareDocuments(path)[0].result else { Issue.record("binary loaded"); return }
        #expect(error.description.contains("NUL"))
        #expect(error.exitCode == 65)
    }

    @Test func aLinksFileListsAddressesAndRejectsOtherLines() throws {
        let good = write("links.txt", "# today\nhttp://127.0.0.1:1/a\n\n  https://127.0.0.1:1/b  \n")
        #expect(try LinkList.addresses(inFile: good) == ["http://127.0.0.1:1/a", "https://127.0.0.1:1/b"])
        let bad = write("bad-links.txt", "http://127.0.0.1:1/a\nftp://127.0.0.1/file\n")
        #expect(throws: InputError.self) { try LinkList.addresses(inFile: bad) }
    }

    @Test func anOPMLListFromTheWebCannotNameLocalFiles() {
        let hostname = write("secret.txt", story)
        let opml = Array("<opml><body><outline xmlUrl=\"file://\(hostname)\"/></body></opml>".utf8)
        let fromWeb = FeedArticles.entries(ofFeed: opml, source: "http://127.0.0.1:1/list.opml", base: "http://127.0.0.1:1/list.opml",
                                           loader: ArticleLoader())
        #expect(fromWeb.count == 1)
        guard case .failure(let error) = fromWeb[0].result else { Issue.record("a web OPML read a local file"); return }
        #expect(error.description.contains("not a web address"))
        // A list on this machine may name the feeds beside it.
        let local = FeedArticles.entries(ofFeed: Array("<opml><body><outline xmlUrl=\"\(hostname)\"/></body></opml>".utf8),
                                         source: "list.opml", base: nil, loader: ArticleLoader())
        #expect((try? local[0].result.get())?.text.contains("Tamsin Cove") == true)
    }

    @Test func withoutAWebReaderAWebAddressIsAClearError() {
        let loaded = ArticleLoader().prepareDocuments("http://127.0.0.1:1/page.html")
        guard case .failure(let error) = loaded[0].result else { Issue.record("fetched without a reader"); return }
        #expect(error.description.hasPrefix("http://127.0.0.1:1/page.html: "))
    }
}
