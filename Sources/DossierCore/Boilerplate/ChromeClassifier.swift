/// Recognises the kinds of page chrome that announce themselves by their wording: breadcrumbs,
/// share and subscribe lines, comment forms, related-link headers, cookie and adblock notices,
/// advertisement markers and copyright lines. General web wording only, no site names.
struct ChromeClassifier: Sendable {
    /// Why a block is chrome, and whether it closes the article (nothing after it is body).
    struct Verdict: Equatable, Sendable {
        var reason: String
        /// Comment forms and "You may also like" headers end the article body.
        var endsArticle: Bool
    }

    func classify(_ line: LineProfile) -> Verdict? {
        // Heads with combining marks or format characters are compared as Characters (canonical equivalence),
        // as Strings compare; for every other head the byte comparisons below give the same answers without
        // building a String per line.
        if line.headNeedsCharacterComparison { return classifyAsCharacters(line) }
        let bytes = line.headBytes
        let all = 0..<bytes.count
        if isBreadcrumb(bytes) { return Verdict(reason: "breadcrumb", endsArticle: false) }
        // A paragraph that quotes someone is article text, whatever words it uses.
        if line.hasAttributedQuote { return nil }
        let words = line.words
        // One pass for every cue phrase below: most lines hold none, and then each separate search is skipped.
        let hasCue = words <= 40 && Self.anyCue.occurs(in: bytes)
        if words <= 40 {
            if hasCue && Self.adblock.occurs(in: bytes) { return Verdict(reason: "adblock notice", endsArticle: false) }
            if hasCue && bytes.containsBytes(Self.cookieWord), Self.cookie.occurs(in: bytes) {
                return Verdict(reason: "cookie notice", endsArticle: false)
            }
            let mentionsComments = hasCue && Self.commentWord.occurs(in: bytes)
            if (hasCue && Self.commentForm.occurs(in: bytes)) || (mentionsComments && isCommentCount(line.head)) || isCommentHeader(bytes) {
                return Verdict(reason: "comment form", endsArticle: true)
            }
            if hasCue && Self.callToComment.occurs(in: bytes) {
                return Verdict(reason: "call to comment", endsArticle: false)
            }
        }
        if words <= 8 {
            let bare = trimmedPunctuation(bytes)
            if Self.relatedHeaderPhrases.isPhrase(bytes, in: bare) || Self.relatedHeaderPrefixPhrases.starts(bytes, in: bare)
                || Self.otherLanguageRelatedHeaderPhrases.starts(bytes, in: bare) {
                return Verdict(reason: "related links", endsArticle: true)
            }
            if Self.advertisementLinePhrases.isPhrase(bytes, in: bare) { return Verdict(reason: "advertisement", endsArticle: false) }
            if Self.navigationLinePhrases.isPhrase(bytes, in: bare) { return Verdict(reason: "menu", endsArticle: false) }
            if (bytes.hasBytePrefix(Self.imageWord, in: bare) || bytes[bare].contains(0x2F))
                && isGalleryCounter(String(decoding: bytes[bare], as: UTF8.self)) {
                return Verdict(reason: "gallery", endsArticle: false)
            }
        }
        if words <= 25 {
            if Self.readMorePrefixPhrases.starts(bytes, in: all) { return Verdict(reason: "related links", endsArticle: false) }
            if hasCue && Self.socialWord.occurs(in: bytes) && isShareLine(line.head) { return Verdict(reason: "share line", endsArticle: false) }
            if hasCue && Self.subscribe.occurs(in: bytes) { return Verdict(reason: "subscribe prompt", endsArticle: false) }
            if Self.copyrightPrefixes.starts(bytes, in: all) || (hasCue && bytes.containsBytes(Self.allRightsReserved)) {
                return Verdict(reason: "copyright line", endsArticle: false)
            }
        }
        return nil
    }

    /// `isBreadcrumb(_: String)` on the head's bytes.
    func isBreadcrumb(_ bytes: [UInt8]) -> Bool {
        let all = 0..<bytes.count
        if bytes.hasBytePrefix(Self.youAreHere, in: all) || bytes.hasBytePrefix(Self.youAreAt, in: all) { return true }
        // Two separators make a breadcrumb; one, or a path separator, only after "Home": the path test waits for that.
        let separators = Self.crumbSeparators(bytes, upTo: 2)
        if separators >= 2 { return true }
        guard Self.homePrefixes.starts(bytes, in: all) else { return false }
        return separators == 1 || Self.pathSeparators.occurs(in: bytes)
    }

