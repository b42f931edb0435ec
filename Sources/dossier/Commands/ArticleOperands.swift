import DossierCore
import ArgumentParser
import DossierLoading
import DossierStore

/// The operands every article-reading command shares: files, folders, "-" or web addresses, and
/// how to read them (`-r`, `--links`, `--refresh`, `--offline`).
struct ArticleOperands: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Read subfolders of folders too.")
    var recursive = false

    @Option(name: .long, help: "Read the web addresses listed in this file, one per line (# starts a comment).")
    var links: String?

    @Flag(name: .long, help: "Ask again for web pages and feeds already in the cache (a conditional request: unchanged pages are not sent again).")
    var refresh = false

    @Flag(name: .long, help: "No network: web pages and feeds come from the cache only.")
    var offline = false

    @Argument(help: "Article files, folders, feeds or web addresses (http://, https://); - (or nothing, when piped) reads standard input.")
    var files: [String] = []

    func validate() throws {
        if refresh && offline { throw ValidationError("--refresh and --offline cannot go together") }
    }

    /// The loader for these options and the article paths, folders expanded; a one-line error otherwise.
    /// Fetched pages are cached in the notes database at `database` (else $DOSSIER_DB, else the default).
    func resolve(database: String? = nil) throws -> (loader: ArticleLoader, paths: [String]) {
        let mode: FetchMode = offline ? .offline : refresh ? .refresh : .cacheFirst
        let web = WebReader(mode: mode, databasePath: StoreLocation.path(option: database))
        var loader = ArticleLoader(recursive: recursive, web: web)
        var given = files
        if let links {
            do { given += try LinkList.addresses(inFile: links) } catch { throw CommandInput.fail(error) }
        }
        let operands = try CommandInput.operands(given)
        do {
            try ModelOverrides.apply(to: &loader.pipeline)
            return (loader, try loader.expand(operands))
        } catch { throw CommandInput.fail(error) }
    }
}
