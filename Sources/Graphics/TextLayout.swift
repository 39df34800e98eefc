import CPangoCairo

/// How a paragraph looks: the font and the paragraph settings.
public struct TextStyle: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, center, right }

    public var family: String
    /// Size in points.
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    /// Line height as a multiple of the font's natural line height.
    public var lineSpacing: Double
    public var alignment: Alignment
    /// The text's language (a BCP 47 tag): a word too wide for its line breaks at that language's
    /// hyphenation points. Nil: no hyphenation.
    public var language: String?

    public init(
        family: String, size: Double, bold: Bool = false, italic: Bool = false,
        lineSpacing: Double = 1, alignment: Alignment = .left, language: String? = nil
    ) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
        self.lineSpacing = lineSpacing
        self.alignment = alignment
        self.language = language
    }
}

/// A stretch of a paragraph with its own emphasis or colour. Offsets count UTF-8 bytes.
public struct TextSpan: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var bold: Bool
    public var italic: Bool
    public var color: RGBColor?

    public init(start: Int, end: Int, bold: Bool = false, italic: Bool = false, color: RGBColor? = nil) {
        self.start = start
        self.end = end
        self.bold = bold
        self.italic = italic
        self.color = color
    }
}

/// A paragraph laid out by Pango at a fixed width: measured before it is drawn.
///
/// The text is set as plain text with attributes, never parsed as markup.
public final class TextLayout {
    let pointer: OpaquePointer
    /// UTF-8 offsets, in the text Pango was given, of the soft hyphens hyphenation inserted; the
    /// offsets this layout reports are those of the caller's text.
    private var softHyphens: [Int] = []

    /// Lays out `text` to wrap at `width` points (nil: no wrapping).
    public init(engine: TextEngine, text: String, style: TextStyle, spans: [TextSpan] = [], width: Double?) throws {
        guard let pointer = pango_layout_new(engine.context) else {
            throw GraphicsError("creating a text layout", reason: "Pango returned no layout")
        }
        self.pointer = pointer
        let key = TextEngine.FontKey(family: style.family, size: style.size, bold: style.bold, italic: style.italic)
        guard let font = engine.fontDescription(key) else {
            throw GraphicsError("choosing the font \(style.family)", reason: "Pango could not describe it")
        }
        pango_layout_set_font_description(pointer, font)
        if let width {
            // Clamped before converting: Int(_:) traps on a width too large (or not finite) for it.
            let units = (width * Double(PANGO_SCALE)).rounded(.down)
            pango_layout_set_width(pointer, units.isNaN ? -1 : Int32(max(Double(Int32.min), min(units, Double(Int32.max)))))
            pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
        }
        if style.lineSpacing != 1 { pango_layout_set_line_spacing(pointer, Float(style.lineSpacing)) }
        switch style.alignment {
        case .left: pango_layout_set_alignment(pointer, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(pointer, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(pointer, PANGO_ALIGN_RIGHT)
        }
        var text = text, spans = spans
        // Hyphenation only where a word could be too wide: most text is passed over after one scan of its bytes.
        if let width, width > 0, let language = style.language, Double(Self.longestLetterRun(text)) * style.size * 0.7 > width,
            let soft = Hyphenation.softHyphenated(
                text, language: language,
                isTooWide: { word in
                    // Measured only when even wide letters could not fit; a bold word is a little wider.
                    Double(word.unicodeScalars.count) * style.size * 0.7 > width && Self.naturalWidth(word, engine: engine, font: font) * 1.08 > width
                })
        {
            text = soft.text
            softHyphens = soft.hyphens
            // Inserted hyphen i sat at offset hyphens[i] - 2i of the original text (U+00AD is two bytes).
            func moved(_ offset: Int) -> Int { offset + 2 * soft.hyphens.enumerated().filter { $0.element - 2 * $0.offset < offset }.count }
            spans = spans.map { TextSpan(start: moved($0.start), end: moved($0.end), bold: $0.bold, italic: $0.italic, color: $0.color) }
        }
        pango_layout_set_text(pointer, text, Int32(clamping: text.utf8.count))
        if !spans.isEmpty { try applySpans(spans) }
    }

    /// The most UTF-8 bytes in a row that could belong to one word (letters and multi-byte
    /// characters): a bound, found without decoding, on the longest word's length in characters.
    private static func longestLetterRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for byte in text.utf8 {
            let isLetter = byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            run = isLetter ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// The width of `word` on one line in `font`, in points.
    private static func naturalWidth(_ word: String, engine: TextEngine, font: OpaquePointer) -> Double {
        guard let scratch = pango_layout_new(engine.context) else { return .infinity }
        defer { g_object_unref(UnsafeMutableRawPointer(scratch)) }
        pango_layout_set_font_description(scratch, font)
        pango_layout_set_text(scratch, word, Int32(clamping: word.utf8.count))
        var logical = PangoRectangle()
        pango_layout_get_extents(scratch, nil, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    private func applySpans(_ spans: [TextSpan]) throws {
        guard let list = pango_attr_list_new() else {
            throw GraphicsError("styling text", reason: "Pango returned no attribute list")
        }
        defer { pango_attr_list_unref(list) }
        func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?, _ span: TextSpan) {
            guard let attribute else { return }
            attribute.pointee.start_index = guint(clamping: span.start)
            attribute.pointee.end_index = guint(clamping: span.end)
            pango_attr_list_insert(list, attribute)  // the list takes ownership
        }
        for span in spans where span.end > span.start {
            if span.bold { insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD), span) }
            if span.italic { insert(pango_attr_style_new(PANGO_STYLE_ITALIC), span) }
            if let color = span.color {
                func channel(_ value: Double) -> UInt16 { UInt16(clamping: Int((value * 65535).rounded())) }
                insert(pango_attr_foreground_new(channel(color.red), channel(color.green), channel(color.blue)), span)
            }
        }
        pango_layout_set_attributes(pointer, list)
    }

    /// The logical size in points: the width of the widest line and the height of all lines.
    public var size: (width: Double, height: Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, nil, &logical)
        return (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
    }

    /// Each line's first byte (UTF-8 offset into the text) and the y of its bottom edge, in points.
    public var lines: [(start: Int, bottom: Double)] {
        guard let iterator = pango_layout_get_iter(pointer) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        var result: [(start: Int, bottom: Double)] = []
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let index = Int(pango_layout_iter_get_index(iterator))
            // Back to the caller's text: less the soft hyphens before it.
            let start = index - 2 * softHyphens.filter { $0 < index }.count
            result.append((start, Double(logical.y + logical.height) / Double(PANGO_SCALE)))
        } while pango_layout_iter_next_line(iterator) != 0
        return result
    }

    /// How many lines the paragraph broke into.
    public var lineCount: Int { Int(pango_layout_get_line_count(pointer)) }

    /// How many characters no available font could draw.
    public var unknownGlyphCount: Int { Int(pango_layout_get_unknown_glyphs_count(pointer)) }
}
