import Testing
@testable import DossierCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the number annotator finds in a sentence: (text, kind, value) per mention.
private func numbers(_ sentence: String) -> [Found] {
    let text = ArticleText(sentence)
    return NumberAnnotator().annotate(text).map { Found(text.slice($0.span), $0.kind, $0.value) }
}

private struct Found: Equatable, CustomStringConvertible {
    var text: String
    var kind: NumberKind
    var value: String?

    init(_ text: String, _ kind: NumberKind, _ value: String?) {
        self.text = text
        self.kind = kind
        self.value = value
    }

    var description: String { "\(text)|\(kind.rawValue)|\(value ?? "nil")" }
}

@Suite struct NumberAnnotatorCardinalTests {
    @Test func digitsWithSeparatorsAndDecimals() {
        // From the seed article.
        let found = numbers("Over 1,000 terrorist attacks in Pakistan since the start of 2024, resulting in 700 "
            + "security personnel and civilian deaths and 2,500 wounded, underscore a stark reality.")
        #expect(found == [Found("1,000", .count, "1000"), Found("the start of 2024", .date, "2024"),
                          Found("700", .count, "700"), Found("2,500", .count, "2500")])
        #expect(numbers("a coefficient of drag of 0.24 and 3.50 litres") ==
                [Found("0.24", .decimal, "0.24"), Found("3.50 litres", .quantity, "3.5 l")])
        #expect(numbers("about 1 000 people") == [Found("1 000", .count, "1000")])
        #expect(numbers("about 12\u{202F}500 people") == [Found("12\u{202F}500", .count, "12500")])
    }

    @Test func spelledOutNumbers() {
        #expect(numbers("More than two billion people around the world live with it.")
                == [Found("two billion", .count, "2000000000")])
        #expect(numbers("thirteen pilgrims and twenty-five guards") ==
                [Found("thirteen", .count, "13"), Found("twenty-five", .count, "25")])
        #expect(numbers("a dozen eggs, one hundred and five pages, two and a half tonnes") ==
                [Found("a dozen", .count, "12"), Found("one hundred and five", .count, "105"),
                 Found("two and a half tonnes", .quantity, "2.5 t")])
        #expect(numbers("the death toll would have been more than a thousand.") == [Found("a thousand", .count, "1000")])
        #expect(numbers("half a million people") == [Found("half a million", .count, "500000")])
        #expect(numbers("repeated in messages on Twitter over one million times") ==
                [Found("one million", .count, "1000000")])
    }

    @Test func oneAsANumberButNotAsAPronoun() {
        #expect(numbers("the event, one of the most popular in North America").map(\.text) == ["one"])
        #expect(numbers("This was a very difficult decision, but one that was made with care.").map(\.text) == ["one"])
        #expect(numbers("It is a serious problem and potentially a very serious one.").isEmpty)
        #expect(numbers("is considered as a commercial one\" ((it)).").isEmpty)
        #expect(numbers("No one was hurt, and the one who called was thanked.").isEmpty)
        #expect(numbers("They helped one another.").isEmpty)
    }

    @Test func numberWordsInsideNamesAndCompoundsAreNotFigures() {
        #expect(numbers("He watched Formula One at Silverstone.").isEmpty)
        #expect(numbers("Stormtroopers share a high-five.").isEmpty)
        #expect(numbers("rejecting the notion of a zero-sum game").isEmpty)
        #expect(numbers("Thousands and hundreds of fans came; both teams won.").isEmpty)
    }

    @Test func codesAreNotNumbersButNumberedNamesAre() {
        #expect(numbers("It lifts off from Launch Pad 39A with M5S members.").isEmpty)
        #expect(numbers("Space Shuttle Columbia flew STS-1 and Vostok 1 flew first.").map(\.text) == ["1", "1"])
    }

    @Test func ordinals() {
        #expect(numbers("an office on the 33rd floor") == [Found("33rd", .ordinal, "33")])
        #expect(numbers("the thirtieth and the twenty-first") ==
                [Found("thirtieth", .ordinal, "30"), Found("twenty-first", .ordinal, "21")])
        #expect(numbers("in the 19th century") == [Found("19th century", .date, "18XX")])
        // "first", "second" on their own are discourse words, not figures.
        #expect(numbers("The first case is the second lowest grade.").isEmpty)
    }
}

