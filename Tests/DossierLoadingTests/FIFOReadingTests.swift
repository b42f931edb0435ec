import Foundation
import Testing
@testable import DossierLoading
#if canImport(Glibc)
import Glibc
#endif

/// A named pipe nobody writes to blocked `open` forever (issue 16, 11): now the wait has a limit
/// and ends in a one-line error; a pipe with a writer is read to its end as before.
@Suite struct FIFOReadingTests {
    func fifo() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fifo-\(UUID().uuidString)").path
        try #require(mkfifo(path, 0o600) == 0)
        return path
    }

    @Test func aPipeWithNoWriterTimesOutWithAOneLineError() throws {
        let path = try fifo()
        defer { unlink(path) }
        let started = Date()
        #expect {
            _ = try FileReader.read(path: path, fifoTimeout: 0.5)
        } throws: { error in
            guard let error = error as? InputError, case .unreadable = error else { return false }
            return error.description.contains("no writer") && !error.description.contains("\n") && error.exitCode != 0
        }
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= 0.4 && waited < 5, "\(waited)")
    }

    @Test func aPipeWithAWriterIsReadWhole() throws {
        let path = try fifo()
        defer { unlink(path) }
        let text = String(repeating: "The quay reopened on Monday. ", count: 5000)
        let writer = Thread {
            usleep(200_000)
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { return }
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                sent += n
            }
            close(fd)
        }
        writer.start()
        let bytes = try FileReader.read(path: path, fifoTimeout: 5)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }
}
