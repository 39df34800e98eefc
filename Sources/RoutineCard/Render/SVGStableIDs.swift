import Foundation

/// cairo numbers some SVG ids with process-wide counters (`id="surface7"`, `image1869`,
/// `pattern12`), so a card's bytes would depend on what the process drew before it (in a batch, on
/// which worker drew it). Renumbering each kind of id in order of first appearance (and every
/// `#id` reference with it) makes the bytes depend on the card alone.
enum SVGStableIDs {
    private static let prefixes = ["surface", "image", "pattern", "clip", "mask", "filter", "source"].map { Array($0.utf8) }

    static func normalize(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var numbers: [[UInt8]: [ArraySlice<UInt8>: Int]] = [:]
        var index = 0
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        scan: while index < bytes.count {
            let preceded = index > 0 && (bytes[index - 1] == UInt8(ascii: "\"") || bytes[index - 1] == UInt8(ascii: "#"))
            if preceded {
                for prefix in prefixes
                where bytes[index] == prefix[0] && index + prefix.count < bytes.count
                    && bytes[index..<index + prefix.count].elementsEqual(prefix)
                {
                    var end = index + prefix.count
                    while end < bytes.count, digits.contains(bytes[end]) { end += 1 }
                    // Only a whole id: the digits must end it (`glyph0-1` and words are left alone).
                    guard end > index + prefix.count, end < bytes.count,
                        bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: ")")
                    else { continue }
                    let found = bytes[(index + prefix.count)..<end]
                    let number = numbers[prefix, default: [:]][found] ?? ((numbers[prefix]?.count ?? 0) + 1)
                    numbers[prefix, default: [:]][found] = number
                    output += prefix
                    output += Array("\(number)".utf8)
                    index = end
                    continue scan
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return Data(output)
    }
}