    /// How many breadcrumb separators (» › ≫ →) the bytes hold, counting no further than `limit`.
    static func crumbSeparators(_ bytes: [UInt8], upTo limit: Int) -> Int {
        // » is C2 BB; › E2 80 BA; ≫ E2 89 AB; → E2 86 92 (lead bytes never occur inside another scalar).
        bytes.withUnsafeBufferPointer { bytes in
            var separators = 0
            var i = 0
            let n = bytes.count
            while i < n {
                // Eight ASCII bytes hold no separator.
                if i + 8 <= n && EightBytes.load(bytes, at: i) & EightBytes.highBits == 0 {
                    i += 8
                    continue
                }
                let b = bytes[i]
                i += 1
                if b < 0xC2 { continue }
                if b == 0xC2 && i < n && bytes[i] == 0xBB {
                    separators += 1
                } else if b == 0xE2 && i + 1 < n {
                    let b1 = bytes[i], b2 = bytes[i + 1]
                    if (b1 == 0x80 && b2 == 0xBA) || (b1 == 0x89 && b2 == 0xAB) || (b1 == 0x86 && b2 == 0x92) { separators += 1 }
                }
                if separators >= limit { break }
            }
            return separators
        }
    }

    /// `isCommentHeader(_: String)` on the head's bytes.
    func isCommentHeader(_ bytes: [UInt8]) -> Bool {
        if bytes.hasByteSuffix(Self.saysColon) || bytes.hasByteSuffix(Self.saidColon) || bytes.hasByteSuffix(Self.says) {
            return String(decoding: bytes, as: UTF8.self).split(separator: " ").count <= 6
        }
        guard let first = bytes.first else { return false }
        if first < 0x80 {
            guard first >= 0x30 && first <= 0x39 else { return false }
        } else {
            guard let scalar = String(decoding: bytes.prefix(4), as: UTF8.self).unicodeScalars.first,
                  scalar.properties.numericType != nil else { return false }
        }
        return Self.commentThreadHeads.occurs(in: bytes)
    }

    /// `trimmedPunctuation(_: String)` on bytes: the range left without leading and trailing scalars that are
    /// neither letters nor numbers.
    func trimmedPunctuation(_ bytes: [UInt8]) -> Range<Int> {
        var end = bytes.count
        while end > 0 {
            var start = end - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            if Self.isLetterOrNumber(bytes, start, end) { break }
            end = start
        }
        var start = 0
        while start < end {
            var next = start + 1
            while next < end && bytes[next] & 0xC0 == 0x80 { next += 1 }
            if Self.isLetterOrNumber(bytes, start, next) { break }
            start = next
        }
        return start..<end
    }

