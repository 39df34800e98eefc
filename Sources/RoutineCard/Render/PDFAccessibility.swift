import Foundation
internal import Graphics

/// Adds to a PDF from cairo 1.16 what cairo cannot write: the document's language, `/MarkInfo`
/// (which makes its structure tree count as a tagged PDF), the title shown in the viewer's window,
/// XMP metadata matching the Info dictionary, a file `/ID`, alternative text for figures, and
/// ToUnicode maps that turn ligature glyphs (ﬁ, ﬂ) back into their letters.
///
/// It appends an incremental update — new versions of the changed objects, their own
/// cross-reference section and a trailer pointing at the previous one — so nothing cairo wrote
/// moves, and the same input gives the same bytes.
enum PDFAccessibility {
    struct Details {
        /// A BCP 47 language tag ("en", "de").
        var language: String
        var title: String
        var subject: String
        var author: String?
        var creator: String
        var date: Date?
        /// The figures' alternative texts, in the order they were drawn (the structure tree's order).
        var figureAlternatives: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Letters for the ligature code points fonts map their ligature glyphs to.
    static let ligatures: [(glyph: String, letters: String)] = [
        ("fb00", "00660066"), ("fb01", "00660069"), ("fb02", "0066006c"), ("fb03", "006600660069"),
        ("fb04", "00660066006c"), ("fb05", "00730074"), ("fb06", "00730074"),
    ]

