import ArgumentParser
import DossierCore
import DossierLoading
#if canImport(Glibc)
import Glibc
#endif

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print an article's title, sections, actors, claims and figures.",
        discussion: """
            Offsets in JSON are Unicode code points into "text", end exclusive.
            Several files or a folder give one JSON object per line (JSON Lines).

            Examples:
              dossier annotate seeds/pakistan-centcom.txt
              dossier annotate --format json seeds/pakistan-centcom.txt
              cat article.txt | dossier annotate --format json -
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(name: .shortAndLong, help: "Output format: text (a readable summary), json (the annotation contract) or markdown.")
    var format: Format = .text


    @Flag(help: "Indent JSON for reading (one article only).")
    var pretty = false

    @OptionGroup var operands: ArticleOperands

    func run() throws {
        let (loader, paths) = try operands.resolve()
        var firstFailure: InputError? = nil
        var output = StandardOutput()
        for path in paths {
            for loaded in loader.load(path) {
                switch loaded.result {
                case .failure(let error):
                    CommandInput.report(error)
                    if firstFailure == nil { firstFailure = error }
                case .success(let annotated):
                    switch format {
                    case .json: output.write(ContractJSON.value(of: annotated).serialized(pretty: pretty) + "\n")
                    case .markdown: output.write(SummaryMarkdown.render(annotated))
                    case .text: output.write(SummaryText.render(annotated))
                    }
                }
            }
        }
        output.flush()
        if let failure = firstFailure { throw ExitCode(failure.exitCode) }
    }
}
