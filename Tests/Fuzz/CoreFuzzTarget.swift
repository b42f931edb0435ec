// libFuzzer entry point for the annotation core: any bytes in, and the core must neither crash
// nor hang, and every span it returns must lie inside the clean text. Built by Tests/Fuzz/run.sh
// with `swiftc -sanitize=fuzzer,address` over the DossierCore sources (no SwiftPM target).

@_cdecl("LLVMFuzzerTestOneInput")
public func dossierCoreFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let annotated = try? AnnotationPipeline().annotate(bytes: bytes) else { return 0 }
    let length = annotated.text.count
    func check(_ span: Span) {
        precondition(span.start >= 0 && span.start <= span.end && span.end <= length, "span \(span) outside 0..<\(length)")
    }
    for entity in annotated.entities { entity.mentions.forEach(check) }
    for quote in annotated.quotes { check(quote.span); check(quote.content) }
    annotated.numbers.forEach { check($0.span) }
    annotated.claims.forEach { check($0.span) }
    for paragraph in annotated.article.paragraphs {
        check(paragraph.span)
        for sentence in paragraph.sentences { check(sentence); precondition(paragraph.span.contains(sentence)) }
    }
    // The escaper must never let a raw control character through.
    let json = ContractJSON.value(of: annotated).serialized()
    precondition(!json.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    return 0
}