    static func add(to pdf: Data, _ details: Details) throws -> Data {
        let bytes = [UInt8](pdf)
        let file = try ParsedPDF(bytes)
        var changed: [Int: [UInt8]] = [:]
        var next = file.size

        // XMP metadata, a new object.
        let metadata = next
        next += 1
        let xmp = Array(xmpPacket(details, producer: file.infoString("Producer")).utf8)
        changed[metadata] = Array("<< /Type /Metadata\n   /Subtype /XML\n   /Length \(xmp.count)\n>>\nstream\n".utf8) + xmp + Array("\nendstream".utf8)

        // The catalog, with the language, MarkInfo, the title preference and the metadata.
        var catalog = try file.dictionary(of: file.root)
        var additions = "   /Lang \(hexString(details.language))\n   /Metadata \(metadata) 0 R\n"
        if !catalog.contains("/MarkInfo") { additions += "   /MarkInfo << /Marked true >>\n" }
        if !catalog.contains("/ViewerPreferences") { additions += "   /ViewerPreferences << /DisplayDocTitle true >>\n" }
        catalog = try insert(additions, into: catalog)
        changed[file.root] = Array(catalog.utf8)

        // A Document element at the top of the structure tree (cairo 1.16 cannot open one across
        // pages): the root's children move under it.
        if let treeRoot = ParsedPDF.reference("/StructTreeRoot", in: catalog), case let root = try file.dictionary(of: treeRoot),
            let open = root.range(of: "/K ["), let close = root.range(of: "]", range: open.upperBound..<root.endIndex)
        {
            let document = next
            next += 1
            let children = String(root[open.upperBound..<close.lowerBound])
            changed[document] = Array("<< /Type /StructElem\n   /S /Document\n   /P \(treeRoot) 0 R\n   /K [\(children)]\n>>".utf8)
            changed[treeRoot] = Array((String(root[..<open.upperBound]) + " \(document) 0 R " + String(root[close.lowerBound...])).utf8)
            let parent = "/P \(treeRoot) 0 R"
            for child in children.split(separator: "R").compactMap({ Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") }) {
                let text = try file.dictionary(of: child)
                changed[child] = Array(text.replacingOccurrences(of: parent, with: "/P \(document) 0 R").utf8)
            }
        }

        // Figures, in object order (cairo numbers structure elements in tree order).
        let figures = file.objects(containing: "/S /Figure")
        for (number, alternative) in zip(figures, details.figureAlternatives) {
            // The Document step above may have given it a new parent already.
            let dictionary = try changed[number].map { String(decoding: $0, as: UTF8.self) } ?? file.dictionary(of: number)
            changed[number] = Array(try insert("   /Alt \(hexString(alternative))\n", into: dictionary).utf8)
        }

        // ToUnicode maps: ligature code points become their letters.
        for number in file.references(to: "/ToUnicode") {
            let stream = try file.streamData(of: number)
            var body = stream
            for (glyph, letters) in ligatures {
                body = ByteSearch.replacing(Array("<\(glyph)>".utf8), with: Array("<\(letters)>".utf8), in: body)
                body = ByteSearch.replacing(Array("<\(glyph.uppercased())>".utf8), with: Array("<\(letters)>".utf8), in: body)
            }
            guard body != stream else { continue }
            changed[number] = Array("<< /Length \(body.count) >>\nstream\n".utf8) + body + Array("\nendstream".utf8)
        }

        // Page content: what is drawn outside the structure becomes an artifact.
        for number in file.references(to: "/Contents") {
            guard let marked = PDFArtifacts.marked(try file.streamData(of: number)) else { continue }
            let compressed = try Zlib.deflate(marked)
            changed[number] = Array("<< /Length \(compressed.count)\n   /Filter /FlateDecode\n>>\nstream\n".utf8) + compressed + Array("\nendstream".utf8)
        }

        // The update: objects, their cross-reference section, the trailer.
        var output = bytes
        if output.last != 0x0A { output.append(0x0A) }
        var offsets: [(Int, Int)] = []
        for number in changed.keys.sorted() {
            offsets.append((number, output.count))
            output += Array("\(number) 0 obj\n".utf8) + (changed[number] ?? []) + Array("\nendobj\n".utf8)
        }
        let xref = output.count
        var table = "xref\n"
        for (number, offset) in offsets { table += "\(number) 1\n" + String(format: "%010d 00000 n \n", offset) }
        let id = fileID(bytes)
        table += "trailer\n<< /Size \(next)\n   /Root \(file.root) 0 R\n"
        if let info = file.info { table += "   /Info \(info) 0 R\n" }
        table += "   /Prev \(file.xref)\n   /ID [ <\(id)> <\(id)> ]\n>>\nstartxref\n\(xref)\n%%EOF\n"
        output += Array(table.utf8)
        return Data(output)
    }

    /// `dictionary` with `entries` added before its closing `>>`.
    private static func insert(_ entries: String, into dictionary: String) throws -> String {
        guard let close = dictionary.range(of: ">>", options: .backwards) else { throw Failure(description: "an object is not a dictionary") }
        return String(dictionary[..<close.lowerBound]) + entries + String(dictionary[close.lowerBound...])
    }

    /// A PDF text string in UTF-16BE with its byte-order mark, as hex: any text, nothing to escape.
    static func hexString(_ text: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = Array("<FEFF".utf8)
        for unit in text.utf16 {
            for shift in [12, 8, 4, 0] { out.append(digits[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        out.append(UInt8(ascii: ">"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Two 64-bit FNV-1a hashes of the file: an ID that depends on the content alone.
    private static func fileID(_ bytes: [UInt8]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325, second: UInt64 = 0x6c62_272e_07bb_0142
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
                second = (second ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(first, radix: 16, uppercase: true).leftPadded(16) + String(second, radix: 16, uppercase: true).leftPadded(16)
    }

    private static func xmpPacket(_ details: Details, producer: String?) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let date = details.date.map { DocumentWriter.pdfDate($0) }
        var description = """
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escaped(details.title))</rdf:li></rdf:Alt></dc:title>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(escaped(details.subject))</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>\(escaped(details.language))</rdf:li></rdf:Bag></dc:language>
            <xmp:CreatorTool>\(escaped(details.creator))</xmp:CreatorTool>

            """
        if let author = details.author { description += "<dc:creator><rdf:Seq><rdf:li>\(escaped(author))</rdf:li></rdf:Seq></dc:creator>\n" }
        if let producer { description += "<pdf:Producer>\(escaped(producer))</pdf:Producer>\n" }
        if let date { description += "<xmp:CreateDate>\(date)</xmp:CreateDate>\n<xmp:ModifyDate>\(date)</xmp:ModifyDate>\n" }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            \(description)</rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """
    }
}

/// The parts of a cairo PDF that ``PDFAccessibility`` reads: its cross-reference table, trailer and
/// objects. cairo writes one classic table and no object streams.
struct ParsedPDF {
    let bytes: [UInt8]
    let xref: Int
    /// Byte offsets of the objects in use.
    let offsets: [Int: Int]
    let size: Int
    let root: Int
    let info: Int?

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let label = Array("startxref".utf8)
        var cursor = (ByteSearch.lastIndex(of: label, in: bytes[max(0, bytes.count - 1024)...]) ?? bytes.count) + label.count
        while cursor < bytes.count, [0x0A, 0x0D, 0x20].contains(bytes[cursor]) { cursor += 1 }
        let digits = bytes[min(cursor, bytes.count)...].prefix { (0x30...0x39).contains($0) }
        guard let xref = Int(String(decoding: digits, as: UTF8.self)),
            xref < bytes.count, bytes[xref..<min(xref + 4, bytes.count)].elementsEqual("xref".utf8)
        else { throw PDFAccessibility.Failure(description: "the PDF's cross-reference table is not where startxref says") }
        self.xref = xref
        // Lines of the table: "xref", then subsections "first count" and 20-byte entries, then "trailer".
        var offsets: [Int: Int] = [:]
        var index = xref
        func line() -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            defer { index += 1 }
            return bytes[start..<index]
        }
        func number(_ slice: ArraySlice<UInt8>) -> Int? {
            var value = 0
            for byte in slice {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return slice.isEmpty ? nil : value
        }
        _ = line()
        var trailer = ""
        while index < bytes.count {
            let header = line()
            if header.starts(with: "trailer".utf8) {
                trailer = String(decoding: bytes[index...], as: UTF8.self)
                break
            }
            let parts = header.split(separator: 0x20)
            guard parts.count == 2, let first = number(parts[0]), let count = number(parts[1]), index + 20 * count <= bytes.count else {
                throw PDFAccessibility.Failure(description: "a cross-reference subsection is malformed")
            }
            for entry in 0..<count {
                let start = index + 20 * entry
                guard let offset = number(bytes[start..<start + 10]) else {
                    throw PDFAccessibility.Failure(description: "a cross-reference entry is malformed")
                }
                if bytes[start + 17] == UInt8(ascii: "n") { offsets[first + entry] = offset }
            }
            index += 20 * count
        }
        func reference(_ key: String) -> Int? {
            guard let range = trailer.range(of: "/\(key) ") else { return nil }
            return Int(trailer[range.upperBound...].prefix { $0.isNumber })
        }
        guard let size = reference("Size"), let root = reference("Root") else {
            throw PDFAccessibility.Failure(description: "the PDF's trailer has no /Size or /Root")
        }
        self.offsets = offsets
        self.size = size
        self.root = root
        self.info = reference("Info")
    }

    var objectNumbers: [Int] { offsets.keys.sorted() }

    /// The object `key N 0 R` points at in a dictionary's text.
    static func reference(_ key: String, in dictionary: String) -> Int? {
        guard let range = dictionary.range(of: key + " ") else { return nil }
        return Int(dictionary[range.upperBound...].prefix { $0.isNumber })
    }

    /// The bytes between `N 0 obj` and `endobj`.
    func body(of number: Int) throws -> ArraySlice<UInt8> {
        guard let offset = offsets[number] else { throw PDFAccessibility.Failure(description: "object \(number) is missing") }
        let header = Array("\(number) 0 obj".utf8)
        guard bytes[offset...].starts(with: header) else { throw PDFAccessibility.Failure(description: "object \(number) is not where the table says") }
        let start = offset + header.count
        guard let end = ByteSearch.firstIndex(of: Array("endobj".utf8), in: bytes, from: start) else {
            throw PDFAccessibility.Failure(description: "object \(number) has no end")
        }
        return bytes[start..<end]
    }

    /// An object that is a dictionary (not a stream), as text.
    func dictionary(of number: Int) throws -> String {
        String(decoding: try body(of: number), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The numbers of the objects `key N 0 R` points at, anywhere in the file.
    func references(to key: String) -> [Int] {
        let needle = Array((key + " ").utf8)
        var found: Set<Int> = []
        var search = 0
        while let index = ByteSearch.firstIndex(of: needle, in: bytes, from: search) {
            let digits = bytes[(index + needle.count)...].prefix { (0x30...0x39).contains($0) }
            if let number = Int(String(decoding: digits, as: UTF8.self)) { found.insert(number) }
            search = index + needle.count
        }
        return found.sorted()
    }

    /// The objects whose text holds `text` (such as `/S /Figure`), in order.
    func objects(containing text: String) -> [Int] {
        let needle = Array(text.utf8)
        let starts = offsets.map { (offset: $0.value, number: $0.key) }.sorted { $0.offset < $1.offset }
        var found: [Int] = []
        var search = 0
        while let index = ByteSearch.firstIndex(of: needle, in: bytes, from: search), index < xref {
            // The object that holds it is the last one starting before it.
            var low = 0, high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle].offset <= index { low = middle + 1 } else { high = middle }
            }
            if low > 0, found.last != starts[low - 1].number { found.append(starts[low - 1].number) }
            search = index + needle.count
        }
        return found.sorted()
    }

    /// A stream object's data, inflated when it is compressed with FlateDecode.
    func streamData(of number: Int) throws -> [UInt8] {
        let body = try self.body(of: number)
        let start = Array("stream".utf8), end = Array("endstream".utf8)
        guard let open = ByteSearch.firstIndex(of: start, in: bytes, from: body.startIndex), open < body.endIndex,
            let close = ByteSearch.lastIndex(of: end, in: body)
        else {
            throw PDFAccessibility.Failure(description: "object \(number) is not a stream")
        }
        var dataStart = open + start.count
        if dataStart < body.endIndex, body[dataStart] == 0x0D { dataStart += 1 }
        if dataStart < body.endIndex, body[dataStart] == 0x0A { dataStart += 1 }
        var data = Array(body[dataStart..<close])
        if data.last == 0x0A { data.removeLast() }
        let dictionary = String(decoding: body[..<open], as: UTF8.self)
        return dictionary.contains("/FlateDecode") ? try Zlib.inflate(data) : data
    }

    /// A literal string value of the Info dictionary, when it is plain ASCII.
    func infoString(_ key: String) -> String? {
        guard let info, let text = try? dictionary(of: info), let range = text.range(of: "/\(key) (") else { return nil }
        // Balanced parentheses may stand inside a literal string unescaped.
        var depth = 0
        var value = ""
        for character in text[range.upperBound...] {
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { return value }
                depth -= 1
            }
            value.append(character)
        }
        return nil
    }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
