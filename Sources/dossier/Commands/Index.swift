import ArgumentParser
import DossierCore
import DossierLoading

/// `dossier index`: named `IndexCommand` so it does not shadow the collections' `Index` types.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Print a briefing's entity index: each entity across all its articles.",
        discussion: """
            The same person, organisation or place in several articles is one entry, with its aliases, per article its mention count and first mention, and its claims. Offsets in JSON are Unicode code points into each article's annotated "text".

            Examples:
              dossier index seeds/
              dossier index --format json monday/*.html
              cat feed.jsonl | dossier index -
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .shortAndLong, help: "Output format: text (a readable index) or json.")
    var format: Format = .text


    @Flag(help: "Indent JSON for reading.")
    var pretty = false

    @OptionGroup var parallel: JobsOption

    @OptionGroup var operands: ArticleOperands

    func run() async throws {
        let (loader, paths) = try operands.resolve()
        var articles: [AnnotatedArticle] = []
        var firstFailure: InputError? = nil
        await OrderedAnnotation(loader: loader, jobs: parallel.count).run(paths: paths) { loaded in
            switch loaded.result {
            // What the index reads of each article, not every layer: memory grows with the
            // feed's text and entities only.
            case .success(let annotated): articles.append(BriefingIndex.reading(annotated, keepingText: true))
            case .failure(let error):
                // One unreadable file does not spoil the briefing: say why and go on.
                CommandInput.report(error)
                if firstFailure == nil { firstFailure = error }
            }
        }
        if articles.isEmpty, let failure = firstFailure { throw ExitCode(failure.exitCode) }
        let index = BriefingIndex(articles: articles)
        var output = StandardOutput.sink()
        switch format {
        case .json:
            BriefingIndexOutput.writeJSON(index, to: &output, pretty: pretty)
            output.append(UInt8(ascii: "\n"))
        case .text: BriefingIndexOutput.writeText(index, to: &output)
        }
        output.flush()
        if let failure = firstFailure { throw ExitCode(failure.exitCode) }
    }
}
