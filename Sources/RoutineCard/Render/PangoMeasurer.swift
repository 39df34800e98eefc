internal import Graphics

/// Measures text with Pango through the same settings the renderer draws with, and remembers
/// results: the fitter measures the same paragraphs at several sizes, and drawing reuses the
/// layouts measuring made instead of shaping the text again. Both caches outlive a document, so in
/// a batch of personalised cards only the text that changes is shaped again; both are bounded, so
/// memory stays flat however long the batch.
final class PangoMeasurer: TextMeasuring {
    let engine: TextEngine
    private var metrics: [TextRequest: TextMetrics] = [:]
    /// Shaped layouts, for drawing: a few hundred cover the distinct text of many cards.
    private var layouts: [TextRequest: TextLayout] = [:]
    private static let layoutLimit = 600
    /// Whether some text of the current document had characters these fonts cannot draw.
    private(set) var sawMissingGlyphs = false

    init(engine: TextEngine) { self.engine = engine }

    func familyInUse(for family: String) throws -> String? { engine.resolvedFamily(for: family) }

    func measure(_ request: TextRequest) throws -> TextMetrics {
        if let cached = metrics[request] {
            if cached.unknownGlyphs > 0 { sawMissingGlyphs = true }
            return cached
        }
        let layout = try makeLayout(request)
        let size = layout.size
        let measured = TextMetrics(
            width: size.width, height: size.height, lineCount: layout.lineCount,
            lines: layout.lines.map { TextMetrics.Line(start: $0.start, bottom: $0.bottom) }, unknownGlyphs: layout.unknownGlyphCount
        )
        // Bounded, so a batch of any length uses the same memory (one card needs a few hundred entries).
        if metrics.count > 3_000 { metrics.removeAll(keepingCapacity: true) }
        if measured.unknownGlyphs > 0 { sawMissingGlyphs = true }
        metrics[request] = measured
        keep(layout, for: request)
        return measured
    }

    /// The layout for drawing `request`: the one measuring made, or a new one.
    func layout(_ request: TextRequest) throws -> TextLayout {
        if let layout = layouts[request] { return layout }
        let layout = try makeLayout(request)
        keep(layout, for: request)
        return layout
    }

    private func keep(_ layout: TextLayout, for request: TextRequest) {
        if layouts.count >= Self.layoutLimit { layouts.removeAll(keepingCapacity: true) }
        layouts[request] = layout
    }

    /// Starts the next document's record of missing characters.
    func endDocument() {
        sawMissingGlyphs = false
    }

    private func makeLayout(_ request: TextRequest) throws -> TextLayout {
        let style = TextStyle(
            family: request.font.family, size: request.font.size, bold: request.font.bold, italic: request.font.italic,
            lineSpacing: request.font.lineSpacing,
            alignment: request.alignment == .left ? .left : request.alignment == .center ? .center : .right,
            language: request.language
        )
        let spans = request.emphasis.map { TextSpan(start: $0.start, end: $0.end, bold: $0.bold, italic: $0.italic) }
        return try TextLayout(engine: engine, text: request.text, style: style, spans: spans, width: request.width)
    }
}
