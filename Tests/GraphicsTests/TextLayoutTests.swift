import Testing
@testable import Graphics

struct TextLayoutTests {
    @Test func aMissingFamilyFallsBackToAnInstalledOne() throws {
        let engine = try TextEngine()
        let resolved = try #require(engine.resolvedFamily(for: "No Such Family 4711"))
        #expect(!resolved.isEmpty)
        #expect(resolved != "No Such Family 4711")
        let layout = try TextLayout(
            engine: engine, text: "Calf raises · 15–20 min ≤ 2× é", style: TextStyle(family: "No Such Family 4711", size: 10), width: 200)
        #expect(layout.size.height > 5)
        #expect(layout.unknownGlyphCount == 0)
    }

    @Test func wrapsAtTheWidthAndBreaksOverlongWords() throws {
        let engine = try TextEngine()
        let style = TextStyle(family: "DejaVu Sans", size: 10)
        let word = String(repeating: "x", count: 60)
        let layout = try TextLayout(engine: engine, text: "A long word \(word) ends here.", style: style, width: 100)
        #expect(layout.lineCount >= 4)
        #expect(layout.size.width <= 100.01)
        let lines = layout.lines
        #expect(lines.count == layout.lineCount)
        #expect(lines.first?.start == 0)
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.bottom < $1.bottom && $0.start < $1.start })
    }

    @Test func sizesAreInPointsNotScreenPixels() throws {
        // Pango's default of 96 dpi would make 10 pt text a third larger on a PDF page.
        let engine = try TextEngine()
        let layout = try TextLayout(engine: engine, text: "Hg", style: TextStyle(family: "DejaVu Sans", size: 10), width: nil)
        #expect(layout.size.height > 10 && layout.size.height < 13)
    }

    @Test func countsCharactersNoFontCanDraw() throws {
        let engine = try TextEngine()
        let layout = try TextLayout(engine: engine, text: "a\u{10FFFD}b", style: TextStyle(family: "DejaVu Sans", size: 10), width: nil)
        #expect(layout.unknownGlyphCount == 1)
    }
}
