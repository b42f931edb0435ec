#if canImport(Glibc)
import Glibc
#endif

/// Why a long note could not be written in the editor, as one line.
struct EditorError: Error, CustomStringConvertible {
    var description: String
}

/// Runs $VISUAL (else $EDITOR, else vi) on a temporary file and returns what was written.
/// The editor is started with an argument vector through posix_spawnp, never through a shell:
/// "code --wait" is split on spaces into ["code", "--wait"] (unless the whole value is a program's
/// path), and the file name is one argument.
enum EditorLauncher {
    static func editorCommand(visual: String?, editor: String?) -> [String] {
        for value in [visual, editor] {
            // A path to an editor may itself hold spaces: a whole value that is a program is one word.
            if let value, value.contains("/"), access(value, X_OK) == 0 { return [value] }
            let words = (value ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if !words.isEmpty { return words }
        }
        return ["vi"]
    }

    /// The text the reader saved (spaces and line breaks at the ends trimmed); nil when left empty.
    static func edit(initialText: String = "") -> Result<String?, EditorError> {
        let command = editorCommand(visual: getenv("VISUAL").map { String(cString: $0) },
                                    editor: getenv("EDITOR").map { String(cString: $0) })
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/dossier-note-XXXXXX.md").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 3) }
        guard fd >= 0 else { return .failure(EditorError(description: "cannot create a temporary file in \(folder) for the note")) }
        let path = String(cString: template)
        defer { unlink(path) }
        var bytes = Array(initialText.utf8)
        let written = bytes.isEmpty ? 0 : Glibc.write(fd, &bytes, bytes.count)
        close(fd)
        guard written == bytes.count else { return .failure(EditorError(description: "cannot write the temporary note file \(path)")) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The reader ignores Ctrl-C while the editor runs; the editor gets the default handling back.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var arguments = (command + [path]).map { strdup($0) } + [nil]
        defer { for pointer in arguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, command[0], nil, &attributes, &arguments, environ)
        guard spawned == 0 else {
            return .failure(EditorError(description: "cannot start the editor \(command[0]) (\(String(cString: strerror(spawned)))); set $VISUAL or $EDITOR"))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 0: an editor that fails (vim's :cq) discards the note.
        if status & 0x7f != 0 || (status >> 8) & 0xff != 0 {
            return .failure(EditorError(description: "the editor \(command[0]) exited with an error; note not saved"))
        }
        guard let text = readFile(path) else { return .failure(EditorError(description: "cannot read the note back from \(path)")) }
        let trimmed = text.trimmingWhitespaceAndNewlines
        return .success(trimmed.isEmpty ? nil : trimmed)
    }

    private static func readFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue } else { return nil } }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    var trimmingWhitespaceAndNewlines: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
