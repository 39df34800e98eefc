import Foundation

/// Makes a page's SVG fit to be placed on a web page beside others: every id gets a prefix derived
/// from the file's content (two cards inlined in one HTML page no longer share `glyph0-1`), and the
/// root carries the language, a `<title>` and a `<desc>` with the card's text for screen readers.
enum SVGForWeb {
    static func finish(_ svg: Data, title: String, description: String, language: String) -> Data {
        let prefix = "rc" + String(format: "%08x", hash(svg)) + "-"
        var text = String(decoding: svg, as: UTF8.self)
        text = text.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)")
        text = text.replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)")
        text = text.replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
        // The root element: add the language, then the title and description as its first children.
        if let root = text.range(of: "<svg"), let end = text.range(of: ">", range: root.upperBound..<text.endIndex) {
            let head = "<title>\(escaped(title))</title>\n<desc>\(escaped(description))</desc>\n"
            text.replaceSubrange(end, with: " xml:lang=\"\(escaped(language))\">\n" + head)
        }
        return Data(text.utf8)
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
