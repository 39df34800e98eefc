import Foundation

/// cairo numbers SVG surfaces with a process-wide counter (`id="surface7"`), so the second card
/// rendered in a process would differ from the first. Renumbering the ids in order of first
/// appearance (and every `#surfaceN` reference with them) makes the bytes depend on the card alone.
enum SVGStableIDs {
    static func normalize(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        let marker = Array("surface".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        var index = 0
        while index < bytes.count {
            let preceded = index > 0 && (bytes[index - 1] == UInt8(ascii: "\"") || bytes[index - 1] == UInt8(ascii: "#"))
            if preceded, bytes[index] == marker[0], index + marker.count < bytes.count,
               Array(bytes[index..<index + marker.count]) == marker {
                var end = index + marker.count
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                if end > index + marker.count {
                    let digits = bytes[(index + marker.count)..<end]
                    let number = numbers[digits] ?? (numbers.count + 1)
                    numbers[digits] = number
                    output += marker
                    output += Array("\(number)".utf8)
                    index = end
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return Data(output)
    }
}
