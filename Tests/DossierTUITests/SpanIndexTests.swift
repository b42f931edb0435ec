import Testing
import DossierCore
@testable import DossierTUI

/// The highlight index answers "what overlaps this line" the same with and without very long spans.
@Suite struct SpanIndexTests {
    @Test func longSpansAreFoundWithoutChangingTheAnswer() {
        // Short spans every 10 scalars, and two long ones (an unclosed quote) early and late.
        var items: [(Span, Int)] = (0..<2_000).map { (Span($0 * 10, $0 * 10 + 4), $0) }
        items.append((Span(15, 15_000), -1))
        items.append((Span(12_000, 19_000), -2))
        let index = SpanIndex(items)
        for range in [Span(0, 30), Span(14_990, 15_010), Span(16_000, 16_050), Span(19_990, 20_100), Span(500, 500)] {
            let expected = index.spans.indices.filter { index.spans[$0].overlaps(range) }
            #expect(index.overlapping(range) == expected, "range \(range)")
        }
    }
}