    /// Whether the one scalar in `bytes[start..<end]` is alphabetic or numeric.
    static func isLetterOrNumber(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        let b = bytes[start]
        if b < 0x80 { return (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        guard let scalar = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The classification on Strings, for heads where Characters and bytes may compare differently.
    func classifyAsCharacters(_ line: LineProfile) -> Verdict? {
        let text = line.head
        let bytes = line.headBytes
        if isBreadcrumb(text) { return Verdict(reason: "breadcrumb", endsArticle: false) }
        // A paragraph that quotes someone is article text, whatever words it uses.
        if line.hasAttributedQuote { return nil }
        let words = line.words
        if words <= 40 {
            if Self.adblock.occurs(in: bytes) { return Verdict(reason: "adblock notice", endsArticle: false) }
            if bytes.containsBytes(Self.cookieWord), Self.cookie.occurs(in: bytes) {
                return Verdict(reason: "cookie notice", endsArticle: false)
            }
            let mentionsComments = Self.commentWord.occurs(in: bytes)
            if Self.commentForm.occurs(in: bytes) || (mentionsComments && isCommentCount(text)) || isCommentHeader(text) {
                return Verdict(reason: "comment form", endsArticle: true)
            }
            if Self.callToComment.occurs(in: bytes) {
                return Verdict(reason: "call to comment", endsArticle: false)
            }
        }
        if words <= 8 {
            let bare = trimmedPunctuation(text)
            if Self.relatedHeaders.contains(bare) || Self.relatedHeaderPrefixes.contains(where: { bare.hasPrefix($0) })
                || Self.otherLanguageRelatedHeaders.contains(where: { bare.hasPrefix($0) }) {
                return Verdict(reason: "related links", endsArticle: true)
            }
            if Self.advertisementLines.contains(bare) { return Verdict(reason: "advertisement", endsArticle: false) }
            if Self.navigationLines.contains(bare) { return Verdict(reason: "menu", endsArticle: false) }
            if (bare.hasPrefix("image ") || bare.utf8.contains(0x2F)) && isGalleryCounter(bare) { return Verdict(reason: "gallery", endsArticle: false) }
        }
        if words <= 25 {
            if Self.readMorePrefixes.contains(where: { text.hasPrefix($0) }) { return Verdict(reason: "related links", endsArticle: false) }
            if Self.socialWord.occurs(in: bytes) && isShareLine(text) { return Verdict(reason: "share line", endsArticle: false) }
            if Self.subscribe.occurs(in: bytes) { return Verdict(reason: "subscribe prompt", endsArticle: false) }
            if text.hasPrefix("©") || text.hasPrefix("copyright") || text.hasPrefix("(c) ") || bytes.containsBytes(Array("all rights reserved".utf8)) {
                return Verdict(reason: "copyright line", endsArticle: false)
            }
        }
        return nil
    }

    /// "Home » world » Headline", "News > Politics > …", "You are here: …".
    func isBreadcrumb(_ text: String) -> Bool {
        if text.hasPrefix("you are here") || text.hasPrefix("you are at") { return true }
        var separators = 0
        for c in text.unicodeScalars where c == "»" || c == "›" || c == "≫" || c == "→" { separators += 1 }
        if separators >= 2 { return true }
        if separators == 1 || Self.pathSeparators.occurs(in: Array(text.utf8)) {
            return text.hasPrefix("home ") || text.hasPrefix("home»") || text.hasPrefix("start ")
        }
        return false
    }

    /// "12 Comments", "Comments (3)", "0 Post Comment (+)".
    func isCommentCount(_ text: String) -> Bool {
        let bare = trimmedPunctuation(text)
        if bare == "comments" || bare == "comment" { return true }
        let words = bare.split(separator: " ")
        guard words.count <= 4, words.contains(where: { $0.hasPrefix("comment") }) else { return false }
        return words.contains { word in word.unicodeScalars.allSatisfy { $0.properties.numericType != nil || "()+".unicodeScalars.contains($0) } }
    }

    /// The head of a comment thread: "34 responses to “…”", "5 thoughts on “…”", "username says:".
    func isCommentHeader(_ text: String) -> Bool {
        if text.hasSuffix(" says:") || text.hasSuffix(" said:") || text.hasSuffix(" says") {
            return text.split(separator: " ").count <= 6
        }
        guard let first = text.unicodeScalars.first, first.properties.numericType != nil else { return false }
        return Self.commentThreadHeads.occurs(in: Array(text.utf8))
    }

    /// "Image 1 of 23", "1 / 23".
    func isGalleryCounter(_ text: String) -> Bool {
        if text.hasPrefix("image "), Array(text.utf8).containsBytes(Array(" of ".utf8)) { return text.unicodeScalars.contains { $0.properties.numericType != nil } }
        let parts = text.split(separator: "/").map { $0.trimmingSpaces() }
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }
    }

    /// A line made only of sharing and following words: "Share on Facebook Twitter Email".
    func isShareLine(_ text: String) -> Bool {
        if Self.sharePrefixes.contains(where: { text.hasPrefix($0) }) { return true }
        var any = false
        var social = false
        for word in text.split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
            any = true
            if !Self.shareWords.contains(String(word)) { return false }
            if Self.socialNetworks.contains(String(word)) || word == "share" || word == "follow" { social = true }
        }
        return any && social
    }

    func trimmedPunctuation(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, !last.properties.isAlphabetic, last.properties.numericType == nil { scalars.removeLast() }
        while let first = scalars.first, !first.properties.isAlphabetic, first.properties.numericType == nil { scalars.removeFirst() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Every phrase that `occurs` is asked about for lines of up to 40 words, in one set.
    static let anyCue = PhraseSet(adblockCues + ["cookie", "comment"] + commentFormCues + callToCommentCues + socialWords
                                  + subscribeCues + ["all rights reserved"])
    // Cheap byte-level pre-checks, so that the word-by-word tests run only on lines that could pass them.
    static let commentWord = PhraseSet(["comment"])
    static let socialWord = PhraseSet(socialWords)
    static let socialWords = ["share", "follow", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit",
                              "tumblr", "telegram", "instagram", "youtube", "flipboard", "tiktok", "snapchat", "bluesky",
                              "email", "rss", "click to"]
    static let pathSeparators = PhraseSet([" > ", " / "])
    static let cookieWord = Array("cookie".utf8)
    static let imageWord = Array("image ".utf8)
    static let allRightsReserved = Array("all rights reserved".utf8)
    static let youAreHere = Array("you are here".utf8)
    static let youAreAt = Array("you are at".utf8)
    static let saysColon = Array(" says:".utf8)
    static let saidColon = Array(" said:".utf8)
    static let says = Array(" says".utf8)
    static let homePrefixes = PhraseSet(["home ", "home»", "start "])
    static let copyrightPrefixes = PhraseSet(["©", "copyright", "(c) "])
    static let relatedHeaderPhrases = PhraseSet(Array(relatedHeaders))
    static let relatedHeaderPrefixPhrases = PhraseSet(relatedHeaderPrefixes)
    static let otherLanguageRelatedHeaderPhrases = PhraseSet(otherLanguageRelatedHeaders)
    static let advertisementLinePhrases = PhraseSet(Array(advertisementLines))
    static let navigationLinePhrases = PhraseSet(Array(navigationLines))
    static let readMorePrefixPhrases = PhraseSet(readMorePrefixes)
    static let adblock = PhraseSet(adblockCues)
    static let cookie = PhraseSet(cookieContext)
    static let commentForm = PhraseSet(commentFormCues)
    static let callToComment = PhraseSet(callToCommentCues)
    static let subscribe = PhraseSet(subscribeCues)
    static let commentThreadHeads = PhraseSet([" responses to", " thoughts on", " replies to", " comments on", " response to", " reply to"])
    static let adblockCues = ["adblock", "ad blocker", "ad-blocker", "ad block", "disable your ad", "disabling your ad", "whitelist our", "whitelisting our"]
    static let cookieContext = ["accept", "consent", "policy", "this site", "this website", "our site", "our website", "browsing", "you agree", "we use", "uses cookie"]
    static let commentFormCues = [
        "leave a comment", "leave a reply", "post a comment", "add a comment", "post comment", "write a comment",
        "your email address will not be published", "required fields are marked", "save my name",
        "notify me of", "akismet", "comment data is processed", "cancel reply", "logged in to post a comment",
        "be the first to comment", "join the discussion", "join the conversation", "view comments", "show comments",
        "load comments", "comments are closed", "comment policy",
    ] + otherLanguageCommentCues
    /// The same chrome in the other major European languages (the web is not only English).
    static let otherLanguageRelatedHeaders = [
        "você pode gostar", "voce pode gostar", "artigos relacionados", "posts relacionados", "leia também", "veja também",
        "te puede interesar", "también te puede", "artículos relacionados", "noticias relacionadas", "lee también",
        "vous aimerez aussi", "vous aimerez peut-être", "articles similaires", "à lire aussi", "lire aussi", "sur le même sujet",
        "das könnte sie auch interessieren", "ähnliche artikel", "mehr zum thema", "weitere artikel", "lesen sie auch",
        "potrebbe interessarti", "ti potrebbe interessare", "articoli correlati", "leggi anche", "potrebbero interessarti",
        "похожие статьи", "читайте также", "вам также может быть интересно", "вам может быть интересно", "похожие записи",
        "свежие записи", "artikel terkait", "baca juga", "berita terkait", "gerelateerde artikelen", "lees ook",
        "powiązane artykuły", "czytaj także", "benzer haberler", "ilgili haberler",
    ]
    static let otherLanguageCommentCues = [
        "deixe uma resposta", "deixe um comentário", "deixe seu comentário", "deja un comentario", "deja una respuesta",
        "dejar un comentario", "laisser un commentaire", "laissez un commentaire", "laisser une réponse", "lascia un commento",
        "lascia una risposta", "kommentar schreiben", "kommentar hinterlassen", "antwort hinterlassen", "schreibe einen kommentar",
        "оставить комментарий", "добавить комментарий", "оставьте комментарий", "tinggalkan balasan", "tinggalkan komentar",
        "laat een reactie achter", "zostaw komentarz", "yorum yap", "bir yanıt yazın",
    ]
    static let callToCommentCues = ["share your thoughts", "in the comments below", "comments below", "comment below",
                                    "let us know what you think", "let us know in the comments", "tell us what you think",
                                    "tell us in the comments", "sound off in the comments"]
    static let relatedHeaders: Set<String> = [
        "you may also like", "you might also like", "you may like", "related", "related articles", "related stories",
        "related posts", "related news", "related content", "related coverage", "more stories", "more news",
        "recommended", "recommended for you", "recommended stories", "most popular", "most read", "most viewed",
        "most shared", "trending", "trending now", "trending stories", "popular posts", "popular stories",
        "latest news", "latest stories", "latest posts", "top stories", "what to read next", "read next",
        "don't miss", "editor's picks", "editors' picks", "further reading", "more on this story", "in case you missed it",
        "around the web", "from the web", "sponsored stories", "promoted stories", "our latest stories",
        "recent posts", "popular", "more to explore", "up next", "next article", "previous article", "story timeline",
    ]
    static let relatedHeaderPrefixes = ["more from ", "more in ", "more stories from ", "also on ", "related tags", "tags:", "topics:", "filed under"]
    static let readMorePrefixes = ["read more:", "read more »", "also read:", "also read -", "read also:", "see also:", "related:", "recommended:", "watch:", "must read:"]
    static let advertisementLines: Set<String> = [
        "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content", "paid content",
        "continue reading the main story", "continue reading", "story continues below", "story continues below advertisement",
        "article continues below", "article continues below advertisement", "scroll to continue with content",
        "skip advertisement", "supported by", "promoted", "partner content",
    ]
    static let navigationLines: Set<String> = [
        "skip to content", "skip to main content", "skip to navigation", "log in", "login", "sign in", "sign up",
        "register", "log out", "logout", "my account", "search", "menu", "close", "back to top", "return to top",
        "subscribe", "newsletters", "newsletter", "home", "toggle navigation", "main menu", "open menu", "print",
        "next", "previous", "share", "tweet", "email", "caption", "enlarge this image", "hide caption", "show caption",
        "back to gallery", "photo gallery", "view gallery", "terms of use", "terms of service", "privacy policy",
        "contact us", "about us", "site map", "sitemap", "cookie policy", "accessibility", "help", "faq",
    ]
    static let sharePrefixes = ["share this", "share on ", "share via", "share:", "follow us", "follow @", "click to share",
                                "click to email", "click to print", "share the article", "share article", "share story"]
    static let shareWords: Set<String> = [
        "share", "shares", "this", "on", "via", "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e-mail", "mail",
        "pinterest", "reddit", "tumblr", "print", "copy", "link", "tweet", "telegram", "messenger", "follow", "us",
        "subscribe", "instagram", "youtube", "rss", "sms", "flipboard", "save", "the", "story", "article", "comments",
        "google", "pocket", "feed", "and", "or", "page", "post", "url", "tiktok", "snapchat", "threads", "bluesky",
    ]
    static let socialNetworks: Set<String> = [
        "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "tumblr", "telegram", "instagram",
        "youtube", "flipboard", "tiktok", "snapchat", "bluesky", "email", "rss",
    ]
    static let subscribeCues = ["newsletter", "sign up for", "sign up to", "subscribe to", "subscribe now", "subscribe for",
                                "delivered to your inbox", "in your inbox", "thanks for signing up", "opt-in",
                                "get the latest", "download our app", "download the app", "follow us on"]
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
