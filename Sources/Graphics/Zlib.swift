import CLibdeflate
import CZlib

/// Reads and writes zlib streams (the `FlateDecode` filter of PDF streams).
public enum Zlib {
    /// `data` as a zlib stream (libdeflate, level 6; deterministic: the same bytes give the same stream).
    public static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(6) else { throw GraphicsError("compressing a stream", reason: "libdeflate could not start") }
        defer { libdeflate_free_compressor(compressor) }
        var output = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, data.count))
        let size = output.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in libdeflate_zlib_compress(compressor, source.baseAddress, source.count, target.baseAddress, target.count) }
        }
        guard size > 0 else { throw GraphicsError("compressing a stream", reason: "the output did not fit its bound") }
        return Array(output.prefix(size))
    }

    /// The bytes `compressed` holds; refuses more than `limit` bytes of output.
    public static func inflate(_ compressed: [UInt8], limit: Int = 64 << 20) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GraphicsError("reading a compressed stream", reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var input = compressed
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if result != Z_OK || output.count > limit { return result }
            }
        }
        guard status == Z_STREAM_END else {
            throw GraphicsError("reading a compressed stream", reason: output.count > limit ? "it is larger than \(limit) bytes" : "zlib status \(status)")
        }
        return output
    }
}
