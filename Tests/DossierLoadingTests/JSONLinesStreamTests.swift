import DossierCore
import Foundation
import Testing
@testable import DossierLoading
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

/// A JSON Lines file read a block at a time (`JSONLinesStream`) gives the records that reading it
/// whole gave, named by the same line numbers, and starts handing them out before the input ends.
@Suite final class JSONLinesStreamTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-stream-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func line(_ text: String) -> String { #"{"title": "Quay", "text": "\#(text)"}"# }

    /// Feeds whose line breaks, blank lines, ends and encodings each take another path through the
    /// cutter and the per-line decoding.
    static let feeds: [(name: String, bytes: [UInt8])] = [
        ("lf", Array((line("The quay reopened.") + "\n" + line("Boats call twice a day.") + "\n").utf8)),
        ("crlf and no final break", Array((line("One.") + "\r\n" + line("Two.") + "\r\n\r\n" + line("Three.")).utf8)),
        ("lone cr", Array((line("One.") + "\r" + line("Two.") + "\r\r" + line("Three.") + "\r").utf8)),
        ("blank and space-only lines", Array(("\n \t \n" + line("One.") + "\n\u{00A0}\n\u{3000} \n  " + line("Two.") + "\t\n\n").utf8)),
        ("no-break space before a record", Array(("\u{00A0}" + line("One.") + "\n" + line("Two.")).utf8)),
        ("byte-order mark", [0xEF, 0xBB, 0xBF] + Array((line("One.") + "\n" + line("Two.") + "\n").utf8)),
        ("text outside ASCII", Array((#"{"text": "Ysolde Brannic said “the quay is open” — twice."}"# + "\n"
                                     + #"{"text": "Привет, сказал он. Ελλάδα."}"# + "\n").utf8)),
        ("escape sequences and controls", Array((line("One.") + "\n\u{1B}[31m" + line("Red.") + "\u{1B}[0m\n\u{07}\n" + line("Three.") + "\n").utf8)),
        ("broken lines", Array((line("One.") + "\n{\"text\": \"unterminated\n{\"title\": \"no text\"}\nnot json at all\n" + line("Five.")).utf8)),
        ("invalid UTF-8 in one line", Array((line("One.") + "\n").utf8) + Array(#"{"text": "Caf"#.utf8) + [0xE9, 0xFF]
            + Array(#" open."}"#.utf8) + [0x0A] + Array(line("Three.").utf8)),
        ("Windows-1252 throughout", Array(#"{"text": "Jos"#.utf8) + [0xE9] + Array(#" spoke."}"#.utf8) + [0x0A]
            + Array(#"{"text": "Fran"#.utf8) + [0xE7, 0x6F, 0x69, 0x73] + Array(#" agreed."}"#.utf8) + [0x0A]),
    ]

    /// What each record resolves to, as text a test can compare.
    static func outcomes(_ documents: [PendingDocument]) -> [String] {
        documents.map { document in
            switch document.resolve() {
            case .success(let article): return "\(document.source) ok \(article.titleHint ?? "-") | \(article.text)"
            case .failure(let error): return "\(document.source) error \(error.description)"
            }
        }
    }

    func streamed(_ path: String, blockBytes: Int, lineByteLimit: Int = FileReader.byteLimit) throws -> [PendingDocument] {
        let input = try ByteSource(path: path)
        var head: [UInt8] = []
        // As the loader does: the head first (here at most a block), then the stream goes on from it.
        let headBytes = min(blockBytes, SourceFormatDetector.headByteCount)
        while head.count < headBytes, try input.read(appendingTo: &head, upTo: headBytes - head.count) > 0 {}
        var stream = JSONLinesStream(input: input, head: head, source: path, blockBytes: blockBytes, lineByteLimit: lineByteLimit)
        var documents: [PendingDocument] = []
        while let next = stream.next() { documents.append(next) }
        return documents
    }

    /// The shortcut for heads that cannot open a record (first visible byte printable ASCII, not
    /// "{") answers as decoding and judging the head does, on feeds and on what is no feed.
    @Test(arguments: ["<html><body><p>Page</p></body></html>", "Headline\n\n{\"text\": \"a\"}\n",
                      "  \n{\"text\": \"a\"}\n", "\u{FEFF}{\"text\": \"a\"}\n", "\u{A0}{\"text\": \"a\"}\n",
                      "# Title\n\nBody.\n", "x", "", "\t\r\n{\"a\": 1}\n{\"text\": \"b\"}\n", "[1, 2]\n",
                      "\u{1B}[0m{\"text\": \"a\"}\n", "\u{C}{\"text\": \"a\"}\n", "}{\"text\": \"a\"}\n"])
    func theHeadShortcutAgreesWithTheDecodedHead(_ head: String) {
        let bytes = Array(head.utf8)
        let judged = (try? TextDecoder.decode(bytes)).map { SourceFormatDetector.format(ofText: $0, pathHint: nil) == .jsonLines } ?? false
        #expect(JSONLinesStream.canStream(head: bytes, pathHint: nil) == judged, "\(head.debugDescription)")
    }

    @Test(arguments: 0..<feeds.count)
    func aStreamedFeedReadsAsTheWholeFileDid(_ index: Int) throws {
        let (name, bytes) = Self.feeds[index]
        let path = write("feed-\(index).jsonl", bytes)
        #expect(JSONLinesStream.canStream(head: bytes, pathHint: path), "\(name)")
        let whole = Self.outcomes(ArticleLoader().pendingDocuments(path))
        #expect(!whole.isEmpty)
        // Blocks of 1, 2 and 7 bytes cut every line, CR LF and multi-byte scalar somewhere.
        for blockBytes in [1, 2, 7, 1 << 20] {
            let streamed = Self.outcomes(try streamed(path, blockBytes: blockBytes))
            #expect(streamed == whole, "\(name), blocks of \(blockBytes)")
        }
    }

    @Test func theLoaderStreamsAJSONLinesFileAndListsAnythingElse() throws {
        let feed = write("feed.jsonl", Array((Self.line("One.") + "\n").utf8))
        let text = write("story.txt", Array("Quay reopens\n\nThe quay reopened on Monday, officials said.\n".utf8))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in (Self.line("One.") + "\n").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let wide = write("wide.jsonl", utf16)
        guard case .streamed = ArticleLoader().upcomingDocuments(feed) else { Issue.record("a feed was not streamed"); return }
        guard case .listed(let story) = ArticleLoader().upcomingDocuments(text) else { Issue.record("a story was streamed"); return }
        #expect(Self.outcomes(story) == Self.outcomes(ArticleLoader().pendingDocuments(text)))
        // UTF-16 is not cut at LF bytes: read whole, as before.
        guard case .listed(let wideRecords) = ArticleLoader().upcomingDocuments(wide) else { Issue.record("UTF-16 was streamed"); return }
        #expect(Self.outcomes(wideRecords) == ["\(wide):1 ok Quay | Quay\n\nOne."])
        guard case .listed(let missing) = ArticleLoader().upcomingDocuments(folder.appendingPathComponent("none.jsonl").path) else { return }
        #expect(Self.outcomes(missing).first?.hasSuffix("no such file or directory") == true)
    }

    @Test func aLineOverTheLimitIsOneErrorAndTheLinesAfterItKeepTheirNumbers() throws {
        let long = Self.line(String(repeating: "word ", count: 40))
        let path = write("long.jsonl", Array((Self.line("One.") + "\r\n" + long + "\r\n" + Self.line("Three.") + "\n").utf8))
        for blockBytes in [3, 64, 1 << 20] {
            let read = Self.outcomes(try streamed(path, blockBytes: blockBytes, lineByteLimit: 100))
            #expect(read.count == 3, "blocks of \(blockBytes)")
            guard read.count == 3 else { continue }
            #expect(read[0] == "\(path):1 ok Quay | Quay\n\nOne.")
            #expect(read[1] == "\(path):2 error \(path):2: cannot read: a line larger than 100 bytes, the most Dossier reads as one article")
            #expect(read[2] == "\(path):3 ok Quay | Quay\n\nThree.")
        }
    }

    @Test func aNULByteFailsItsLineOnly() throws {
        let path = write("nul.jsonl", Array((Self.line("One.") + "\n").utf8) + Array(#"{"text": "a"#.utf8) + [0]
                          + Array(#"b"}"#.utf8) + [0x0A] + Array(Self.line("Three.").utf8))
        let read = Self.outcomes(try streamed(path, blockBytes: 1 << 20))
        #expect(read.count == 3)
        guard read.count == 3 else { return }
        #expect(read[0].hasPrefix("\(path):1 ok"))
        #expect(read[1].hasPrefix("\(path):2 error"))
        #expect(read[2].hasPrefix("\(path):3 ok"))
    }

    /// The first record is handed out while the writer still holds the pipe open: reading whole
    /// would wait for the end of the input.
    @Test func recordsComeBeforeTheInputEnds() throws {
        let path = folder.appendingPathComponent("pipe.jsonl").path
        try #require(mkfifo(path, 0o600) == 0)
        let firstRead = DispatchSemaphore(value: 0)
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { return }
            func send(_ text: String) { _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } }
            send(Self.line("First.") + "\n")
            // Waits (at most 10 s, so a failing test ends) until the reader has the first record.
            _ = firstRead.wait(timeout: .now() + 10)
            send(Self.line("Second.") + "\n")
            close(fd)
        }
        writer.start()
        let input = try ByteSource(path: path, fifoTimeout: 5)
        var head: [UInt8] = []
        _ = try input.read(appendingTo: &head, upTo: 1)
        var stream = JSONLinesStream(input: input, head: head, source: path, blockBytes: 4096)
        let started = Date()
        let first = stream.next()
        // Had the stream waited for the end of the input, the writer would have given up after 10 s.
        #expect(Date().timeIntervalSince(started) < 5)
        let second: PendingDocument? = {
            firstRead.signal()
            return stream.next()
        }()
        #expect(Self.outcomes([first, second].compactMap { $0 }) == ["\(path):1 ok Quay | Quay\n\nFirst.", "\(path):2 ok Quay | Quay\n\nSecond."])
        #expect(stream.next() == nil)
    }

    /// A pipe's first record decides only when the format detector could not decide otherwise later.
    @Test func aFirstCompleteRecordWithTextDecidesAPipesFormat() {
        func opens(_ text: String) -> Bool { JSONLinesStream.opensWithTextRecord(Array(text.utf8), pathHint: nil) }
        #expect(opens(Self.line("One.") + "\n"))
        #expect(opens("\n  \n" + Self.line("One.") + "\nmore to come"))
        #expect(!opens(Self.line("One.")))                       // the line is not complete yet
        #expect(!opens(#"{"title": "Quay"}"# + "\n"))            // no "text": later lines could still say it is not a feed
        #expect(!opens("The quay reopened, \"text\" in hand.\n"))  // not an object
    }

    @Test func aFeedOfBlankLinesOnlyIsReportedEmpty() throws {
        let path = write("blank.jsonl", Array("\n\n  \n".utf8))
        let input = try ByteSource(path: path)
        var stream = JSONLinesStream(input: input, head: [], source: path)
        let report = try #require(stream.next() as PendingDocument?)
        #expect(Self.outcomes([report]) == ["\(path) error \(path): no articles in this JSON Lines file (it is empty)"])
        #expect(stream.next() == nil)
    }

    /// The reader takes a JSON Lines file's articles one at a time as it reads them (`prepareEach`),
    /// and gets what reading it whole gives (`prepare`), errors and line numbers included.
    @Test(arguments: 0..<feeds.count)
    func theReaderGetsTheSameArticlesOneAtATime(feed: Int) {
        let path = write("reader-\(feed).jsonl", Self.feeds[feed].bytes)
        let loader = ArticleLoader()
        func outcome(_ article: PreparedArticle) -> String {
            switch article.document {
            case .success(let document): return "\(article.source) ok \(document.titleHint ?? "-") | \(document.text)"
            case .failure(let failure): return "\(article.source) error \(failure.reason) \(failure.exitCode)"
            }
        }
        var oneByOne: [String] = []
        loader.prepareEach(path) { article in
            oneByOne.append(outcome(article))
            return true
        }
        #expect(loader.jsonLinesStream(ofFile: path) != nil, "\(Self.feeds[feed].name): read a block at a time")
        #expect(oneByOne == loader.prepare(path).map(outcome), "\(Self.feeds[feed].name)")
        // Told to stop, it reads no further.
        var taken = 0
        loader.prepareEach(path) { _ in
            taken += 1
            return false
        }
        #expect(taken == 1)
    }
}
