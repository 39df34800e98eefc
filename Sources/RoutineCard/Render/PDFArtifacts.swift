/// Marks what a tagged PDF's structure leaves out — backgrounds, rules, box outlines, crop marks,
/// decorative icons — as artifacts, so that screen readers and PDF/UA checkers know it is not
/// content. cairo 1.16 has no artifact tag (`cairo_tag_begin(cr, "Artifact", …)` fails), so each
/// page's content stream is read afterwards and every graphics object drawn outside marked content
/// is wrapped in `/Artifact BMC … EMC`. Nothing is moved or redrawn: the page looks the same.
enum PDFArtifacts {
    /// `content` with its unmarked graphics objects wrapped; nil when there is nothing to wrap or
    /// the stream cannot be read with certainty (it is then left as it was).
    static func marked(_ content: [UInt8]) -> [UInt8]? {
        guard let ranges = unmarkedObjects(in: content), !ranges.isEmpty else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(content.count + ranges.count * 20)
        var copied = 0
        for range in ranges {
            output += content[copied..<range.lowerBound]
            output += Array("/Artifact BMC\n".utf8)
            output += content[range]
            output += Array("\nEMC".utf8)
            copied = range.upperBound
        }
        output += content[copied...]
        return output
    }

    /// Operators by their code (``ContentScanner/code(_:)``): a content stream has thousands, and
    /// comparing small integers keeps the scan to a fraction of a millisecond a page.
    private static func codes(_ names: [String]) -> Set<UInt32> { Set(names.map { ContentScanner.code(Array($0.utf8)[...]) }) }
    private static let paints = codes(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"])
    private static let pathStarts = codes(["m", "re"])
    private static let pathOperators = codes(["m", "l", "c", "v", "y", "h", "re", "W", "W*"])
    private static let showOperators = codes(["Tj", "TJ", "'", "\""])
    private static let n = ContentScanner.code(Array("n".utf8)[...])
    private static let (bmc, bdc, emc, bt, et, doXObject, sh, bi) = (
        ContentScanner.code(Array("BMC".utf8)[...]), ContentScanner.code(Array("BDC".utf8)[...]), ContentScanner.code(Array("EMC".utf8)[...]),
        ContentScanner.code(Array("BT".utf8)[...]), ContentScanner.code(Array("ET".utf8)[...]), ContentScanner.code(Array("Do".utf8)[...]),
        ContentScanner.code(Array("sh".utf8)[...]), ContentScanner.code(Array("BI".utf8)[...])
    )

    /// The byte ranges of graphics objects (painted paths, text objects, XObjects, shadings) drawn
    /// outside any marked-content sequence; nil when the stream does not parse or nest cleanly.
    static func unmarkedObjects(in content: [UInt8]) -> [Range<Int>]? {
        var scanner = ContentScanner(bytes: content)
        var ranges: [Range<Int>] = []
        var depth = 0
        var pathStart: Int?
        var textStart: Int?
        var textShows = false
        while let token = scanner.next() {
            guard case .operator(let name, let range, let operandsStart) = token else {
                if case .failure = token { return nil }
                continue
            }
            switch name {
            case bmc, bdc:
                depth += 1
            case emc:
                depth -= 1
                guard depth >= 0 else { return nil }
            case bt:
                textStart = depth == 0 ? range.lowerBound : nil
                textShows = false
            case et:
                if let start = textStart, depth == 0, textShows { ranges.append(start..<range.upperBound) }
                textStart = nil
            case doXObject, sh:
                if depth == 0, textStart == nil { ranges.append(operandsStart..<range.upperBound) }
            case bi:
                // An inline image: its data runs to EI.
                guard let end = scanner.skipInlineImage() else { return nil }
                if depth == 0, textStart == nil { ranges.append(range.lowerBound..<end) }
            default:
                if showOperators.contains(name) { textShows = true }
                if pathOperators.contains(name) {
                    if pathStart == nil, pathStarts.contains(name) { pathStart = depth == 0 && textStart == nil ? operandsStart : -1 }
                } else if paints.contains(name) || name == n {
                    if let start = pathStart, start >= 0, paints.contains(name) { ranges.append(start..<range.upperBound) }
                    pathStart = nil
                }
            }
        }
        guard depth == 0 else { return nil }
        // Objects interleaved in a way no valid stream has (a text object inside an open path):
        // not read with certainty.
        ranges.sort { $0.lowerBound < $1.lowerBound }
        for (previous, range) in zip(ranges, ranges.dropFirst()) where range.lowerBound < previous.upperBound { return nil }
        return ranges
    }
}

/// The tokens of a PDF content stream: operands are skipped over, operators reported with where
/// their operands began.
private struct ContentScanner {
    enum Token {
        case operand
        /// An operator's ``code(_:)``, where it is, and where its operands began.
        case `operator`(UInt32, Range<Int>, operandsStart: Int)
        case failure
    }

