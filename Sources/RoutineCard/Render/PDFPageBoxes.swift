import Foundation

/// Adds TrimBox and BleedBox to the pages of a PDF written by cairo, which has no API for them.
///
/// cairo writes one classic cross-reference table and page dictionaries with a `/MediaBox` line.
/// The boxes are inserted after each MediaBox, and every offset in the table (and `startxref`) is
/// moved by the bytes inserted before it, so the file stays valid (`qpdf --check` agrees).
enum PDFPageBoxes {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameters:
    ///   - trim: the trimmed page size in points; the media is `bleed` larger on every side.
    static func add(to pdf: Data, trim: Size, bleed: Double) throws -> Data {
        let bytes = [UInt8](pdf)
        guard let startLabel = ByteSearch.lastIndex(of: Array("startxref".utf8), in: bytes[...]) else { throw Failure(description: "the PDF has no startxref") }
        var cursor = startLabel + "startxref".utf8.count
        while cursor < bytes.count, bytes[cursor] == 0x0A || bytes[cursor] == 0x0D || bytes[cursor] == 0x20 { cursor += 1 }
        let digits = bytes[cursor...].prefix { (0x30...0x39).contains($0) }
        guard let xref = Int(String(decoding: digits, as: UTF8.self)), xref < bytes.count,
            bytes[xref..<min(xref + 4, bytes.count)].elementsEqual("xref".utf8)
        else {
            throw Failure(description: "the PDF's cross-reference table is not where startxref says")
        }

        // The text to insert after each page's MediaBox line.
        func number(_ value: Double) -> String { String(format: "%.6f", value) }
        let boxes =
            "\n   /TrimBox [ \(number(bleed)) \(number(bleed)) \(number(trim.width + bleed)) \(number(trim.height + bleed)) ]"
            + "\n   /BleedBox [ 0 0 \(number(trim.width + 2 * bleed)) \(number(trim.height + 2 * bleed)) ]"
        let insertion = Array(boxes.utf8)
        var positions: [Int] = []
        var search = 0
        while let page = ByteSearch.firstIndex(of: Array("/Type /Page".utf8), in: bytes, from: search), page < xref {
            search = page + 1
            let after = page + "/Type /Page".utf8.count
            if after < bytes.count, bytes[after] == UInt8(ascii: "s") { continue }  // the /Pages tree
            guard let media = ByteSearch.firstIndex(of: Array("/MediaBox".utf8), in: bytes, from: page), media < xref,
                let close = bytes[media..<xref].firstIndex(of: UInt8(ascii: "]"))
            else {
                throw Failure(description: "a page has no MediaBox")
            }
            positions.append(close + 1)
        }
        guard !positions.isEmpty else { throw Failure(description: "the PDF has no pages") }

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + positions.count * insertion.count)
        var previous = 0
        for position in positions {
            output += bytes[previous..<position]
            output += insertion
            previous = position
        }
        output += bytes[previous..<xref]
        func shifted(_ offset: Int) -> Int { offset + positions.filter { $0 <= offset }.count * insertion.count }

        // Rewrite the table: "xref", then subsections "first count" and 20-byte entries.
        var index = xref
        func readLine() -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            let line = bytes[start..<index]
            index += 1
            return line
        }
        output += readLine() + [0x0A]
        while index < bytes.count {
            let header = readLine()
            let text = String(decoding: header, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let parts = text.split(separator: " ")
            guard parts.count == 2, let count = Int(parts[1]) else {
                output += header + [0x0A]
                break  // "trailer": the rest is copied below
            }
            output += header + [0x0A]
            for _ in 0..<count {
                let entry = bytes[index..<min(index + 20, bytes.count)]
                guard entry.count == 20, let offset = Int(String(decoding: entry.prefix(10), as: UTF8.self)) else {
                    throw Failure(description: "a cross-reference entry is malformed")
                }
                let inUse = entry[entry.startIndex + 17] == UInt8(ascii: "n")
                output += Array(String(format: "%010d", inUse ? shifted(offset) : offset).utf8) + entry.dropFirst(10)
                index += 20
            }
        }
        // The trailer, with the new position of the table.
        let tail = Array(bytes[index...])
        guard let label = ByteSearch.lastIndex(of: Array("startxref".utf8), in: tail[...]) else { throw Failure(description: "the PDF has no startxref") }
        output += tail[..<label]
        output += Array("startxref\n\(shifted(xref))\n%%EOF\n".utf8)
        return Data(output)
    }
}
