import CLibdeflate
import CZlib
import Dispatch
import Synchronization

/// One zlib stream compressed in independent pieces, the way pigz does it: each piece is raw
/// deflate primed with the 32 kB before it and closed by a sync flush (the last one ends the
/// stream), and the pieces' Adler-32 checksums are combined. Pieces are cut at fixed offsets, so the
/// bytes depend only on the input, never on how many threads compressed it: a card comes out the
/// same alone or in a batch.
///
/// libdeflate cannot end a piece without ending the stream, so this uses zlib.
enum ChunkedDeflate {
    /// Bytes per piece: small enough to share a 300 dpi card (6.5 MB of rows) among a few cores,
    /// large enough that the sync flushes and the dictionaries cost next to nothing.
    static let pieceSize = 1 << 20
    private static let window = 32 * 1024

    static func zlibStream(_ input: [UInt8], level: Int32, threads: Int) throws -> [UInt8] {
        let pieceCount = max(1, (input.count + pieceSize - 1) / pieceSize)
        let results = Mutex<[Int: Result<(bytes: [UInt8], adler: UInt32), GraphicsError>]>([:])
        // `width` threads, each taking every width-th piece.
        let width = max(1, min(threads, pieceCount))
        DispatchQueue.concurrentPerform(iterations: width) { lane in
            for index in stride(from: lane, to: pieceCount, by: width) {
                let result = input.withUnsafeBytes { whole in
                    Result { () throws(GraphicsError) in try piece(index, of: pieceCount, in: whole, level: level) }
                }
                results.withLock { $0[index] = result }
            }
        }
        var output: [UInt8] = [0x78, 0x01]  // deflate, 32 kB window, "fastest" (informational)
        var adler: UInt = 1
        try results.withLock { results in
            for index in 0..<pieceCount {
                guard let result = results[index] else { throw GraphicsError("compressing a PNG", reason: "a piece was not compressed") }
                let piece = try result.get()
                output += piece.bytes
                let length = min(pieceSize, input.count - index * pieceSize)
                adler = index == 0 ? UInt(piece.adler) : adler32_combine(adler, UInt(piece.adler), Int(length))
            }
        }
        output.appendBigEndian(UInt32(truncatingIfNeeded: adler))
        return output
    }

    private static func piece(
        _ index: Int, of count: Int, in whole: UnsafeRawBufferPointer, level: Int32
    ) throws(GraphicsError) -> (bytes: [UInt8], adler: UInt32) {
        guard let base = whole.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return ([0x03, 0x00], 1) }
        let start = index * pieceSize, length = min(pieceSize, whole.count - start)
        let isLast = index == count - 1
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GraphicsError("compressing a PNG", reason: "zlib could not start at level \(level)")
        }
        defer { deflateEnd(&stream) }
        if start > 0 {
            let dictionary = min(window, start)
            guard deflateSetDictionary(&stream, base + start - dictionary, UInt32(dictionary)) == Z_OK else {
                throw GraphicsError("compressing a PNG", reason: "zlib refused the preceding bytes as a dictionary")
            }
        }
        // The bound covers the data; a sync flush adds at most a few bytes more.
        let capacity = Int(deflateBound(&stream, UInt(length))) + 64
        var status = Z_OK
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
            stream.next_in = UnsafeMutablePointer(mutating: base + start)
            stream.avail_in = UInt32(length)
            stream.next_out = out.baseAddress
            stream.avail_out = UInt32(capacity)
            status = deflate(&stream, isLast ? Z_FINISH : Z_SYNC_FLUSH)
            initialized = capacity - Int(stream.avail_out)
        }
        guard status == (isLast ? Z_STREAM_END : Z_OK), stream.avail_in == 0, stream.avail_out > 0 else {
            throw GraphicsError("compressing a PNG", reason: "zlib stopped early (status \(status))")
        }
        let adler = libdeflate_adler32(1, base + start, length)
        return (bytes, adler)
    }
}
