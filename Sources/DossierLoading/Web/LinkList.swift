import DossierCore

/// `--links FILE`: web addresses one per line; blank lines and lines starting with # are skipped.
public enum LinkList {
    public static func addresses(inFile path: String) throws(InputError) -> [String] {
        let bytes = try FileReader.read(path: path)
        let text: String
        do { text = try TextDecoder.decode(bytes) } catch { throw .notText(path, error) }
        var addresses: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard WebAddress.isWebAddress(line), !line.contains(" ") else {
                throw .unparsable("\(path):\(number + 1)", reason: "not a web address (http:// or https://): \(line.prefix(80))")
            }
            addresses.append(line)
        }
        if addresses.isEmpty { throw .unparsable(path, reason: "no web addresses in this file") }
        return addresses
    }
}
