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
    static func write(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
