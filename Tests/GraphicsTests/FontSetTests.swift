import Testing
@testable import Graphics

struct FontSetTests {
    @Test func theCardFontsHoldOnlyTheirEightFaces() throws {
        // The font folders hold more weights (Lato Black, DejaVu Sans Mono…); every extra face
        // makes each font match sort more candidates.
        let fonts = try #require(FontSet.cardFonts)
        #expect(fonts.faceCount == 8)
        #expect(fonts.families == ["Lato", "DejaVu Sans"])
    }

    @Test func anEngineOnTheCardFontsFindsBothFamilies() throws {
        let engine = try TextEngine(fonts: try #require(FontSet.cardFonts))
        #expect(engine.resolvedFamily(for: "Lato") == "Lato")
        #expect(engine.resolvedFamily(for: "DejaVu Sans") == "DejaVu Sans")
    }
}
