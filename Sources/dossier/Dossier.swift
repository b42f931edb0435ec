import ArgumentParser
import DossierCore
import DossierLoading
#if canImport(Glibc)
import Glibc
#endif

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Read news briefings in the terminal: clean, annotate, jump between mentions, keep notes.",
        discussion: """
            With no subcommand, opens the reader on the given articles:
              dossier seeds/pakistan-centcom.txt      read one article
              dossier seeds/                          read a folder as a briefing
              cat article.txt | dossier               read standard input
              dossier https://example.org/feed.xml    read a feed's items (RSS, Atom, OPML) or web pages

            Articles may be plain text (pasted web pages are cleaned), Markdown, saved HTML pages, \
            JSON Lines with a "text" field per line, feeds, or web addresses (cached in the notes \
            database; --refresh asks again, --offline reads the cache only).
            """,
        version: FetchPolicy.version,
        subcommands: [Read.self, Annotate.self, Export.self, IndexCommand.self],
        defaultSubcommand: Read.self
    )

    /// ArgumentParser's own `main`, except that its messages go out through `StandardError.write`:
    /// a usage error quotes the operand or option it could not use, and a hostile file name must
    /// not reach the terminal raw from there either.
    static func main() async {
        keepLargeAllocationsApart()
        // Every subcommand annotates articles: the word tables are built on the other cores while
        // the arguments are parsed and the files read, not after, one by one, on the first article
        // (Benchmarks/README.md, "Start-up, overlapped (stop 30)"). One core stays this thread's:
        // on two cores, two builders gave the same wall time as one for 4 ms more CPU time. Help,
        // a usage error or an article with no names exits with some tables unused.
        SharedTables.buildInBackground(threads: CommandInput.processorCount - 1)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { print(message) } else { StandardError.write(message + "\n") }
            }
            Glibc.exit(code.rawValue)
        }
    }

    /// Blocks of 16 MB and more are mapped on their own, and given back when freed. glibc's default
    /// threshold moves up to 32 MB after such a block is freed, and then the large arrays that a huge
    /// article's stages make and free one after another share the heap and are not given back:
    /// the reader on a 50 MB line of news text peaked at 303–308 MiB with the default, 271–276 MiB
    /// with this (`Benchmarks/README.md`, "A 50 MB line of news text"). A feed's articles are far smaller.
    static func keepLargeAllocationsApart() {
        #if canImport(Glibc)
        // <malloc.h> is not in Swift's Glibc module: `mallopt` is looked up, M_MMAP_THRESHOLD is its value.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 16 << 20)
        #endif
    }
}
