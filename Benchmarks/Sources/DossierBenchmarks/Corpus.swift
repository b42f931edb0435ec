import Foundation

/// Where the benchmark's sample articles come from: the package's `seeds/*.txt` and the texts of
/// the shared `eval/dev/*.json` gold articles.
struct CorpusInputs {
    var packageRoot: String
    var shared: String?

    static func locate(sharedOverride: String?) -> CorpusInputs {
        // This file is <root>/Benchmarks/Sources/DossierBenchmarks/Corpus.swift.
        var root = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let shared = sharedOverride ?? ProcessInfo.processInfo.environment["DOSSIER_SHARED"] ?? findShared(above: root)
        return CorpusInputs(packageRoot: root.path, shared: shared)
    }

    /// `shared/` beside the package or beside one of its parent folders (a worktree under `wt/`).
    private static func findShared(above root: URL) -> String? {
        var folder = root.deletingLastPathComponent()
        while true {
            let candidate = folder.appendingPathComponent("shared").path
            if FileManager.default.fileExists(atPath: candidate + "/eval/dev") { return candidate }
            if folder.path == "/" { return nil }
            folder.deleteLastPathComponent()
        }
    }

    /// The sample articles, as UTF-8 bytes.
    func articles() -> [[UInt8]] {
        var found: [[UInt8]] = []
        let files = FileManager.default
        let seeds = packageRoot + "/seeds"
        for name in ((try? files.contentsOfDirectory(atPath: seeds)) ?? []).sorted()
        where name.hasSuffix(".txt") && !name.uppercased().hasPrefix("README") {
            if let data = files.contents(atPath: seeds + "/" + name) { found.append(Array(data)) }
        }
        if let shared {
            let dev = shared + "/eval/dev"
            for name in ((try? files.contentsOfDirectory(atPath: dev)) ?? []).sorted() where name.hasSuffix(".json") {
                guard let data = files.contents(atPath: dev + "/" + name),
                      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                      let text = object["text"] as? String else { continue }
                found.append(Array(text.utf8))
            }
        }
        return found
    }
}

/// Builds a corpus of a given size by repeating the sample articles, at run time (nothing big is committed).
struct CorpusBuilder {
    let articles: [[UInt8]]

    /// About `bytes` bytes of articles separated by blank lines; with `singleParagraph` every line break
    /// becomes a space, so the whole corpus is one paragraph.
    func corpus(bytes target: Int, singleParagraph: Bool = false) -> [UInt8] {
        precondition(!articles.isEmpty, "no sample articles found: seeds/*.txt and shared/eval/dev are both missing")
        var corpus: [UInt8] = []
        corpus.reserveCapacity(target + 65_536)
        var index = 0
        while corpus.count < target {
            let article = articles[index % articles.count]
            let room = target - corpus.count
            if article.count + 2 <= room || corpus.isEmpty {
                corpus.append(contentsOf: article.prefix(room))
            } else {
                // The last piece: cut at a line break so no word is split.
                let piece = article.prefix(room)
                let cut = piece.lastIndex(of: 0x0A) ?? piece.endIndex
                corpus.append(contentsOf: piece[..<cut])
                break
            }
            corpus.append(contentsOf: [0x0A, 0x0A])
            index += 1
        }
        if singleParagraph {
            for position in corpus.indices where corpus[position] == 0x0A || corpus[position] == 0x0D {
                corpus[position] = 0x20
            }
        }
        return corpus
    }

    /// Words as `wc -w` counts them: runs of non-whitespace bytes.
    static func wordCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
