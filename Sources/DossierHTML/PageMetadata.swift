/// What a page says about itself: headline, canonical URL, publication date and site name.
struct PageMetadata: Sendable, Equatable {
    var title: String?
    var url: String?
    var date: String?
    var siteName: String?

    /// The `metadata` dictionary of a `SourceDocument` (the keys JSON Lines feeds use too).
    var dictionary: [String: String] {
        var result: [String: String] = [:]
        if let url { result["url"] = url }
        if let date { result["date"] = date }
        if let siteName { result["source"] = siteName }
        return result
    }

    /// Reads `<meta>`, `<link rel=canonical>`, `<time>`, `<title>` and the `<h1>` headlines.
    init(of tree: PageTree) {
        var meta: [String: String] = [:]
        var titleTag: String?
        var canonical: String?
        var firstTime: String?
        var headlines: [String] = []
        for index in 0..<tree.count where !tree.isText(index) {
            switch tree.tag(index) {
            case "meta":
                guard let content = tree.attribute("content", of: index)?.trimmedPageText, !content.isEmpty else { continue }
                for key in ["property", "name", "itemprop"] {
                    if let name = tree.attribute(key, of: index)?.lowercased(), meta[name] == nil { meta[name] = content }
                }
            case "link":
                if canonical == nil, tree.attribute("rel", of: index)?.lowercased().split(separator: " ").contains("canonical") == true {
                    canonical = tree.attribute("href", of: index)
                }
            case "title":
                if titleTag == nil { titleTag = tree.collapsedText(of: index) }
            case "time":
                if firstTime == nil, let stamp = tree.attribute("datetime", of: index), !stamp.isEmpty { firstTime = stamp }
            case "h1":
                let text = tree.collapsedText(of: index)
                if !text.isEmpty { headlines.append(text) }
            default:
                break
            }
        }
        siteName = meta["og:site_name"] ?? meta["application-name"]
        url = meta["og:url"] ?? canonical
        date = ["article:published_time", "datepublished", "og:published_time", "publishdate", "pubdate",
                "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date"]
            .lazy.compactMap { meta[$0] }.first ?? firstTime
        title = PageMetadata.headline(ogTitle: meta["og:title"] ?? meta["twitter:title"] ?? meta["headline"],
                                      headlines: headlines, titleTag: titleTag, siteName: siteName)
    }

    /// The visible `<h1>` when it agrees with what the page calls its title (the `<title>` and
    /// `og:title` often carry the site name or a different SEO wording), else the cleaned
    /// `og:title`, else the cleaned `<title>`, else the first `<h1>`.
    static func headline(ogTitle: String?, headlines: [String], titleTag: String?, siteName: String?) -> String? {
        // Compared without the site name: an <h1> that is the site's logo is not the headline.
        let declared = [ogTitle, titleTag].compactMap { $0 }.compactMap { withoutSiteName($0, siteName: siteName) }.map { $0.lowercased() }
        for headline in headlines where headline.count >= 8 {
            let lower = headline.lowercased()
            if declared.contains(where: { $0.contains(lower) || lower.contains($0) }) { return headline }
        }
        if let ogTitle, let cleaned = withoutSiteName(ogTitle, siteName: siteName) { return cleaned }
        if let titleTag, let cleaned = withoutSiteName(titleTag, siteName: siteName) { return cleaned }
        return headlines.first
    }

    /// "Storm hits coast - The Daily Planet" → "Storm hits coast": drops the segments that name the
    /// site, then short trailing segments (section names, an unnamed site) after a headline-length
    /// first segment, and a one- or two-word leading segment before a long one.
    static func withoutSiteName(_ raw: String, siteName: String?) -> String? {
        let title = raw.trimmedPageText
        guard !title.isEmpty else { return nil }
        let separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " ~ "]
        guard let separator = separators.first(where: { title.contains($0) }) else { return title }
        var segments = title.components(separatedBy: separator).map(\.trimmedPageText).filter { !$0.isEmpty }
        if let site = siteName?.lowercased().trimmedPageText, !site.isEmpty {
            // A segment that is the site's name or part of it ("Guardian" for "The Guardian"), never
            // a headline that merely mentions it ("The Guardian view on …").
            let kept = segments.filter { segment in
                let lower = segment.lowercased()
                return !(lower == site || site.contains(lower))
            }
            if !kept.isEmpty { segments = kept }
        }
        func words(_ segment: String) -> Int { segment.split(separator: " ").count }
        while segments.count > 1, words(segments[segments.count - 1]) <= 3, words(segments[0]) >= 3 {
            segments.removeLast()
        }
        if segments.count == 2, words(segments[0]) <= 2, words(segments[1]) >= 4 { segments.removeFirst() }
        return segments.joined(separator: separator)
    }
}

extension String {
    /// Collapsed whitespace, trimmed: how a person reads an attribute or a title.
    var trimmedPageText: String {
        var writer = CollapsingText()
        writer.append(self)
        return writer.finish()
    }

    /// Foundation-free `components(separatedBy:)` for a literal, non-empty separator.
    func components(separatedBy separator: String) -> [String] {
        let text = Array(unicodeScalars), mark = Array(separator.unicodeScalars)
        var parts: [String] = [], current = String.UnicodeScalarView(), i = 0
        while i < text.count {
            if i + mark.count <= text.count, Array(text[i..<(i + mark.count)]) == mark {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                i += mark.count
            } else {
                current.append(text[i])
                i += 1
            }
        }
        parts.append(String(current))
        return parts
    }
}
