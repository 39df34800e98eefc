import CLibdeflate
import CPangoCairo

/// Writes 8-bit RGB PNG files.
///
/// cairo's own writer goes through libpng's defaults (ARGB, zlib level 6, one thread) and records no
/// resolution. Printed cards are flat artwork on white: plain RGB rows at a fast zlib level come out
/// a little larger but several times faster, compressed in 1 MB pieces on the cores a batch leaves
/// free (see `ChunkedDeflate`), and a `pHYs` chunk tells viewers and printers the intended size.
/// Rows are left unfiltered: on a card the Up filter made the file a fifth larger and the encoding
/// slower. Measured on a 300 dpi card (6.5 MB of rows): level 2 in pieces on two cores took 15–19 ms
/// against 21–30 ms for libdeflate's level 2 on one, for 243 kB against 221 kB.
public struct PNGEncoder: Sendable {
    /// zlib level, 1 (fastest) to 9 (smallest).
    public var compressionLevel: Int32
    /// Dots per inch written to the `pHYs` chunk; nil writes none.
    public var dotsPerInch: Double?
    /// Threads that compress pieces of the image at once (the bytes do not depend on it).
    public var threads: Int

    public init(compressionLevel: Int32 = 2, dotsPerInch: Double? = nil, threads: Int = 1) {
        self.compressionLevel = compressionLevel
        self.dotsPerInch = dotsPerInch
        self.threads = threads
    }

    /// Encodes `rgb` (rows of `width` × 3 bytes, top to bottom) as a PNG file.
    public func encode(width: Int, height: Int, rgb: [UInt8]) throws -> [UInt8] {
        guard width > 0, height > 0, rgb.count == width * height * 3 else {
            throw GraphicsError("encoding a PNG", reason: "pixel buffer does not match \(width) × \(height)")
        }
        let rowBytes = width * 3
        var filtered = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        rgb.withUnsafeBufferPointer { source in
            filtered.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    // Filter type 0 (none) leads each row; see `encode(_:)` for why.
                    for x in 0..<rowBytes { out[y * (rowBytes + 1) + 1 + x] = source[y * rowBytes + x] }
                }
            }
        }
        return try assemble(width: width, height: height, filtered: filtered)
    }

    /// Encodes an image surface straight from cairo's pixel buffer, converting to RGB in one pass.
    public func encode(_ surface: Surface) throws -> [UInt8] {
        try encode(try Self.rows(of: surface))
    }

    /// Encodes rows taken from a surface with ``rows(of:)``; needs no cairo, so it can run on any
    /// thread while others draw.
    /// - Parameters:
    ///   - description: the picture's text for accessibility tools, written to an `iTXt`
    ///     "Description" chunk in `language` (a BCP 47 tag).
    public func encode(_ rows: PNGRows, description: String? = nil, language: String = "") throws -> [UInt8] {
        try assemble(width: rows.width, height: rows.height, filtered: rows.filtered, description: description, language: language)
    }

    /// The surface's pixels as PNG rows (RGB, each led by its filter byte), copied out of cairo.
    public static func rows(of surface: Surface) throws -> PNGRows {
        guard surface.kind == .image else { throw GraphicsError("encoding a PNG", reason: "only image surfaces have pixels") }
        let pointer = surface.pointer
        cairo_surface_flush(pointer)
        try GraphicsError.check(cairo_surface_status(pointer), "reading pixels")
        let width = Int(cairo_image_surface_get_width(pointer)), height = Int(cairo_image_surface_get_height(pointer))
        let stride = Int(cairo_image_surface_get_stride(pointer))
        guard let data = cairo_image_surface_get_data(pointer) else {
            throw GraphicsError("reading pixels", reason: "the image has no pixel buffer")
        }
        let rowBytes = width * 3
        // Every byte is written below, so the buffer need not be zeroed first.
        let filtered = [UInt8](unsafeUninitializedCapacity: (rowBytes + 1) * height) { out, initialized in
            initialized = (rowBytes + 1) * height
            guard let base = out.baseAddress else { return }
            for y in 0..<height {
                // RGB24 keeps each pixel as a native-endian 0x00RRGGBB word.
                let row = UnsafeRawPointer(data + y * stride)
                var o = base + y * (rowBytes + 1)
                o.pointee = 0
                o += 1
                for x in 0..<width {
                    let p = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                    o[0] = UInt8(truncatingIfNeeded: p >> 16); o[1] = UInt8(truncatingIfNeeded: p >> 8); o[2] = UInt8(truncatingIfNeeded: p)
                    o += 3
                }
            }
        }
        return PNGRows(width: width, height: height, filtered: filtered)
    }

    private func assemble(width: Int, height: Int, filtered: [UInt8], description: String? = nil, language: String = "") throws -> [UInt8] {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8-bit, truecolour, deflate, adaptive filters, no interlace
        appendChunk("IHDR", header, to: &png)
        // cairo's pixels are sRGB: say so, so colour-managed viewers do not guess.
        appendChunk("sRGB", [0], to: &png)
        if let description {
            // Keyword, null, uncompressed (flag and method 0), language tag, null, no translated keyword, null, UTF-8 text.
            let text = Array("Description".utf8) + [0, 0, 0] + Array(language.utf8.filter { $0 < 0x80 }) + [0, 0] + Array(description.utf8)
            appendChunk("iTXt", text, to: &png)
        }
        if let dotsPerInch, dotsPerInch > 0 {
            let perMetre = UInt32((dotsPerInch / 0.0254).rounded())
            var physical: [UInt8] = []
            physical.appendBigEndian(perMetre)
            physical.appendBigEndian(perMetre)
            physical.append(1)  // unit: metre
            appendChunk("pHYs", physical, to: &png)
        }
        appendChunk("IDAT", try ChunkedDeflate.zlibStream(filtered, level: compressionLevel, threads: threads), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    private func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        var crc = typeBytes.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
        crc = data.withUnsafeBytes { libdeflate_crc32(crc, $0.baseAddress, $0.count) }
        png += typeBytes
        png += data
        png.appendBigEndian(crc)
    }
}

/// An image's rows ready for compression, with no tie to cairo.
public struct PNGRows: Sendable {
    public let width: Int
    public let height: Int
    let filtered: [UInt8]
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value >> 24))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }
}
