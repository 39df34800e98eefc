import Foundation
internal import Graphics

/// Lays out and renders routines as cards. Safe to use from many threads at once: each call
/// borrows a worker with its own font map.
///
/// ```swift
/// let routine = try Routine.builtIn("leg-cramps")
/// let card = try await CardRenderer().render([routine], output: OutputOptions(format: .pdf))
/// try card.write(to: URL(fileURLWithPath: "card.pdf"))
/// ```
public struct CardRenderer: Sendable {
    /// A renderer. It holds no state: make one wherever it is needed.
    public init() {}

    /// Makes the card's own fonts (Lato and DejaVu Sans) fontconfig's configuration for the whole
    /// process, so that the first card does not wait for the system's font configuration to load
    /// (about a fifth of a one-card command's time). Text in other families or scripts still falls
    /// back to every installed font.
    ///
    /// For command-line tools and other programs that draw no text of their own through
    /// fontconfig; call it once, before the first card.
    package static func useCardFontsProcessWide() {
        FontSet.cardFonts?.makeProcessDefault()
    }

    /// Starts loading the card's fonts and the drawing library on a background thread and returns
    /// at once; the first card then finds them ready. Loading a font, shaping with it for the first
    /// time and starting librsvg cost a one-card command a good part of its time: a program can do
    /// that work on a second core while it reads its arguments and routines.
    ///
    /// Calling it is never required; rendering waits for a warm-up in progress rather than doing
    /// the same work twice.
    ///
    /// - Parameter cardFontsProcessWide: first do what ``useCardFontsProcessWide()`` does, on the
    ///   same background thread.
    package static func warmUp(options: CardOptions = CardOptions(), cardFontsProcessWide: Bool = false) {
        let theme = options.resolvedTheme
        WorkerPool.shared.warmUp(
            before: { if cardFontsProcessWide { useCardFontsProcessWide() } },
            { worker in
                // One size of the two faces every template uses: a face's first use (opening the file,
                // coverage, shaping tables) costs far more than a size's. Italic is left to the few
                // cards with notes or emphasis; the card waits for this, so it stays short.
                let sample = "Hold 30 s · 15–20 min × 3: stretch, relax, repeat. Caution!"
                for bold in [false, true] {
                    let font = FontStyle(family: theme.fontFamily, size: 9, bold: bold)
                    _ = try worker.measurer.measure(TextRequest(text: sample, emphasis: [], font: font, alignment: .left, width: 200))
                }
            },
            after: {
                // Pictures are drawn after layout: librsvg can finish loading while the card is laid out.
                SVGImage.preload()
            })
    }

    /// Lays out each routine as one or more pages, without drawing anything.
    package func layout(_ routines: [Routine], options: CardOptions = CardOptions()) throws -> [CardLayout] {
        try requireValid(routines)
        let inputs = try HandoutInputs.prepare(for: routines, options: options)
        return try WorkerPool.shared.withFittingWorker(families: families(options)) { worker in
            let engine = LayoutEngine(measurer: worker.measurer)
            return try routines.map { try engine.layout($0, options: options, inputs: inputs) }
        }
    }

    /// Lays out and draws the routines into one document, each routine starting on a new page.
    ///
    /// Blocks the calling thread while the card is drawn (cards are drawn one at a time per
    /// process); from Swift concurrency, use the `async` variant.
    /// - Throws: ``RoutineCardError``: `.invalidRoutine` with the problems of a routine that breaks
    ///   the format's rules, `.cannotLayOut`, `.invalidOption` or `.renderingFailed`.
    public func render(
        _ routines: [Routine], options: CardOptions = CardOptions(), output: OutputOptions = OutputOptions()
    ) throws(RoutineCardError) -> RenderedDocument {
        do { return try renderDocument(routines, options: options, output: output) } catch { throw RoutineCardError(error) }
    }

