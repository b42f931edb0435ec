// libFuzzer entry point for file names: any bytes, read as a name the way the command line reads
// its arguments (invalid UTF-8 repaired to U+FFFD), go through `PrintableName.of` and through
// `PrintableName.lines`, the path every CLI message takes to standard error (`StandardError.write`),
// inside the one-line messages the CLI builds around a name. No control character (but the
// message's own line breaks), no C1 and no bidi control may come out. Built by
// Tests/Fuzz/run-names.sh with `swiftc -sanitize=fuzzer,address` over the DossierCore sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func dossierNameFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let name = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    func isLive(_ scalar: Unicode.Scalar, allowingNewline: Bool) -> Bool {
        let v = scalar.value
        if v == 0x0A { return !allowingNewline }
        return v < 0x20 || (0x7F...0x9F).contains(v) || scalar.properties.isBidiControl && v != 0x200C && v != 0x200D
            || v == 0x2028 || v == 0x2029
    }
    let shown = PrintableName.of(name)
    precondition(!shown.unicodeScalars.contains { isLive($0, allowingNewline: false) }, "live character in \(Array(shown.unicodeScalars))")
    // Idempotent: a printable name is printed as it is (a name escaped twice would read wrongly).
    precondition(PrintableName.of(shown) == shown, "not idempotent")
    for message in ["dossier: \(name): no such file or directory\n", "dossier: \(name): cannot read: Permission denied\n",
                    "Error: Unknown option '--\(name)'\nUsage: dossier read [<files> ...]\n"] {
        let line = PrintableName.lines(message)
        precondition(!line.unicodeScalars.contains { isLive($0, allowingNewline: true) }, "live character in a message")
        precondition(line.split(separator: "\n", omittingEmptySubsequences: false).count
                     == message.split(separator: "\n", omittingEmptySubsequences: false).count, "a name added a line")
    }
    return 0
}
