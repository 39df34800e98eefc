import Foundation

/// Makes a page's SVG fit to be placed on a web page beside others: every id gets a prefix derived
/// from the file's content (two cards inlined in one HTML page no longer share `glyph0-1`), and the
/// root carries the language, a `<title>` and a `<desc>` with the card's text for screen readers.
enum SVGForWeb {
    static func finish(_ svg: Data, title: String, description: String, language: String) -> Data {
        let prefix = "rc" + String(format: "%08x", hash(svg)) + "-"
        // Byte replacements: Foundation's string search is slow on whole files on Linux.
        var bytes = [UInt8](svg)
        for (from, to) in [(" id=\"", " id=\"\(prefix)"), ("href=\"#", "href=\"#\(prefix)"), ("url(#", "url(#\(prefix)")] {
            bytes = ByteSearch.replacing(Array(from.utf8), with: Array(to.utf8), in: bytes)
        }
        // The root element: add the language, then the title and description as its first children.
        if let root = ByteSearch.firstIndex(of: Array("<svg".utf8), in: bytes, from: 0),
            let end = ByteSearch.firstIndex(of: Array(">".utf8), in: bytes, from: root)
        {
            let head = " xml:lang=\"\(escaped(language))\">\n<title>\(escaped(title))</title>\n<desc>\(escaped(description))</desc>\n"
            bytes.replaceSubrange(end...end, with: Array(head.utf8))
        }
        return Data(bytes)
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// 32-bit FNV-1a: enough to tell cards apart on one page, and the same for the same card.
    private static func hash(_ data: Data) -> UInt32 {
        var value: UInt32 = 0x811c_9dc5
        for byte in data {
            value ^= UInt32(byte)
            value = value &* 0x0100_0193
        }
        return value
    }
}
