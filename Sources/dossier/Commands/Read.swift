import ArgumentParser
import DossierCore
import DossierTUI

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the reader (the default when no subcommand is given).",
        discussion: "Press ? in the reader for its keys; q quits."
    )

    @Flag(name: .shortAndLong, help: "Read subfolders of folders too.")
    var recursive = false

    @Argument(help: "Article files or folders; - (or nothing, when piped) reads standard input.")
    var files: [String] = []

    func run() throws {
        let loader = ArticleLoader(recursive: recursive)
        let operands = try CommandInput.operands(files)
        let paths: [String]
        do { paths = try loader.expand(operands) } catch { throw CommandInput.fail(error) }
        var articles: [AnnotatedArticle] = []
        for path in paths {
            for loaded in loader.load(path) {
                switch loaded.result {
                case .success(let annotated): articles.append(annotated)
                case .failure(let error):
                    if paths.count == 1 { throw CommandInput.fail(error) }
                    CommandInput.report(error)
                }
            }
        }
        var output = StandardOutput()
        output.write(ReaderLauncher.run(articles: articles))
        output.flush()
    }
}