@Suite struct NumberAnnotatorAmountTests {
    @Test func percentages() {
        #expect(numbers("exceeded 10% of 2000 levels") == [Found("10%", .percent, "10"), Found("2000", .count, "2000")])
        #expect(numbers("by 45 percent and 45 per cent") ==
                [Found("45 percent", .percent, "45"), Found("45 per cent", .percent, "45")])
        #expect(numbers("Fifty-one percent say so") == [Found("Fifty-one percent", .percent, "51")])
    }

    @Test func money() {
        #expect(numbers("a $6 million deal") == [Found("$6 million", .money, "USD 6000000")])
        #expect(numbers("a US$2.5bn loan") == [Found("US$2.5bn", .money, "USD 2500000000")])
        #expect(numbers("He was released on US$ 20,000 bail") == [Found("US$ 20,000", .money, "USD 20000")])
        #expect(numbers("pay Rs 500 or Rs. 300") == [Found("Rs 500", .money, "Rs 500"), Found("Rs. 300", .money, "Rs 300")])
        #expect(numbers("€2bn and £30 and £6m") == [Found("€2bn", .money, "EUR 2000000000"), Found("£30", .money, "GBP 30"),
                                                   Found("£6m", .money, "GBP 6000000")])
        #expect(numbers("to pay over 422,000 euros in arrears") == [Found("422,000 euros", .money, "EUR 422000")])
        #expect(numbers("500 rupees and 5 million dollars") ==
                [Found("500 rupees", .money, "INR 500"), Found("5 million dollars", .money, "USD 5000000")])
        #expect(numbers("between $5–7 million") == [Found("$5–7 million", .money, "USD 5000000..7000000")])
    }

    @Test func rangesAndQuantities() {
        let survey = "A cross-sectional survey of 1709 schoolchildren - aged 8–10 years, from 88 schools - was carried out."
        #expect(numbers(survey) == [Found("1709", .count, "1709"), Found("8–10 years", .quantity, "8..10 year"),
                                    Found("88", .count, "88")])
        #expect(numbers("between 5 and 7") == [Found("between 5 and 7", .range, "5..7")])
        #expect(numbers("for the period from 2004 to 2009.") == [Found("2004 to 2009", .range, "2004..2009")])
        #expect(numbers("30 km, 5 kg and 3.5 metres") ==
                [Found("30 km", .quantity, "30 km"), Found("5 kg", .quantity, "5 kg"), Found("3.5 metres", .quantity, "3.5 m")])
        #expect(numbers("a 14-year-old boy and a girl 10 years old") ==
                [Found("14-year-old", .quantity, "14 year"), Found("10 years old", .quantity, "10 year")])
        #expect(numbers("a 55-kilometer zone, 20.7 cubic foot trunk") ==
                [Found("55-kilometer", .quantity, "55 km"), Found("20.7 cubic foot", .quantity, "20.7 cu ft")])
    }

    @Test func times() {
        #expect(numbers("at 3:30 pm and 15:45") == [Found("3:30 pm", .time, "15:30"), Found("15:45", .time, "15:45")])
        #expect(numbers("tickets go on sale at 10 a.m. Friday") == [Found("10 a.m.", .time, "10:00")])
    }

    /// A part of more than two digits is not a clock time; a long one once overflowed and trapped.
    @Test func digitRunsBeforeAColonAreNotTimes() {
        #expect(numbers("123:45 and 10:45").filter { $0.kind == .time } == [Found("10:45", .time, "10:45")])
        #expect(numbers("123456789012345678901234567890:30").allSatisfy { $0.kind != .time })
    }
}

