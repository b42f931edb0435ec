import ArgumentParser
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
}
