import Foundation

/// Byte searches with the C library's `memchr`: Foundation's string search is far too slow for
/// whole PDF files on Linux.
enum ByteSearch {
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start >= 0, !needle.isEmpty, start + needle.count <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = haystack.baseAddress, let first = pattern.baseAddress else { return nil }
                var index = start
                let last = haystack.count - pattern.count
                while index <= last {
                    // memchr finds the first byte; then the rest is compared.
                    guard let hit = memchr(base + index, Int32(pattern[0]), last - index + 1) else { return nil }
                    index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, first, pattern.count) == 0 { return index }
                    index += 1
                }
                return nil
            }
        }
    }

    /// The last place `needle` starts inside `slice`, as an index of the whole array.
    static func lastIndex(of needle: [UInt8], in slice: ArraySlice<UInt8>) -> Int? {
        var index = slice.endIndex - needle.count
        while index >= slice.startIndex {
            if slice[index] == needle[0], slice[index..<index + needle.count].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    static func replacing(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var search = 0
        while let index = firstIndex(of: needle, in: bytes, from: search) {
            output += bytes[search..<index] + replacement
            search = index + needle.count
        }
        guard search > 0 else { return bytes }
        return output + bytes[search...]
    }
}