@Suite struct NumberAnnotatorDateTests {
    @Test func calendarDates() {
        #expect(numbers("Thursday, February 23, 2006") == [Found("Thursday, February 23, 2006", .date, "2006-02-23")])
        #expect(numbers("the devastating August 2021 Kabul airport suicide bombing") ==
                [Found("August 2021", .date, "2021-08")])
        #expect(numbers("on 23 February 2006 and on the 5th of May") ==
                [Found("23 February 2006", .date, "2006-02-23"), Found("5th of May", .date, "--05-05")])
        #expect(numbers("published Oct. 25, the report") == [Found("Oct. 25", .date, "--10-25")])
        #expect(numbers("filed 2006-02-23 and 23/02/2006") ==
                [Found("2006-02-23", .date, "2006-02-23"), Found("23/02/2006", .date, "2006-02-23")])
    }

    @Test func relativeDates() {
        #expect(numbers("published in the Calder Journal of Nursing this week, and last year") ==
                [Found("this week", .date, "+0 week"), Found("last year", .date, "-1 year")])
        #expect(numbers("In the past few days in Italy") == [Found("the past few days", .date, "-few day")])
        #expect(numbers("transported shuttles for the last 30 years") == [Found("the last 30 years", .date, "-30 year")])
        #expect(numbers("guidelines on iodine by the end of the year.") ==
                [Found("the end of the year", .date, nil)])
        #expect(numbers("two years ago, early 2014 and mid-2024") ==
                [Found("two years ago", .date, "-2 year"), Found("early 2014", .date, "2014"),
                 Found("mid-2024", .date, "2024")])
    }

    @Test func yearsAndDecades() {
        #expect(numbers("unveiled in 1999 as a database") == [Found("1999", .year, "1999")])
        #expect(numbers("in the 1990s and the '80s") == [Found("1990s", .year, "1990s"), Found("'80s", .year, "80s")])
    }

    @Test func bareDayNamesMonthsAndDeicticsAreNotDates() {
        // The news-annotation convention of the eval: these are not counted.
        #expect(numbers("Yesterday Mohamed received VIP attention. On Wednesday, he flew.").isEmpty)
        #expect(numbers("In March, a bundle was found; that may have all sorts of effects.").isEmpty)
        #expect(numbers("in last years received several refusals").isEmpty)
    }
}

@Suite struct NumberAnnotatorRobustnessTests {
    @Test func aLongSingleParagraphIsChunkedWithoutLosingOrSplittingNumbers() {
        let sentence = "On September 14, 2015 they paid $ 50,000 for 1,426 pilgrims. "
        let text = String(repeating: sentence, count: 2_000)  // ~120 000 scalars, no line break
        let found = NumberAnnotator().annotate(ArticleText(text))
        #expect(found.count == 6_000)
        #expect(Set(found.map(\.span.length)) == [18, 8, 5])
    }

    @Test func oddInputNeverTraps() {
        for odd in ["", "1", "$", "-", "1-", "1:", "a", "the", "between 5 and", "Rs.", "US$", "99999999999999999999999",
                    "1,2,3,4", "1.2.3", "2006-13-45", "31/31/2031", "'90", "twenty-", "half a", "3:99 pm", "0.5bn",
                    "\u{202F}1\u{202F}000\u{202F}"] {
            let found = NumberAnnotator().annotate(ArticleText(odd))
            for mention in found { #expect(mention.span.end <= odd.unicodeScalars.count) }
        }
    }

    @Test func seedArticleFigures() throws {
        let found = NumberAnnotator().annotate(ArticleText(try seedText("pakistan-centcom.txt")))
        let text = ArticleText(try seedText("pakistan-centcom.txt"))
        let surfaces = found.map { text.slice($0.span) }
        for figure in ["1,000", "the start of 2024", "700", "2,500", "August 2021", "13", "170"] {
            #expect(surfaces.contains(figure), "missing \(figure)")
        }
    }
}

/// A seed article, read from the package's `seeds/` folder.
private func seedText(_ name: String) throws -> String {
    var path = "\(#filePath)"
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return try readTextFile(path + "/seeds/" + name)
}

/// Reads a UTF-8 file without Foundation (the core tests stay Foundation-free like the core).
private func readTextFile(_ path: String) throws -> String {
    guard let file = fopen(path, "rb") else { throw SeedFileMissing(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

private struct SeedFileMissing: Error { var path: String }