    let bytes: [UInt8]
    var position = 0
    /// Where the operands of the next operator begin (nil: it has none yet).
    private var operandsStart: Int?

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// A word of up to three bytes packed into an integer (every PDF operator is that short);
    /// longer words get a code no operator has.
    static func code(_ word: ArraySlice<UInt8>) -> UInt32 {
        guard word.count <= 3 else { return .max }
        return word.reduce(UInt32(word.count) << 24) { $0 << 8 | UInt32($1) }
    }

    /// Operands that look like words.
    private static func isKeyword(_ word: ArraySlice<UInt8>) -> Bool {
        word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8)
    }

    /// Each byte's class: 1 white space, 2 delimiter, 0 part of a word. A table, because the scan
    /// asks for every byte of every page.
    private static let classes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        if [0x20, 0x0A, 0x0D, 0x09, 0x0C, 0].contains(byte) { return 1 }
        return "()<>[]{}/%".utf8.contains(UInt8(byte)) ? 2 : 0
    }
    private static func isWhite(_ byte: UInt8) -> Bool { classes[Int(byte)] == 1 }
    private static func isDelimiter(_ byte: UInt8) -> Bool { classes[Int(byte)] == 2 }
    /// Neither white space nor a delimiter.
    private static func isRegular(_ byte: UInt8) -> Bool { classes[Int(byte)] == 0 }

    mutating func next() -> Token? {
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWhite(byte) {
                position += 1
                continue
            }
            if byte == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
                continue
            }
            let start = position
            switch byte {
            case UInt8(ascii: "("):
                guard skipLiteralString() else { return .failure }
            case UInt8(ascii: "<"):
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                    position += 2
                } else {
                    guard let close = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { return .failure }
                    position = close + 1
                }
            case UInt8(ascii: ">"):
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { return .failure }
                position += 2
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                position += 1
            case UInt8(ascii: "/"):
                position += 1
                while position < bytes.count, Self.isRegular(bytes[position]) { position += 1 }
            case UInt8(ascii: ")"):
                return .failure
            default:
                while position < bytes.count, Self.isRegular(bytes[position]) { position += 1 }
                let word = bytes[start..<position]
                let isNumber = word.allSatisfy {
                    ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+")
                }
                if !isNumber, !Self.isKeyword(word) {
                    defer { operandsStart = nil }
                    return .operator(Self.code(word), start..<position, operandsStart: operandsStart ?? start)
                }
            }
            if operandsStart == nil { operandsStart = start }
            return .operand
        }
        return nil
    }

    /// Past a literal string: balanced parentheses, backslash escapes.
    private mutating func skipLiteralString() -> Bool {
        var depth = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 {
                    position += 1
                    return true
                }
            default: break
            }
            position += 1
        }
        return false
    }

    /// Past an inline image's data (after `BI` … `ID`) and its `EI`; the end of `EI`, or nil.
    mutating func skipInlineImage() -> Int? {
        guard let id = ByteSearch.firstIndex(of: Array("ID".utf8), in: bytes, from: position) else { return nil }
        var search = id + 3
        while let end = ByteSearch.firstIndex(of: Array("EI".utf8), in: bytes, from: search) {
            let before = end > 0 ? bytes[end - 1] : 0x20
            let after = end + 2 < bytes.count ? bytes[end + 2] : 0x20
            if Self.isWhite(before), Self.isWhite(after) || Self.isDelimiter(after) {
                position = end + 2
                operandsStart = nil
                return position
            }
            search = end + 2
        }
        return nil
    }
}
