import RoutineCardModel

/// A paragraph. Breaks between lines when it must continue on the next page.
struct TextBlock: Block {
    var content: EmphasizedText
    var spec: TextSpec

    /// User text: `**bold**` and `_italic_` become emphasis, everything else is literal.
    init(markdown: String, _ spec: TextSpec) {
        self.content = EmphasisParser.parse(markdown)
        self.spec = spec
    }

    /// Text the card itself adds: printed exactly as given.
    init(plain: String, _ spec: TextSpec) {
        self.content = EmphasizedText(plain: plain, runs: [])
        self.spec = spec
    }

    init(content: EmphasizedText, _ spec: TextSpec) {
        self.content = content
        self.spec = spec
    }

    func request(width: Double, in context: LayoutContext) -> TextRequest {
        TextRequest(
            text: content.plain, emphasis: content.runs, font: context.font(spec), alignment: spec.alignment, width: width,
            language: context.language)
    }

    func metrics(width: Double, in context: LayoutContext) throws -> TextMetrics {
        try context.measurer.measure(request(width: width, in: context))
    }

    func height(width: Double, in context: LayoutContext) throws -> Double {
        try metrics(width: width, in: context).height
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let request = request(width: frame.width, in: context)
        let metrics = try context.measurer.measure(request)
        elements.append(
            .text(
                PlacedText(
                    frame: Rect(x: frame.x, y: frame.y, width: frame.width, height: metrics.height),
                    text: content.plain, emphasis: content.runs, font: request.font, color: spec.color,
                    alignment: spec.alignment, role: spec.role, lineCount: metrics.lineCount, language: request.language, link: spec.link
                )))
    }

    func split(width: Double, maxHeight: Double, in context: LayoutContext) throws -> (Block, Block)? {
        let metrics = try metrics(width: width, in: context)
        // The last line that still fits, keeping at least two lines on each side (one line of a
        // paragraph alone at the foot or head of a card reads as a stray) unless told otherwise.
        let keep = context.splitLines
        guard let fitting = metrics.lines.lastIndex(where: { $0.bottom <= maxHeight }) else { return nil }
        let last = min(fitting, metrics.lines.count - 1 - keep)
        guard last >= keep - 1 else { return nil }
        let cut = metrics.lines[last + 1].start
        var (head, tail) = Self.cut(content, at: cut)
        // Broken inside a word (at a hyphenation point): the head ends with a hyphen, as the line
        // did where the word broke.
        if let before = head.plain.last, let after = tail.plain.first, before.isLetter, after.isLetter {
            head.plain.append(Self.breakHyphen)
        }
        return (TextBlock(content: head, spec), TextBlock(content: tail, spec))
    }

    /// The hyphen that ends a paragraph broken inside a word, on one card, before its continuation
    /// (U+2010, so that readers of the text can join the word again).
    static let breakHyphen: Character = "\u{2010}"

    /// Splits text and its emphasis at a UTF-8 offset that lies on a character boundary.
    static func cut(_ text: EmphasizedText, at offset: Int) -> (EmphasizedText, EmphasizedText) {
        let bytes = Array(text.plain.utf8)
        let head = String(decoding: bytes[..<offset], as: UTF8.self)
        let tail = String(decoding: bytes[offset...], as: UTF8.self)
        var headRuns: [EmphasizedText.Run] = [], tailRuns: [EmphasizedText.Run] = []
        for run in text.runs {
            if run.start < offset {
                headRuns.append(.init(start: run.start, end: min(run.end, offset), bold: run.bold, italic: run.italic))
            }
            if run.end > offset {
                tailRuns.append(.init(start: max(run.start, offset) - offset, end: run.end - offset, bold: run.bold, italic: run.italic))
            }
        }
        return (EmphasizedText(plain: head, runs: headRuns), EmphasizedText(plain: tail, runs: tailRuns))
    }
}
