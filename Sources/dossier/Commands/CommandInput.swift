import ArgumentParser
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

    static func fail(_ error: InputError) -> ExitCode {
        report(error)
        return ExitCode(error.exitCode)
    }
}

/// Buffered standard output: one write per megabyte, not per line.
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 20 { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { break } }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

enum StandardError {
    static func write(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