    private func renderDocument(_ routines: [Routine], options: CardOptions, output: OutputOptions) throws -> RenderedDocument {
        guard !routines.isEmpty else { throw RenderError(description: "no routine was given to render") }
        try requireValid(routines)
        let inputs = try HandoutInputs.prepare(for: routines, options: options)
        return try WorkerPool.shared.withFittingWorker(families: families(options)) { worker in
            let engine = LayoutEngine(measurer: worker.measurer)
            let layouts = try routines.map { try engine.layout($0, options: options, inputs: inputs) }
            var pages = layouts.flatMap(\.pages)
            var sheets: [PlacedPage] = []
            var sheetCards = 0
            if let sheet = options.sheet {
                // Wallet cards come as front, back, front, back…; other cards are one-sided.
                let cards: [(front: PlacedPage, back: PlacedPage?)] =
                    options.template == .wallet
                    ? stride(from: 0, to: pages.count, by: 2).map { (pages[$0], $0 + 1 < pages.count ? pages[$0 + 1] : nil) }
                    : pages.map { ($0, nil) }
                let imposed = try SheetImposer(options: sheet, theme: options.resolvedTheme, measurer: worker.measurer).sheets(for: cards)
                sheets = imposed.pages
                sheetCards = imposed.cardCount
                pages = sheets
            }
            let titles = routines.map { EmphasisParser.parse($0.title).plain }
            let subject = routines.compactMap { $0.subtitle.map { EmphasisParser.parse($0).plain } }.joined(separator: "; ")
            let drawn = try DocumentWriter(worker: worker, output: output)
                .write(
                    pages, title: titles.joined(separator: " + "), subject: subject.isEmpty ? "Routine card" : subject,
                    language: routines[0].language,
                    pageLabels: sheets.isEmpty
                        ? Self.cardLabels(layouts, labels: Labels.forLanguage(options.language ?? routines[0].language))
                        : Self.sheetLabels(sheets.count, twoSided: options.template == .wallet))
            let notes = layouts.flatMap { layout in layout.notes.map { routines.count > 1 ? "\(layout.routineID): \($0)" : $0 } }
            let findings = try zip(routines, layouts).flatMap { routine, layout in
                try Preflight(measurer: worker.measurer, routine: routine, layout: layout, options: options).findings()
            }
            return PendingDocument(
                drawn: drawn, pageCount: pages.count, notes: notes, layouts: layouts, findings: findings, sheets: sheets, sheetCards: sheetCards)
        }.finished(format: output.format)
    }
}

extension CardRenderer {
    /// Lays out and draws the routines into one document, each routine starting on a new page,
    /// without blocking a thread of Swift's cooperative pool: cards are drawn one at a time per
    /// process (see the README), so the work waits on a thread of its own. Safe to call from any
    /// number of tasks at once.
    /// - Throws: ``RoutineCardError``, as the synchronous variant does.
    public func render(
        _ routines: [Routine], options: CardOptions = CardOptions(), output: OutputOptions = OutputOptions()
    ) async throws(RoutineCardError) -> RenderedDocument {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<RenderedDocument, RoutineCardError>, Never>) in
            Self.drawingQueue.async {
                continuation.resume(returning: Result { () throws(RoutineCardError) in try self.render(routines, options: options, output: output) })
            }
        }
        return try result.get()
    }

    /// Where async renders wait and draw: GCD threads, not the cooperative pool.
    private static let drawingQueue = DispatchQueue(label: "RoutineCard.render", qos: .userInitiated, attributes: .concurrent)
}

/// A document drawn under ``CairoLock`` whose PNG pages are compressed after it is released.
private struct PendingDocument {
    var drawn: DrawnDocument
    var pageCount: Int
    var notes: [String]
    var layouts: [CardLayout]
    var findings: [Finding]
    var sheets: [PlacedPage] = []
    var sheetCards = 0

    func finished(format: OutputFormat) throws -> RenderedDocument {
        var document = RenderedDocument(
            format: format, files: try drawn.files(), pageCount: pageCount, notes: notes,
            layouts: layouts, findings: findings)
        document.sheetPages = sheets
        document.sheetCardCount = sheetCards
        return document
    }
}

