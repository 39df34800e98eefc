/// What measuring a paragraph at a width found.
struct TextMetrics: Hashable, Sendable {
    var width: Double
    var height: Double
    var lineCount: Int
    /// For each line: the UTF-8 offset where it starts and the y of its bottom edge.
    var lines: [(start: Int, bottom: Double)]
    /// Characters that no available font can draw.
    var unknownGlyphs: Int

    static func == (a: TextMetrics, b: TextMetrics) -> Bool {
        a.width == b.width && a.height == b.height && a.lineCount == b.lineCount
    }
    func hash(into hasher: inout Hasher) { hasher.combine(height); hasher.combine(lineCount) }
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
