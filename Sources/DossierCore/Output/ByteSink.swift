/// One output buffer for serialised bytes. Writers append to it; when it holds a chunk's worth,
/// it hands the bytes to `drain` (the command line writes them to standard output) and starts
/// again, so a huge article is written in pieces instead of being built whole in memory.
///
/// Growth is the array's own doubling: nothing here reserves an exact capacity, because
/// reserving `count + n` before each string reallocated (and copied) the whole buffer for many
/// short strings in a row, which made long outputs quadratic.
public struct ByteSink {
    public private(set) var bytes: [UInt8] = []
    /// How many bytes to collect before draining; also the largest piece of one long string
    /// appended between two drains.
    public let chunkSize: Int
    private let drain: ((ArraySlice<UInt8>) -> Void)?

    /// A sink that keeps everything (`bytes` is the whole output).
    public init() {
        chunkSize = Int.max
        drain = nil
    }

    /// A sink that hands every `chunkSize` bytes to `drain`; call `flush()` at the end.
    public init(chunkSize: Int = 1 << 20, drain: @escaping (ArraySlice<UInt8>) -> Void) {
        self.chunkSize = max(1, chunkSize)
        self.drain = drain
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    public mutating func append(contentsOf run: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: run)
        if bytes.count >= chunkSize { flush() }
    }

    public mutating func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Drains when a chunk is full; writers call it between values.
    @inline(__always)
    public mutating func drainIfFull() {
        if bytes.count >= chunkSize { flush() }
    }

    /// Hands whatever is buffered to `drain` (nothing happens for a sink that keeps everything).
    public mutating func flush() {
        guard let drain, !bytes.isEmpty else { return }
        drain(bytes[...])
        bytes.removeAll(keepingCapacity: true)
    }
}