extension CardRenderer {
    /// Lays out the routines and checks them for print problems, without drawing anything.
    /// An empty list means the cards are clean.
    /// - Throws: ``RoutineCardError``: `.invalidRoutine`, `.cannotLayOut` or `.invalidOption`.
    public func check(_ routines: [Routine], options: CardOptions = CardOptions()) throws(RoutineCardError) -> [Finding] {
        do {
            try requireValid(routines)
            let inputs = try HandoutInputs.prepare(for: routines, options: options)
            return try WorkerPool.shared.withFittingWorker(families: families(options)) { worker in
                let engine = LayoutEngine(measurer: worker.measurer)
                return try routines.flatMap { routine in
                    let layout = try engine.layout(routine, options: options, inputs: inputs)
                    return try Preflight(measurer: worker.measurer, routine: routine, layout: layout, options: options).findings()
                }
            }
        } catch {
            throw RoutineCardError(error)
        }
    }

    /// A two-page duplex calibration sheet (see `routinecard calibrate`).
    /// - Parameter howToApply: the sentence on the back that says where the numbers read go.
    package func renderCalibration(sheet: SheetOptions, howToApply: String, output: OutputOptions = OutputOptions()) throws -> RenderedDocument {
        try WorkerPool.shared.withWorker { worker in
            let pages = try CalibrationSheet(options: sheet, theme: Theme.named(.color), measurer: worker.measurer, howToApply: howToApply).pages()
            let drawn = try DocumentWriter(worker: worker, output: output).write(pages, title: "RoutineCard duplex calibration", subject: "Duplex calibration")
            return PendingDocument(drawn: drawn, pageCount: pages.count, notes: [], layouts: [], findings: [])
        }.finished(format: output.format)
    }

    /// Every built-in illustration and icon with its name, on A4 pages, in a theme's colours.
    package func renderGallery(theme: CardTheme = .color, output: OutputOptions = OutputOptions()) throws -> RenderedDocument {
        try WorkerPool.shared.withWorker { worker in
            let pages = try GalleryLayout(measurer: worker.measurer, theme: Theme.named(theme), names: Illustrations.builtInNames.sorted()).pages()
            let drawn = try DocumentWriter(worker: worker, output: output)
                .write(pages, title: "RoutineCard illustrations", subject: "Built-in illustrations and icons")
            return PendingDocument(drawn: drawn, pageCount: pages.count, notes: [], layouts: [], findings: [])
        }.finished(format: output.format)
    }
}

extension CardRenderer {
    /// What PDF viewers call each card's page: "Card 2 of 3" in the card's language; a wallet
    /// card's two sides are "…, 1/2" and "…, 2/2".
    static func cardLabels(_ layouts: [CardLayout], labels: Labels) -> [String] {
        layouts.flatMap { layout -> [String] in
            guard layout.isWallet else { return (0..<layout.pages.count).map { labels.page($0 + 1, of: layout.pages.count) } }
            let cards = (layout.pages.count + 1) / 2
            return (0..<layout.pages.count).map { "\(labels.page($0 / 2 + 1, of: cards)), \($0 % 2 + 1)/2" }
        }
    }

    /// "Sheet 1", or for two-sided cards "Sheet 1 fronts" and "Sheet 1 backs".
    static func sheetLabels(_ count: Int, twoSided: Bool) -> [String] {
        guard twoSided else { return (0..<count).map { "Sheet \($0 + 1)" } }
        return (0..<count).map { "Sheet \($0 / 2 + 1) \($0 % 2 == 0 ? "fronts" : "backs")" }
    }

    /// Refuses routines with problems (``Routine/validate()``), so a routine built in code is held to
    /// the limits a file is.
    func requireValid(_ routines: [Routine]) throws(RoutineLoadError) {
        let problems = routines.flatMap { $0.validate() }
        if !problems.isEmpty { throw RoutineLoadError(problems) }
    }

    /// The font families a card with these options asks for.
    func families(_ options: CardOptions) -> [String] {
        [options.resolvedTheme.fontFamily]
    }
}

/// Facts about this build of the library.
public enum RoutineCardInfo {
    /// The library's version, also written into each PDF's Creator field.
    public static let version = "0.1.0"
}
