import DossierCore
import DossierStore
import Foundation
import LoopbackHTTPServer
import Testing
@testable import DossierLoading

/// Web addresses, feeds and the fetch cache against the loopback server (127.0.0.1, a port the OS picks).
@Suite(.serialized) struct WebLoadingTests {
    /// Shorter limits, so that the slow page (10 s) times out after 4 s; 4 s also leaves room for a loaded machine.
    static var policy: FetchPolicy {
        var policy = FetchPolicy()
        policy.idleTimeout = 4
        policy.totalTimeout = 30
        return policy
    }

    func loader(_ mode: FetchMode = .cacheFirst, store: NoteStore) -> ArticleLoader {
        ArticleLoader(web: WebReader(mode: mode, store: store, policy: Self.policy))
    }

    func documents(_ loader: ArticleLoader, _ address: String) async -> [(source: String, result: Result<SourceDocument, InputError>)] {
        await offThePool { loader.prepareDocuments(address) }
    }

    func failure(_ loader: ArticleLoader, _ address: String) async -> InputError? {
        let loaded = await documents(loader, address)
        guard loaded.count == 1, case .failure(let error) = loaded[0].result else { return nil }
        return error
    }

    @Test func aFeedsItemsAreReadFromTheirPagesAndTheCacheGivesThemOfflineAfter() async throws {
        let server = try await LoopbackServer.start()
        let store = NoteStore.inMemory()
        let feedAddress = server.url("/feed.xml")
        let online = await documents(loader(store: store), feedAddress)
        #expect(online.map(\.source) == (1...3).map { server.url("/story/\($0).html") })
        for (number, entry) in online.enumerated() {
            guard case .success(let document) = entry.result else { Issue.record("item \(number + 1): \(entry.result)"); continue }
            // The page's own text, not the feed's teaser, with what the feed said about the item.
            #expect(document.text.contains(LoopbackPages.pageOnlySentence(number + 1)))
            #expect(!document.text.contains("A short teaser"))
            #expect(document.metadata["source"] == LoopbackPages.feedTitle)
            #expect(document.metadata["date"] == "2026-12-0\(number + 1)")
            // Titled by the item, once, whatever the page calls itself.
            #expect(document.titleHint == LoopbackPages.storyTitles[number])
            #expect(document.text.hasPrefix(LoopbackPages.storyTitles[number] + "\n\n"))
            #expect(!document.text.contains("| \(LoopbackPages.feedTitle)"))
            #expect(document.text.components(separatedBy: LoopbackPages.storyTitles[number]).count == 3,
                    "the title and the dateline's repetition of it, no more: \(document.text)")
        }
        #expect(server.site.lastUserAgent?.hasPrefix("Dossier/") == true)
        let requestsBefore = server.site.requests(to: "/story/1.html")
        await server.stop()

