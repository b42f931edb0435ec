import ArgumentParser
import DossierCore
import DossierLoading
#if canImport(Glibc)
import Glibc
#endif

/// Shared operand handling and one-line error reporting for every command.
enum CommandInput {
    /// No operands means standard input when it is piped, and a usage error at a terminal.
    static func operands(_ files: [String]) throws -> [String] {
        if !files.isEmpty { return files }
        if isatty(0) == 0 { return ["-"] }
        throw ValidationError("give an article file or folder, or pipe one in (for example: dossier seeds/pakistan-centcom.txt)")
    }

    /// The subcommand a missing first operand was probably meant to be ("anotate" → "annotate"):
    /// within two typing mistakes of a subcommand name, and not a path.
    static func subcommandSuggestion(for operand: String, among names: [String]) -> String? {
        guard !operand.contains("/"), !operand.contains("."), operand.count >= 3 else { return nil }
        let lower = operand.lowercased()
        return names.map { ($0, editDistance(lower, $0)) }.filter { $0.1 > 0 && $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    static func report(_ error: InputError) {
        StandardError.write("dossier: \(error)\n")
    }

    /// The cores this process may use, for commands that annotate several articles at once.
    static var processorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    static func fail(_ error: InputError) -> ExitCode {
        report(error)
        return ExitCode(error.exitCode)
    }
}

/// Buffered standard output: one write per megabyte, not per line.
enum StandardOutput {
    /// A sink that writes to standard output a megabyte at a time; call `flush()` at the end.
    static func sink() -> ByteSink {
        ByteSink(chunkSize: 1 << 20, drain: writeAll)
    }

    private static func writeAll(_ bytes: ArraySlice<UInt8>) {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { break } }
            offset += n
        }
    }
}

enum StandardError {
    /// Writes a message line by line through `PrintableName`: messages quote file names and operands,
    /// and whatever control or bidi character one holds is shown, not sent to the terminal.
    static func write(_ s: String) {
        var bytes = Array(PrintableName.lines(s).utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
