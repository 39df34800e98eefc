import CLibdeflate
import Testing
@testable import Graphics

/// Decodes what the encoder wrote with zlib and the PNG rules, independently of the encoder.
struct PNGEncoderTests {
    @Test func roundTripsPixelsAndWritesResolution() throws {
        let width = 37, height = 23
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for i in rgb.indices { rgb[i] = UInt8(truncatingIfNeeded: i &* 31 &+ i / 7) }
        let png = try PNGEncoder(compressionLevel: 3, dotsPerInch: 300).encode(width: width, height: height, rgb: rgb)

        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let chunks = try Self.chunks(png)
        #expect(chunks.map(\.type) == ["IHDR", "sRGB", "pHYs", "IDAT", "IEND"])
        #expect(chunks[1].data == [0], "sRGB, perceptual")
        let header = chunks[0].data
        #expect(Self.bigEndian(header, 0) == UInt32(width))
        #expect(Self.bigEndian(header, 4) == UInt32(height))
        #expect(Array(header[8...9]) == [8, 2])
        // 300 dpi is 11811 pixels per metre.
        #expect(Self.bigEndian(chunks[2].data, 0) == 11811)
        #expect(try Self.unfilter(Self.inflate(chunks[3].data, size: (width * 3 + 1) * height), width: width, height: height) == rgb)
    }

    @Test func writesTheTextAsAnInternationalDescription() throws {
        let surface = try Surface.image(pixelWidth: 2, pixelHeight: 2)
        let rows = try PNGEncoder.rows(of: surface)
        let png = try PNGEncoder().encode(rows, description: "Wadenheben · 2 × 10", language: "de")
        let text = try #require(try Self.chunks(png).first { $0.type == "iTXt" }).data
        // Keyword, null, compression flag and method, language, null, translated keyword, null, UTF-8 text.
        #expect(text == Array("Description".utf8) + [0, 0, 0] + Array("de".utf8) + [0, 0] + Array("Wadenheben · 2 × 10".utf8))
    }

    @Test func encodesASurfaceStraightFromCairosPixels() throws {
        let surface = try Surface.image(pixelWidth: 5, pixelHeight: 4)
        let canvas = try Canvas(surface: surface)
        canvas.paint(RGBColor(hex: 0x336699))
        canvas.addRectangle(x: 0, y: 2, width: 5, height: 2)
        canvas.fill(RGBColor(hex: 0xFFCC00))
        let png = try PNGEncoder(dotsPerInch: 72).encode(surface)
        let chunks = try Self.chunks(png)
        let pixels = try Self.unfilter(Self.inflate(try #require(chunks.first { $0.type == "IDAT" }).data, size: 16 * 4), width: 5, height: 4)
        #expect(Array(pixels.prefix(3)) == [0x33, 0x66, 0x99])
        #expect(Array(pixels.suffix(3)) == [0xFF, 0xCC, 0x00])
    }

    @Test func refusesABufferOfTheWrongSize() {
        #expect(throws: GraphicsError.self) {
            try PNGEncoder().encode(width: 10, height: 10, rgb: [0, 0, 0])
        }
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    struct Chunk { var type: String; var data: [UInt8] }

    /// Splits a PNG into chunks, checking every CRC.
    static func chunks(_ png: [UInt8]) throws -> [Chunk] {
        var chunks: [Chunk] = []
        var offset = 8
        while offset < png.count {
            let length = Int(bigEndian(png, offset))
            let typeAndData = Array(png[offset + 4..<offset + 8 + length])
            let crc = typeAndData.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
            #expect(crc == bigEndian(png, offset + 8 + length), "CRC of chunk at \(offset)")
            chunks.append(Chunk(type: String(decoding: typeAndData.prefix(4), as: UTF8.self), data: Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        return chunks
    }

    static func inflate(_ data: [UInt8], size: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var length = 0
        let decompressor = try #require(libdeflate_alloc_decompressor())
        defer { libdeflate_free_decompressor(decompressor) }
        let status = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { libdeflate_zlib_decompress(decompressor, input.baseAddress, input.count, $0.baseAddress, $0.count, &length) }
        }
        #expect(status == LIBDEFLATE_SUCCESS)
        #expect(length == size)
        return output
    }

    /// Reverses PNG filters 0 (none) and 2 (up), the ones the encoder uses.
    static func unfilter(_ data: [UInt8], width: Int, height: Int) -> [UInt8] {
        let row = width * 3
        var out = [UInt8](repeating: 0, count: row * height)
        for y in 0..<height {
            let filter = data[y * (row + 1)]
            for x in 0..<row {
                let value = data[y * (row + 1) + 1 + x]
                out[y * row + x] = filter == 2 && y > 0 ? value &+ out[(y - 1) * row + x] : value
            }
        }
        return out
    }
}
