import Testing
@testable import Graphics

/// The pieces must form one valid zlib stream (libdeflate, a different implementation, checks the
/// data and the combined checksum), and the bytes must not depend on the thread count.
struct ChunkedDeflateTests {
    /// Flat runs like a card's margins, then noise like anti-aliased text.
    static func sample(_ count: Int) -> [UInt8] {
        var state: UInt32 = 2_463_534_242
        return (0..<count).map { i in
            if (i / 70_000) % 3 == 0 { return 0xFF }
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            return UInt8(truncatingIfNeeded: state % 7)
        }
    }

    @Test(arguments: [0, 1, 1_000, ChunkedDeflate.pieceSize, ChunkedDeflate.pieceSize + 1, 3 * ChunkedDeflate.pieceSize + 12_345])
    func piecesInflateToTheInput(_ count: Int) throws {
        let input = Self.sample(count)
        let stream = try ChunkedDeflate.zlibStream(input, level: 2, threads: 4)
        #expect(try PNGEncoderTests.inflate(stream, size: count) == input)
    }

    @Test func theThreadCountDoesNotChangeTheBytes() throws {
        let input = Self.sample(3 * ChunkedDeflate.pieceSize + 777)
        let alone = try ChunkedDeflate.zlibStream(input, level: 2, threads: 1)
        #expect(try ChunkedDeflate.zlibStream(input, level: 2, threads: 2) == alone)
        #expect(try ChunkedDeflate.zlibStream(input, level: 2, threads: 8) == alone)
    }
}
