import DossierCore
import ArgumentParser

/// The operands every article-reading command shares: files, folders or "-", and `-r`.
struct ArticleOperands: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Read subfolders of folders too.")
    var recursive = false

    @Argument(help: "Article files or folders; - (or nothing, when piped) reads standard input.")
    var files: [String] = []

    /// The loader for these options and the article paths, folders expanded; a one-line error otherwise.
    func resolve() throws -> (loader: ArticleLoader, paths: [String]) {
        var loader = ArticleLoader(recursive: recursive)
        do {
            if let model = try EntityModelOverride.model() { loader.pipeline.entityAnnotator = EntityAnnotator(typeModel: model) }
        } catch { throw CommandInput.fail(error) }
        let operands = try CommandInput.operands(files)
        do { return (loader, try loader.expand(operands)) } catch { throw CommandInput.fail(error) }
    }
}
