internal import Graphics

/// Measures text with Pango through the same settings the renderer draws with, and remembers
/// results: the fitter measures the same paragraphs at several sizes, and drawing reuses the
/// layouts measuring made instead of shaping the text again.
final class PangoMeasurer: TextMeasuring {
    let engine: TextEngine
    private var metrics: [TextRequest: TextMetrics] = [:]
    /// Layouts of the document being made; dropped when it is done, so memory stays flat.
    private var layouts: [TextRequest: TextLayout] = [:]
    /// Whether some text of the current document had characters these fonts cannot draw.
    private(set) var sawMissingGlyphs = false

    init(engine: TextEngine) { self.engine = engine }

    func measure(_ request: TextRequest) throws -> TextMetrics {
        if let cached = metrics[request] {
            if cached.unknownGlyphs > 0 { sawMissingGlyphs = true }
            return cached
        }
        let layout = try makeLayout(request)
        let size = layout.size
        let measured = TextMetrics(
            width: size.width, height: size.height, lineCount: layout.lineCount,
            lines: layout.lines, unknownGlyphs: layout.unknownGlyphCount
        )
        // Bounded, so a batch of any length uses the same memory (one card needs a few hundred entries).
        if metrics.count > 3_000 { metrics.removeAll(keepingCapacity: true) }
        if measured.unknownGlyphs > 0 { sawMissingGlyphs = true }
        metrics[request] = measured
        if layouts.count < 4_000 { layouts[request] = layout }
        return measured
    }

    /// The layout for drawing `request`: the one measuring made, or a new one.
    func layout(_ request: TextRequest) throws -> TextLayout {
        if let layout = layouts[request] { return layout }
        return try makeLayout(request)
    }

    /// Forgets the layouts kept for drawing (metrics stay: they are small and often reused).
    func endDocument() {
        layouts.removeAll(keepingCapacity: true)
        sawMissingGlyphs = false
    }

    private func makeLayout(_ request: TextRequest) throws -> TextLayout {
        let style = TextStyle(
            family: request.font.family, size: request.font.size, bold: request.font.bold, italic: request.font.italic,
            lineSpacing: request.font.lineSpacing,
            alignment: request.alignment == .left ? .left : request.alignment == .center ? .center : .right
        )
        let spans = request.emphasis.map { TextSpan(start: $0.start, end: $0.end, bold: $0.bold, italic: $0.italic) }
        return try TextLayout(engine: engine, text: request.text, style: style, spans: spans, width: request.width)
    }
}
