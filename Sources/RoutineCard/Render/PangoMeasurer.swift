internal import Graphics

/// Measures text with Pango through the same settings the renderer draws with, and remembers
/// results: the fitter measures the same paragraphs at several sizes.
final class PangoMeasurer: TextMeasuring {
    let engine: TextEngine
    private var cache: [TextRequest: TextMetrics] = [:]

    init(engine: TextEngine) { self.engine = engine }

    func measure(_ request: TextRequest) throws -> TextMetrics {
        if let cached = cache[request] { return cached }
        let layout = try makeLayout(request)
        let size = layout.size
        let metrics = TextMetrics(
            width: size.width, height: size.height, lineCount: layout.lineCount,
            lines: layout.lines, unknownGlyphs: layout.unknownGlyphCount
        )
        if cache.count > 20_000 { cache.removeAll(keepingCapacity: true) }
        cache[request] = metrics
        return metrics
    }

    /// The Pango layout for a request: used for measuring and, with the same inputs, for drawing.
    func makeLayout(_ request: TextRequest, color: Color? = nil) throws -> TextLayout {
        let style = TextStyle(
            family: request.font.family, size: request.font.size, bold: request.font.bold, italic: request.font.italic,
            lineSpacing: request.font.lineSpacing,
            alignment: request.alignment == .left ? .left : request.alignment == .center ? .center : .right
        )
        let spans = request.emphasis.map { TextSpan(start: $0.start, end: $0.end, bold: $0.bold, italic: $0.italic) }
        return try TextLayout(engine: engine, text: request.text, style: style, spans: spans, width: request.width)
    }
}
