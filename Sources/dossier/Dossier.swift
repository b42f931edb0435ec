import ArgumentParser

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Read news briefings in the terminal: clean, annotate, jump between mentions, keep notes.",
        discussion: """
            With no subcommand, opens the reader on the given articles:
              dossier seeds/pakistan-centcom.txt      read one article
              dossier seeds/                          read a folder as a briefing
              cat article.txt | dossier               read standard input

            Articles may be plain text (pasted web pages are cleaned), Markdown, saved HTML pages, \
            or JSON Lines with a "text" field per line.
            """,
        version: DossierVersion.current,
        subcommands: [Read.self, Annotate.self, Export.self, IndexCommand.self],
        defaultSubcommand: Read.self
    )
}
