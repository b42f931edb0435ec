import Foundation

/// Text written now and read back once, in order, at the end: the articles of a briefing export,
/// which follow a head (the briefing's title, its table of contents, its actors) that only the last
/// article completes. Past a megabyte it is held in a temporary file, not in memory, so exporting a
/// feed does not grow with the feed (a 10 MB feed held 135 to 201 MB when the document was made
/// whole). A smaller export (one article, a few) never touches the disk.
///
/// The file is unlinked as soon as it is made: nothing is left behind, whatever ends the process.
final class ExportSpool {
    /// The temporary file, made when the buffer first fills.
    private var descriptor: Int32?
    /// Where the file is made, for messages (it has no name once unlinked).
    private let folder: String
    private var buffer: [UInt8] = []
    static let chunkSize = 1 << 20

    /// `$TMPDIR`, else `/tmp`.
    static var defaultFolder: String {
        let environment = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return environment.isEmpty ? "/tmp" : environment
    }

    init(in folder: String = ExportSpool.defaultFolder) {
        self.folder = folder
    }

    deinit { if let descriptor { close(descriptor) } }

    func append(_ text: String) throws(ExportWriteError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Hands everything appended to `write`, from the start, a megabyte at a time. Each piece is
    /// whole characters: a character cut at the end of a chunk waits for the next.
    func drain(into write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError) {
        guard let descriptor else {
            // Never more than a chunk: all of it is still here, and whole (appended as strings).
            if !buffer.isEmpty { try write(String(decoding: buffer, as: UTF8.self)) }
            buffer.removeAll()
            return
        }
        try flush()
        var offset: off_t = 0
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        var carried = 0   // bytes of a cut character at the start of `chunk`
        while true {
            let read = chunk.withUnsafeMutableBytes { bytes in
                pread(descriptor, bytes.baseAddress! + carried, bytes.count - carried, offset)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw ExportSpool.failure(in: folder)
            }
            let count = carried + read
            guard read > 0 else { break }
            offset += off_t(read)
            let cut = Self.lastWholeCharacterEnd(chunk, count: count)
            try write(String(decoding: chunk[..<cut], as: UTF8.self))
            carried = count - cut
            for k in 0..<carried { chunk[k] = chunk[cut + k] }
        }
    }

    /// Writes the buffer to the temporary file, made (and unlinked) the first time.
    private func flush() throws(ExportWriteError) {
        let descriptor: Int32
        if let open = self.descriptor {
            descriptor = open
        } else {
            descriptor = try makeFile()
            self.descriptor = descriptor
        }
        var written = 0
        while written < buffer.count {
            let n = buffer[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ExportSpool.failure(in: folder)
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func makeFile() throws(ExportWriteError) -> Int32 {
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
            + Array("dossier-export-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { throw ExportSpool.failure(in: folder) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return made
    }

    /// The end of the last UTF-8 character that is whole within `bytes[..<count]`.
    static func lastWholeCharacterEnd(_ bytes: [UInt8], count: Int) -> Int {
        var lead = count - 1
        while lead >= 0, count - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0 else { return count }
        let byte = bytes[lead]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        return count - lead < length ? lead : count
    }

    private static func failure(in folder: String) -> ExportWriteError {
        .cannotWrite(folder, reason: "temporary file for the export: \(String(cString: strerror(errno)))")
    }
}
