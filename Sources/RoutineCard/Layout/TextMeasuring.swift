/// What measuring a paragraph at a width found.
struct TextMetrics: Hashable, Sendable {
    /// One line: the UTF-8 offset where it starts and the y of its bottom edge.
    struct Line: Hashable, Sendable {
        var start: Int
        var bottom: Double
    }

    var width: Double
    var height: Double
    var lineCount: Int
    var lines: [Line]
    /// Characters that no available font can draw.
    var unknownGlyphs: Int
}

/// A paragraph to measure or draw: text, emphasis, font and alignment at a given width.
struct TextRequest: Hashable, Sendable {
    var text: String
    var emphasis: [EmphasizedText.Run]
    var font: FontStyle
    var alignment: TextAlignment
    var width: Double
}

/// Measures text the way the renderer will draw it. Layout depends only on this protocol, so
/// layout stays independent of any surface.
protocol TextMeasuring: AnyObject {
    func measure(_ request: TextRequest) throws -> TextMetrics
}
