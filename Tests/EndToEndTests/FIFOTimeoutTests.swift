import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A named pipe with no writer (issue 16, 11): `annotate` and the reader wait DOSSIER_FIFO_TIMEOUT
/// seconds, then stop with one line and a non-zero exit, instead of blocking forever.
@Suite(.serialized) struct FIFOTimeoutTests {
    static func fifo() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-e2e-fifo-\(UUID().uuidString.prefix(8))").path
        try #require(mkfifo(path, 0o600) == 0)
        return path
    }

    @Test func annotateGivesUpOnAPipeWithNoWriter() throws {
        let path = try Self.fifo()
        defer { unlink(path) }
        let started = Date()
        let run = try DossierBinary.run(["annotate", path], environment: ["DOSSIER_FIFO_TIMEOUT": "1"], timeout: 30)
        #expect(!run.timedOut, "annotate blocked on the pipe")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(run.status == 74)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && run.stderr.contains("named pipe with no writer"), "\(run.stderr)")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
    func theReaderGivesUpOnAPipeWithNoWriterAndRestoresTheTerminal() throws {
        let path = try Self.fifo()
        defer { unlink(path) }
        let session = try TmuxSession("DOSSIER_FIFO_TIMEOUT=1 \"$DOSSIER\" read '\(path)'; echo \"exit=$?\"; echo DOSSIER-DONE",
                                      width: 160, height: 20)
        defer { session.kill() }
        let done = session.waitFor("DOSSIER-DONE", timeout: 30)
        #expect(done.ok, "the reader blocked on the pipe: \(done.screen)")
        #expect(done.screen.contains("named pipe with no writer"))
        #expect(done.screen.contains("exit=74"))
        #expect(!session.screen(escapes: true).contains("\u{1B}[?1049h"), "the alternate screen was left on")
    }
}
