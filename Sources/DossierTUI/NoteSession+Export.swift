import DossierCore
import DossierExport
import DossierStore
#if canImport(Glibc)
import Glibc
#endif

/// `e` carried out: the article or the whole briefing with its notes, highlights and bookmarks,
/// written whole or not at all; HTML in the colours of the theme the reader showed (`palette`).
/// An existing file asks y/n first; a failure reopens the file-name prompt with the reason in the
/// reader's terms (not the command line's --force and -o).
extension NoteSession {
    func export(article: Int, scope: ExportScope, format: ExportFormat, path typedPath: String, overwrite: Bool,
                palette: HTMLPalette, state: inout ReaderState) throws(NoteStoreError) {
        let path = PathCompletion.expandingHome(typedPath)
        let indices = scope == .briefing
            ? state.documents.indices.filter { $0 >= state.library.entries.count || state.library.entries[$0].isAnnotated }
            : [article]
        guard !indices.isEmpty else { state.message = "nothing annotated to export yet"; return }
        if !overwrite, PathCompletion.kind(of: path) == .file {
            state.notes.prompt = PromptState(purpose: .confirmOverwrite(format: format, scope: scope, path: typedPath))
            return
        }
        var exports: [ArticleExport] = []
        for index in indices {
            let document = state.documents[index]
            exports.append(try ArticleExport.from(document.annotated, store: store, path: sourcePath(document)))
        }
        if let folder = state.notes.exportFolder, path.hasPrefix(folder + "/") {
            // The exports folder is Dossier's own: made on first use.
            PathCompletion.makeFolders(upTo: path)
        }
        do {
            try Exporter.write(exports, as: format, palette: palette, to: path, overwrite: overwrite)
        } catch {
            var again = PromptState(purpose: .exportPath(format: format, scope: scope), text: typedPath)
            again.error = Self.readerWording(error)
            state.notes.prompt = again
            return
        }
        let notes = exports.map(\.notes.count).reduce(0, +)
        let highlights = exports.map(\.highlights.count).reduce(0, +)
        let bookmarks = exports.map(\.bookmarks.count).reduce(0, +)
        let what = exports.count > 1 ? "\(exports.count) articles, " : ""
        state.message = "exported \(what)\(Self.count(notes, "note")), \(Self.count(highlights, "highlight")), "
            + "\(Self.count(bookmarks, "bookmark")) to \(PathCompletion.abbreviatingHome(path))"
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// The write error as the reader can act on it: type another name, or say y.
    static func readerWording(_ error: ExportWriteError) -> String {
        switch error {
        case .exists(let path): return "\(path) exists: type another name"
        case .isDirectory(let path): return "\(path) is a folder: add a file name"
        case .permissionDenied(let path): return "not allowed to write \(path): choose another folder"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}

/// The file system questions of the export prompt: completing a path, what is at a path.
enum PathCompletion {
    enum Kind { case missing, file, folder }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
    }

    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }

    /// `~/…` for a path in the home folder: shorter in the status line.
    static func abbreviatingHome(_ path: String) -> String {
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Names in the folder of `typed` (the current folder when it has no slash); folders end in "/".
    static func names(completing typed: String) -> [String] {
        let expanded = expandingHome(typed)
        let folder: String
        if let slash = expanded.lastIndex(of: "/") {
            folder = slash == expanded.startIndex ? "/" : String(expanded[..<slash])
        } else {
            folder = "."
        }
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name == "." || name == ".." { continue }
            names.append(kind(of: folder + "/" + name) == .folder ? name + "/" : name)
        }
        return names
    }

    /// Creates the folders above `path` that are missing.
    static func makeFolders(upTo path: String) {
        for slash in path.indices where path[slash] == "/" && slash != path.startIndex {
            let folder = String(path[..<slash])
            if kind(of: folder) == .missing { mkdir(folder, 0o755) }
        }
    }
}
