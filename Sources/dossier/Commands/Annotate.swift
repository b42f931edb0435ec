import ArgumentParser
import DossierCore
import DossierLoading
#if canImport(Glibc)
import Glibc
#endif

struct Annotate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print an article's title, sections, actors, claims and figures.",
        discussion: """
            Offsets in JSON are Unicode code points into "text", end exclusive.
            Several files or a folder give one JSON object per line (JSON Lines).
            A JSON Lines feed is read as it is annotated: any length takes the same
            memory, and from a pipe each article is written as soon as it is ready.

            Examples:
              dossier annotate seeds/pakistan-centcom.txt
              dossier annotate --format json seeds/pakistan-centcom.txt
              cat article.txt | dossier annotate --format json -
              crawler | dossier annotate --format json -   # {"text": …} a line
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(name: .shortAndLong, help: "Output format: text (a readable summary), json (the annotation contract) or markdown.")
    var format: Format = .text


    @Flag(help: "Indent JSON for reading (one article only).")
    var pretty = false

    @OptionGroup var parallel: JobsOption

    @OptionGroup var operands: ArticleOperands

    func run() async throws {
        let (loader, paths) = try operands.resolve()
        var firstFailure: InputError? = nil
        var output = StandardOutput.sink()
        let annotation = OrderedAnnotation(loader: loader, jobs: parallel.count)
        // Input from a pipe may come slowly (a crawler writing a feed line by line): each article
        // is written as soon as it is annotated, not when a megabyte of output has gathered.
        let live = paths.contains { $0 == "-" || FileReader.isFIFO($0) }
        await annotation.run(paths: paths) { loaded in
            switch loaded.result {
            case .failure(let error):
                CommandInput.report(error)
                if firstFailure == nil { firstFailure = error }
            case .success(let annotated):
                switch format {
                case .json:
                    ContractJSON.write(annotated, to: &output, pretty: pretty)
                    output.append(UInt8(ascii: "\n"))
                case .markdown: output.append(contentsOf: SummaryMarkdown.render(annotated))
                case .text: output.append(contentsOf: SummaryText.render(annotated))
                }
                if live { output.flush() } else { output.drainIfFull() }
            }
        }
        output.flush()
        if let failure = firstFailure { throw ExitCode(failure.exitCode) }
    }
}
