import Testing
@testable import RoutineCard

struct EmphasisParserTests {
    func marked(_ text: EmphasizedText, bold: Bool) -> [String] {
        let bytes = Array(text.plain.utf8)
        return text.runs.filter { bold ? $0.bold : $0.italic }.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test func boldAndItalicBecomeRuns() {
        let text = EmphasisParser.parse("**Drink water** and _rest_ well")
        #expect(text.plain == "Drink water and rest well")
        #expect(marked(text, bold: true) == ["Drink water"])
        #expect(marked(text, bold: false) == ["rest"])
    }

    @Test func markupAndEntitiesStayLiteral() {
        let text = EmphasisParser.parse("<b>&amp;</b> <span foreground='red'>x</span>")
        #expect(text.plain == "<b>&amp;</b> <span foreground='red'>x</span>")
        #expect(text.runs.isEmpty)
    }

    @Test func underscoresInsideWordsAndUnclosedMarkersArePlain() {
        #expect(EmphasisParser.parse("snake_case_name").plain == "snake_case_name")
        #expect(EmphasisParser.parse("2 ** 3 and **open").plain == "2 ** 3 and **open")
        #expect(EmphasisParser.parse("a_b _c").runs.isEmpty)
    }

    @Test func backslashEscapesAMarker() {
        let text = EmphasisParser.parse(#"\*\*not bold\*\* and \_x\_"#)
        #expect(text.plain == "**not bold** and _x_")
        #expect(text.runs.isEmpty)
    }

    @Test func offsetsCountUTF8BytesSoAccentsDoNotShiftRuns() {
        let text = EmphasisParser.parse("Évitez **l'été** ≤ 20 min")
        #expect(marked(text, bold: true) == ["l'été"])
    }
}

struct DurationParserTests {
    @Test(arguments: [("30", 30), ("30s", 30), ("90 sec", 90), ("2 min", 120), ("1m30s", 90), ("1.5 min", 90), ("1h", 3600), ("2 MIN", 120)])
    func readsDurations(text: String, seconds: Int) throws {
        #expect(try DurationParser.parseSeconds(text).get() == seconds)
    }

    @Test(arguments: ["", "abc", "30 parsecs", "min", "-5s"])
    func refusesWhatIsNotADuration(text: String) {
        #expect(throws: DurationParser.Problem.self) { try DurationParser.parseSeconds(text).get() }
    }

    @Test func readsRangesWithTheUnitAfterTheSecondNumber() throws {
        #expect(try DurationParser.parseRange("15-20 min").get() == DurationRange(minSeconds: 900, maxSeconds: 1200))
        #expect(try DurationParser.parseRange("15–20 minutes").get() == DurationRange(minSeconds: 900, maxSeconds: 1200))
        #expect(try DurationParser.parseRange("30s-1m").get() == DurationRange(minSeconds: 30, maxSeconds: 60))
        #expect(throws: DurationParser.Problem.self) { try DurationParser.parseRange("20-15 min").get() }
    }

    @Test(arguments: [
        DurationRange(seconds: 30), DurationRange(seconds: 90), DurationRange(seconds: 600), DurationRange(minSeconds: 900, maxSeconds: 1200),
        DurationRange(minSeconds: 30, maxSeconds: 90),
    ])
    func formattingReadsBack(range: DurationRange) throws {
        #expect(try DurationParser.parseRange(DurationParser.format(range)).get() == range)
    }
}

struct LabelsTests {
    @Test func doseReadsNaturally() {
        let en = Labels.forLanguage("en")
        // No-break spaces inside each part (U+00A0), narrow ones between a number and its unit.
        #expect(en.dose(Dose(sets: 2, reps: 10, hold: 3)) == "2\u{A0}×\u{A0}10\u{A0}reps · hold\u{A0}3\u{202F}s")
        #expect(en.dose(Dose(reps: 2, hold: 30, side: .each)) == "2\u{A0}reps · hold\u{A0}30\u{202F}s · each\u{A0}side")
        #expect(en.dose(Dose(hold: 30)) == "Hold\u{A0}30\u{202F}s")
        #expect(en.dose(Dose(duration: 300)) == "5\u{202F}min")
    }

    @Test func labelsFollowTheLanguageTag() {
        #expect(Labels.forLanguage("es").eachSide == "cada lado")
        #expect(Labels.forLanguage("de-AT").notMedicalAdvice.hasPrefix("Ersetzt keine ärztliche Beratung"))
        #expect(Labels.forLanguage("fr").eachSide == "each side")
        #expect(Labels.forLanguage("es").weekdays.count == 7)
    }
}
