import Testing
@testable import DossierStore

@Suite struct SHA256Tests {
    // FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(input: String, expected: String) {
        #expect(SHA256.hexDigest(input.utf8) == expected)
    }

    @Test func millionAs() {
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesAcrossBlockBoundariesMatchOneShot() {
        let text = Array(SeedTexts.seed("pakistan-centcom.txt").utf8)
        #expect(text.count > 1000)
        var hasher = SHA256()
        var offset = 0
        for size in [1, 55, 56, 63, 64, 65, 127, 300] where offset < text.count {
            hasher.update(text[offset..<min(text.count, offset + size)])
            offset += size
        }
        hasher.update(text[min(offset, text.count)...])
        #expect(hasher.finalize() == SHA256.digest(text))
    }

    @Test func paddingLengthsAroundTheBlockEdge() {
        // 55 and 56 bytes straddle the point where the length no longer fits in the last block.
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}
