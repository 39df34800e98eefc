import CZlib

/// Writes 8-bit RGB PNG files with zlib directly.
///
/// cairo's own writer uses libpng's defaults (ARGB, heavy compression) and records no resolution.
/// Printed cards are flat artwork: RGB, the Up filter and a fast zlib level compress them about as
/// well in a fraction of the time, and a `pHYs` chunk tells viewers and printers the intended size.
public struct PNGEncoder: Sendable {
    /// zlib level, 1 (fastest) to 9 (smallest).
    public var compressionLevel: Int32
    /// Dots per inch written to the `pHYs` chunk; nil writes none.
    public var dotsPerInch: Double?

    public init(compressionLevel: Int32 = 3, dotsPerInch: Double? = nil) {
        self.compressionLevel = compressionLevel
        self.dotsPerInch = dotsPerInch
    }

    /// Encodes `rgb` (rows of `width` × 3 bytes, top to bottom) as a PNG file.
    public func encode(width: Int, height: Int, rgb: [UInt8]) throws -> [UInt8] {
        guard width > 0, height > 0, rgb.count == width * height * 3 else {
            throw GraphicsError("encoding a PNG", reason: "pixel buffer does not match \(width) × \(height)")
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8-bit, truecolour, deflate, adaptive filters, no interlace
        appendChunk("IHDR", header, to: &png)
        if let dotsPerInch, dotsPerInch > 0 {
            let perMetre = UInt32((dotsPerInch / 0.0254).rounded())
            var physical: [UInt8] = []
            physical.appendBigEndian(perMetre)
            physical.appendBigEndian(perMetre)
            physical.append(1)  // unit: metre
            appendChunk("pHYs", physical, to: &png)
        }
        appendChunk("IDAT", try deflate(filtered(width: width, height: height, rgb: rgb)), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Each row gets the Up filter (difference from the row above), which suits flat artwork.
    private func filtered(width: Int, height: Int, rgb: [UInt8]) -> [UInt8] {
        let rowBytes = width * 3
        var out = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        rgb.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let o = y * (rowBytes + 1)
                    let s = y * rowBytes
                    if y == 0 {
                        dst[o] = 0
                        for x in 0..<rowBytes { dst[o + 1 + x] = src[s + x] }
                    } else {
                        dst[o] = 2
                        for x in 0..<rowBytes { dst[o + 1 + x] = src[s + x] &- src[s - rowBytes + x] }
                    }
                }
            }
        }
        return out
    }

    private func deflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(
            &stream, compressionLevel, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)
        )
        guard status == Z_OK else { throw GraphicsError("encoding a PNG", reason: "zlib could not start (\(status))") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let result: Int32 = input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else {
            throw GraphicsError("encoding a PNG", reason: "zlib stopped early (\(result))")
        }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    private func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += typeBytes
        png += data
        png.appendBigEndian(UInt32(truncatingIfNeeded: crc))
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value >> 24))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }
}
