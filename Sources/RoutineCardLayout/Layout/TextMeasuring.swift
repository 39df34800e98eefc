import RoutineCardModel

/// What measuring a paragraph at a width found.
package struct TextMetrics: Hashable, Sendable {
    /// One line: the UTF-8 offset where it starts and the y of its bottom edge.
    package struct Line: Hashable, Sendable {
        package var start: Int
        package var bottom: Double

        package init(start: Int, bottom: Double) {
            self.start = start
            self.bottom = bottom
        }
    }

    package var width: Double
    package var height: Double
    package var lineCount: Int
    package var lines: [Line]
    /// Characters that no available font can draw.
    package var unknownGlyphs: Int

    package init(width: Double, height: Double, lineCount: Int, lines: [Line], unknownGlyphs: Int) {
        self.width = width
        self.height = height
        self.lineCount = lineCount
        self.lines = lines
        self.unknownGlyphs = unknownGlyphs
    }
}

/// A paragraph to measure or draw: text, emphasis, font and alignment at a given width.
package struct TextRequest: Hashable, Sendable {
    package var text: String
    package var emphasis: [EmphasizedText.Run]
    package var font: FontStyle
    package var alignment: TextAlignment
    package var width: Double
    /// The text's language, for hyphenating a word too wide for the line; nil for labels and marks.
    package var language: String?

    package init(
        text: String, emphasis: [EmphasizedText.Run], font: FontStyle, alignment: TextAlignment, width: Double, language: String? = nil
    ) {
        self.text = text
        self.emphasis = emphasis
        self.font = font
        self.alignment = alignment
        self.width = width
        self.language = language
    }

    // Written out and inlinable: the measurer, in another module, looks requests up in its caches
    // thousands of times per card, and a derived conformance is not inlined across modules.
    @inlinable package static func == (a: TextRequest, b: TextRequest) -> Bool {
        a.width == b.width && a.font == b.font && a.alignment == b.alignment && a.text == b.text && a.emphasis == b.emphasis
            && a.language == b.language
    }

    @inlinable package func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(width)
        hasher.combine(font)
        hasher.combine(alignment)
        hasher.combine(emphasis.count)
    }
}

/// Measures text the way the renderer will draw it. Layout depends only on this protocol, so
/// layout stays independent of any surface.
package protocol TextMeasuring: AnyObject {
    func measure(_ request: TextRequest) throws -> TextMetrics
    /// The family text asked to be set in `family` is really set in (the font system substitutes
    /// one that is not installed); nil when it cannot be told.
    func familyInUse(for family: String) throws -> String?
}

extension TextMeasuring {
    /// A measurer without fonts cannot tell.
    package func familyInUse(for family: String) throws -> String? { nil }
}