        // The server is gone: the cache alone gives the same articles.
        let offline = await documents(loader(.offline, store: store), feedAddress)
        #expect(offline.map(\.source) == online.map(\.source))
        for (a, b) in zip(online, offline) {
            #expect((try? a.result.get().text) == (try? b.result.get().text))
        }
        #expect(requestsBefore == 1)
    }

    @Test func atomWithRelativeLinksAndAnOPMLListOfBothFeeds() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let store = NoteStore.inMemory()
        let atom = await documents(loader(store: store), server.url("/atom.xml"))
        #expect(atom.map(\.source) == [server.url("/story/1.html"), "\(server.url("/atom.xml"))#2"])
        // The long entry carries its text: read from the feed, its page (it has none) never asked for.
        guard case .success(let long) = atom[1].result else { Issue.record("long entry failed"); return }
        #expect(long.text.hasPrefix("Quay rebuilt & reopened"))
        #expect(long.text.contains("Paragraph 40 of the long entry"))
        let listed = await documents(loader(store: store), server.url("/feeds.opml"))
        #expect(listed.count == LoopbackSite.storyCount + 2)
        #expect(listed.allSatisfy { (try? $0.result.get()) != nil })
    }

    @Test func everyFailureOfTheServerIsOneClearLine() async throws {
        let server = try await LoopbackServer.start(slowSeconds: 10)
        defer { Task { await server.stop() } }
        let web = loader(store: NoteStore.inMemory())
        let cases: [(path: String, expected: String, code: Int32)] = [
            ("/missing.html", "HTTP 404 Not Found", 69),
            ("/redirect/6", "more than 5 redirects", 69),
            ("/slow.html", "timed out", 69),
            ("/huge.html", "larger than 20 MB", 69),
            ("/not-a-page.bin", "NUL", 65),
        ]
        for (path, expected, code) in cases {
            let error = await failure(web, server.url(path))
            #expect(error?.description == "\(server.url(path)): \(error.map { String($0.description.dropFirst(server.url(path).count + 2)) } ?? "")")
            #expect(error?.description.contains(expected) == true, "\(path): \(String(describing: error))")
            #expect(error?.description.contains("\n") == false)
            #expect(error?.exitCode == code, "\(path)")
        }
        // Five redirects are allowed, and the article is the one at the end of them.
        let redirected = await documents(web, server.url("/redirect/4"))
        #expect((try? redirected[0].result.get())?.text.contains(LoopbackPages.pageOnlySentence(1)) == true)
        // A gzip-encoded page arrives decoded.
        let zipped = await documents(web, server.url("/gzip.html"))
        #expect((try? zipped[0].result.get())?.text.contains(LoopbackPages.pageOnlySentence(2)) == true)
        // Nothing listens on port 1 of the loopback address.
        let refused = await failure(web, "http://127.0.0.1:1/page.html")
        #expect(refused?.description.contains("cannot connect") == true)
    }

    @Test func aFeedItemWhosePageFailsIsMarkedWithTheReasonAndTheOthersStand() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let loaded = await documents(loader(store: NoteStore.inMemory()), server.url("/broken-feed.xml"))
        #expect(loaded.count == 3)
        guard case .failure(let error) = loaded[1].result else { Issue.record("a 404 page read as an article"); return }
        #expect(error.description.contains("HTTP 404"))
        #expect((try? loaded[0].result.get()) != nil && (try? loaded[2].result.get()) != nil)
    }

    @Test func refreshAsksConditionallyAndNotesFollowTheText() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let store = NoteStore.inMemory()
        let address = server.url("/changing.html")
        let pipeline = AnnotationPipeline()
        func annotated(_ mode: FetchMode) async throws -> AnnotatedArticle {
            let loaded = await documents(loader(mode, store: store), address)
            return pipeline.annotate(try loaded[0].result.get(), source: loaded[0].source)
        }
        let first = try await annotated(.cacheFirst)
        let article = try store.article(for: first, path: address)
        let phrase = "The last boat of the day"
        let offset = first.text.string.unicodeScalars.distance(from: first.text.string.unicodeScalars.startIndex,
                                                               to: first.text.string.range(of: phrase)!.lowerBound)
        _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: Span(offset, offset + phrase.unicodeScalars.count), in: first.text),
                              body: "check the winter timetable")

        // Cache first: no request at all. Refresh, unchanged: a 304, the same text, the same article and note.
        _ = try await annotated(.cacheFirst)
        #expect(server.site.requests(to: "/changing.html") == 1)
        let unchanged = try await annotated(.refresh)
        #expect(server.site.notModifiedAnswers == 1)
        #expect(unchanged.text.string == first.text.string)
        #expect(try store.article(for: unchanged, path: address).id == article.id)
        #expect(try store.notes(for: article.id).count == 1)

        // Changed: a new text, and the note moves to it, anchored on the same words.
        server.site.revise()
        let changed = try await annotated(.refresh)
        #expect(changed.text.string != first.text.string)
        let newArticle = try store.article(for: changed, path: address)
        #expect(newArticle.id != article.id)
        let moved = try store.notes(for: newArticle.id)
        #expect(moved.count == 1)
        #expect(moved.first.map { changed.text.slice($0.anchor.span) } == phrase)
        #expect(moved.first?.isOrphaned == false)
    }

    @Test func theSizeLimitHoldsForABodyThatGrowsWhenDecoded() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        var policy = Self.policy
        policy.maxBytes = 1 << 20
        // The server compresses 4 MB for this answer: on a loaded machine (a debug build, both cores
        // busy) that outlasted the 4 s idle limit once, and the test saw "timed out" instead of the
        // size error it is about.
        policy.idleTimeout = 30
        let web = ArticleLoader(web: WebReader(mode: .cacheFirst, store: NoteStore.inMemory(), policy: policy))
        let error = await failure(web, server.url("/gzip-bomb.html"))
        #expect(error?.description.hasSuffix("larger than 1 MB; not read") == true, "\(String(describing: error))")
    }

    @Test func offlineWithoutACopySaysSoAndFetchesNothing() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let error = await failure(loader(.offline, store: NoteStore.inMemory()), server.url("/story/1.html"))
        #expect(error?.description.contains("not in the cache") == true)
        #expect(server.site.requests(to: "/story/1.html") == 0)
    }
}
