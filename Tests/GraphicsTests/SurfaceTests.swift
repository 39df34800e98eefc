import Testing
@testable import Graphics

struct SurfaceTests {
    @Test func aPDFSurfaceProducesAPDF() throws {
        let surface = try Surface.pdf(width: 100, height: 200)
        let canvas = try Canvas(surface: surface)
        canvas.addRectangle(x: 10, y: 10, width: 20, height: 20, radius: 3)
        canvas.fill(.black)
        try canvas.showPage()
        let bytes = try surface.finishDocument()
        #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func anImageSurfaceRefusesAbsurdSizes() {
        #expect(throws: GraphicsError.self) { try Surface.image(pixelWidth: 0, pixelHeight: 10) }
        #expect(throws: GraphicsError.self) { try Surface.image(pixelWidth: 100_000, pixelHeight: 10) }
    }

    @Test func pixelsComeBackAsRGB() throws {
        let surface = try Surface.image(pixelWidth: 4, pixelHeight: 2)
        let canvas = try Canvas(surface: surface)
        canvas.paint(RGBColor(hex: 0x102030))
        // Read back through the PNG path, the one way pixels leave a surface.
        let chunks = try PNGEncoderTests.chunks(PNGEncoder().encode(surface))
        #expect(PNGEncoderTests.bigEndian(chunks[0].data, 0) == 4 && PNGEncoderTests.bigEndian(chunks[0].data, 4) == 2)
        let pixels = try #require(chunks.first { $0.type == "IDAT" }).data
        let bytes = try PNGEncoderTests.unfilter(PNGEncoderTests.inflate(pixels, size: 13 * 2), width: 4, height: 2)
        #expect(Array(bytes.prefix(3)) == [0x10, 0x20, 0x30])
    }

    @Test func aMalformedSVGIsAnErrorWithLibrsvgsReason() throws {
        let error = #expect(throws: GraphicsError.self) { try SVGImage(bytes: Array("<svg><g></svg>".utf8)) }
        #expect(error?.reason.isEmpty == false)
    }

    @Test func anSVGWithOnlyAViewBoxTakesItsSizeFromIt() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20"/></svg>"#
        let image = try SVGImage(bytes: Array(svg.utf8))
        #expect(image.intrinsicSize.width == 40 && image.intrinsicSize.height == 20)
    }
}
