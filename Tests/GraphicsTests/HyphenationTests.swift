import Foundation
import Testing
@testable import Graphics

/// Words too wide for their line break at the hyphenation points of their language (libhyphen with
/// Debian's dictionaries), not at any letter; words that fit are left alone.
struct HyphenationTests {
    @Test(arguments: [
        ("de", "Stabilisierungsübungsprogramm", "Sta-bi-li-sie-rungs-übungs-pro-gramm"),
        ("de-AT", "Oberschenkelmuskulatur", "Ober-schen-kel-mus-ku-la-tur"),
        ("en", "hyphenation", "hy-phen-ation"),
        ("es", "estiramientos", "es-ti-ra-mien-tos"),
    ])
    func theDictionaryOfTheLanguageGivesThePoints(language: String, word: String, expected: String) throws {
        let dictionary = try #require(Hyphenation.dictionary(for: language), "is the hyphen-\(language.prefix(2)) package installed?")
        var shown = ""
        let points = Set(dictionary.points(in: word))
        for (index, scalar) in word.unicodeScalars.enumerated() {
            if points.contains(index) { shown += "-" }
            shown.unicodeScalars.append(scalar)
        }
        #expect(shown == expected)
    }

    @Test func anUnknownLanguageHasNoDictionary() {
        #expect(Hyphenation.dictionary(for: "xx") == nil)
        #expect(Hyphenation.dictionary(for: "../../etc/passwd") == nil)
    }

    /// The break points Pango used inside `word`, as counts of letters from the word's start.
    func breaks(in text: String, word: String, layout: TextLayout) -> [Int] {
        let wordStart = text.utf8.count - word.utf8.count - 1
        return layout.lines.dropFirst().map(\.start).filter { $0 > wordStart }.map {
            String(decoding: Array(text.utf8)[wordStart..<$0], as: UTF8.self).unicodeScalars.count
        }
    }

    @Test func aWordTooWideForItsLineBreaksOnlyWhereItsLanguageAllows() throws {
        let engine = try TextEngine()
        let word = "Rückenlagestabilisierungsübungen"
        let text = "Die \(word)."
        let points = try #require(Hyphenation.dictionary(for: "de")).points(in: word)
        let hyphenated = try TextLayout(engine: engine, text: text, style: TextStyle(family: "DejaVu Sans", size: 12, language: "de"), width: 90)
        let found = breaks(in: text, word: word, layout: hyphenated)
        #expect(!found.isEmpty)
        for point in found { #expect(points.contains(point), "broke after \(point) letters; the points are \(points)") }
        // Without a language the same word breaks wherever the line ends.
        let plain = try TextLayout(engine: engine, text: text, style: TextStyle(family: "DejaVu Sans", size: 12), width: 90)
        #expect(!breaks(in: text, word: word, layout: plain).allSatisfy(points.contains))
    }

    @Test func textWhoseWordsFitIsSetExactlyAsWithoutHyphenation() throws {
        let engine = try TextEngine()
        let text = "Stand with feet flat, a hand on a counter. Rise onto your toes, count to three, lower slowly."
        let with = try TextLayout(engine: engine, text: text, style: TextStyle(family: "Lato", size: 9, language: "en"), width: 120)
        let without = try TextLayout(engine: engine, text: text, style: TextStyle(family: "Lato", size: 9), width: 120)
        #expect(with.lines.map(\.start) == without.lines.map(\.start))
        #expect(with.size == without.size)
    }

    @Test func emphasisStaysOnItsLettersWhenHyphensAreInserted() throws {
        let engine = try TextEngine()
        let text = "Kniestabilisierungsübungsprogramm fett"
        let bold = text.utf8.count - 4
        let layout = try TextLayout(
            engine: engine, text: text, style: TextStyle(family: "DejaVu Sans", size: 12, language: "de"),
            spans: [TextSpan(start: bold, end: text.utf8.count, bold: true)], width: 80)
        // Offsets reported in the caller's text: every line starts inside it, on a character boundary.
        for line in layout.lines { #expect(line.start <= text.utf8.count && String(text.utf8.dropFirst(line.start)) != nil) }
        #expect(layout.lines.count >= 3)
    }
}
