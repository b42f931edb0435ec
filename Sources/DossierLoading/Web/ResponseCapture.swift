import CCurlRuntime

/// The status and header fields of the response that counts: the last one. libcurl hands over the
/// header lines of every response it reads (each redirect, a 100 Continue, a proxy's answer to
/// CONNECT) one line at a time, so each status line starts afresh.
struct ResponseHead: Equatable {
    var status = 0
    /// Names lowercased; a repeated field keeps its last value.
    var fields: [String: String] = [:]
    private var lastName: String?

    /// The body's length as the server declared it, if it did.
    var declaredLength: Int? { fields["content-length"].flatMap { Int($0) } }

    /// Takes one header line, its CRLF included or not; true for the blank line that ends a block.
    mutating func take(_ line: String) -> Bool {
        // "\r\n" is one Character in Swift: isNewline covers it, and a bare "\n".
        let line = line.trimmingSuffix { $0.isNewline }
        if line.isEmpty { return true }
        if line.hasPrefix("HTTP/") {
            self = ResponseHead()
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        } else if line.first == " " || line.first == "\t", let lastName {
            // A folded line continues the field before it (obsolete, but still sent by some servers).
            fields[lastName, default: ""] += " " + line.trimmingSpaces
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            fields[name] = line[line.index(after: colon)...].trimmingSpaces
            lastName = name
        }
        return false
    }
}

/// What one request gathers while libcurl performs it: the callbacks' userdata. A callback that
/// refuses the rest returns a short count, libcurl stops with a write error, and `refusal` says why.
final class ResponseCapture {
    let maxBytes: Int
    private(set) var head = ResponseHead()
    private(set) var body: [UInt8] = []
    private(set) var refusal: FetchError?

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// False to stop: at the end of a block that declares a page over the limit (before a byte of
    /// it is read), or that is an error status (its page is not wanted).
    func takeHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let startsResponse = bytes.starts(with: "HTTP/".utf8)
        guard head.take(String(decoding: bytes, as: UTF8.self)) else {
            // A response after redirects or a 100 Continue: only its own body is wanted.
            if startsResponse { body = [] }
            return true
        }
        if (200..<300).contains(head.status), let declared = head.declaredLength, declared > maxBytes {
            refusal = .tooLarge(limit: maxBytes)
            return false
        }
        if head.status >= 400 {
            refusal = .httpStatus(head.status)
            return false
        }
        return true
    }

    /// Decoded bytes of the body; false once they would pass the limit.
    func takeBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maxBytes else {
            refusal = .tooLarge(limit: maxBytes)
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// CURLOPT_HEADERFUNCTION: one header line, `userdata` being the capture.
    static let headerCallback: dossier_curl_data_callback = { data, size, count, userdata in
        let capture = Unmanaged<ResponseCapture>.fromOpaque(userdata!).takeUnretainedValue()
        return capture.takeHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
    }

    /// CURLOPT_WRITEFUNCTION: a piece of the decoded body, `userdata` being the capture.
    static let bodyCallback: dossier_curl_data_callback = { data, size, count, userdata in
        let capture = Unmanaged<ResponseCapture>.fromOpaque(userdata!).takeUnretainedValue()
        return capture.takeBody(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
    }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.trimmingSuffix { $0 == " " || $0 == "\t" })
    }

    func trimmingSuffix(while matches: (Character) -> Bool) -> SubSequence {
        var end = endIndex
        while end > startIndex, matches(self[index(before: end)]) { end = index(before: end) }
        return self[..<end]
    }
}
