import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `annotate -` on a feed that arrives line by line (a crawler's pipe) writes each article as soon
/// as its line has come, while the writer still holds the pipe open: JSON Lines input is streamed,
/// and output from a pipe is not held back until a megabyte has gathered.
@Suite struct LiveFeedCommandTests {
    static func line(_ text: String) -> String { #"{"title": "Quay", "text": "\#(text)"}"# + "\n" }

    @Test func eachArticleOfAPipedFeedIsWrittenBeforeTheFeedEnds() throws {
        let process = Process()
        process.executableURL = DossierBinary.executable
        process.arguments = ["annotate", "--format", "json", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Blank lines after the record: skipped, they must not leave the reader waiting for more.
        input.fileHandleForWriting.write(Data((Self.line("The quay at Tamsin Cove reopened on Monday, officials said.") + "\n \r\n").utf8))
        let first = Self.readLine(output.fileHandleForReading, timeout: 30)
        #expect(first?.contains("Tamsin Cove") == true, "no article came while the feed was still open")

        input.fileHandleForWriting.write(Data(Self.line("Boats will call twice a day, the harbour office said.").utf8))
        try input.fileHandleForWriting.close()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: rest, as: UTF8.self).contains("twice a day"))
    }

    /// One line of `handle`, or nil when none comes within `timeout` seconds.
    static func readLine(_ handle: FileHandle, timeout: Double) -> String? {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var ready = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
        while Date() < deadline {
            guard poll(&ready, 1, 200) > 0 else { continue }
            var byte: UInt8 = 0
            guard Glibc.read(handle.fileDescriptor, &byte, 1) == 1 else { return nil }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return nil
    }
}
