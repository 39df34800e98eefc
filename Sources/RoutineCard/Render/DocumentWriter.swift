import Foundation
internal import Graphics

/// What drawing made: finished files, or PNG pages still to compress (which needs no cairo, so it
/// happens after ``CairoLock`` is released).
enum DrawnDocument {
    case files([Data])
    /// Each page's rows and its text (for the file's description), in `language`.
    case png([(rows: PNGRows, text: String)], dpi: Double, language: String)

    /// The files, compressing PNG pages on the threads a worker may use.
    func files() throws -> [Data] {
        switch self {
        case .files(let files): return files
        case .png(let pages, let dpi, let language):
            let encoder = PNGEncoder(dotsPerInch: dpi, threads: WorkerPool.shared.threadsPerWorker)
            return try pages.map { Data(try encoder.encode($0.rows, description: $0.text, language: language)) }
        }
    }
}

/// Draws laid-out pages into PDF, SVG or PNG bytes.
struct DocumentWriter {
    let worker: Worker
    let output: OutputOptions

    /// - Parameters:
    ///   - language: the language of the text (a BCP 47 tag), recorded in PDF and SVG.
    ///   - pageLabels: what PDF viewers call each page ("Card 2"); none: their numbers.
    func write(_ pages: [PlacedPage], title: String, subject: String, language: String = "en", pageLabels: [String] = []) throws -> DrawnDocument {
        guard let first = pages.first else { throw RenderError(description: "there is nothing to draw") }
        var drawer = PageDrawer(measurer: worker.measurer, pictures: worker.pictures)
        switch output.format {
        case .pdf:
            let surface = try Surface.pdf(width: first.mediaSize.width, height: first.mediaSize.height)
            surface.setPDFMetadata(.title, title)
            surface.setPDFMetadata(.subject, subject)
            surface.setPDFMetadata(.creator, "RoutineCard \(RoutineCardInfo.version)")
            if let author = output.author { surface.setPDFMetadata(.author, author) }
            // cairo stamps the wall clock unless told otherwise; an invalid date makes it leave the
            // field out, which keeps output byte-identical.
            surface.setPDFMetadata(.createDate, output.creationDate.map(Self.pdfDate) ?? "")
            surface.setPDFMetadata(.modifyDate, output.creationDate.map(Self.pdfDate) ?? "")
            let canvas = try Canvas(surface: surface)
            drawer.tagged = true
            for (index, page) in pages.enumerated() {
                try surface.setPDFPageSize(width: page.mediaSize.width, height: page.mediaSize.height)
                if index < pageLabels.count { surface.setPDFPageLabel(pageLabels[index]) }
                canvas.save()
                canvas.translate(x: page.bleed, y: page.bleed)
                try drawer.draw(page, on: canvas)
                canvas.restore()
                try canvas.showPage()
            }
            try canvas.checkStatus("tagging the PDF")
            try addBookmarks(pages, labels: pageLabels, to: surface)
            var pdf = Data(try surface.finishDocument())
            if first.bleed > 0 { pdf = try PDFPageBoxes.add(to: pdf, trim: first.size, bleed: first.bleed) }
            let details = PDFAccessibility.Details(
                language: language, title: title, subject: subject, author: output.author, creator: "RoutineCard \(RoutineCardInfo.version)",
                date: output.creationDate, figureAlternatives: pages.flatMap(\.figureAlternatives))
            return .files([try PDFAccessibility.add(to: pdf, details)])
        case .svg:
            // One file per page, like PNG: a web page shows each card, or each side, on its own.
            return .files(
                try pages.map { page in
                    let surface = try Surface.svg(width: page.mediaSize.width, height: page.mediaSize.height)
                    let canvas = try Canvas(surface: surface)
                    canvas.translate(x: page.bleed, y: page.bleed)
                    try drawer.draw(page, on: canvas)
                    try canvas.checkStatus("drawing the SVG")
                    let svg = SVGStableIDs.normalize(Data(try surface.finishDocument()))
                    let pageTitle = page.texts.first { $0.role == .title }?.text.replacingOccurrences(of: "\n", with: " ") ?? title
                    return SVGForWeb.finish(svg, title: pageTitle, description: page.readingText, language: language)
                })
        case .png:
            return .png(try pages.map { (try png($0, drawer: drawer), $0.readingText) }, dpi: output.dpi, language: language)
        }
    }

    /// One bookmark per page (a card, or a printer sheet) when there are several, named by its label
    /// and title, and one per section heading on it (at the top level for a single card).
    private func addBookmarks(_ pages: [PlacedPage], labels: [String], to surface: Surface) throws {
        for (index, page) in pages.enumerated() {
            var parent: Int32?
            if pages.count > 1 {
                let label = index < labels.count ? labels[index] : "Page \(index + 1)"
                let title = page.texts.first { $0.role == .title }?.text.replacingOccurrences(of: "\n", with: " ")
                parent = try surface.addPDFOutline(title.map { "\(label): \($0)" } ?? label, page: index + 1, y: 0)
            }
            for heading in page.texts where heading.role == .heading {
                try surface.addPDFOutline(heading.text.capitalizedSentence, page: index + 1, y: heading.frame.minY + page.bleed, parent: parent)
            }
        }
    }

    private func png(_ page: PlacedPage, drawer: PageDrawer) throws -> PNGRows {
        guard output.dpi >= 10, output.dpi <= 2400 else {
            throw RoutineCardError(.invalidOption, "a resolution of \(output.dpi) dpi is outside 10–2400")
        }
        let scale = output.dpi / 72
        let pixels = (page.mediaSize.width * scale).rounded() * (page.mediaSize.height * scale).rounded()
        guard pixels <= Double(OutputOptions.maximumPixelsPerPage) else {
            throw RoutineCardError(
                .invalidOption,
                "a PNG page of \(Int((page.mediaSize.width * scale).rounded())) × \(Int((page.mediaSize.height * scale).rounded())) "
                    + "pixels is over the limit of \(OutputOptions.maximumPixelsPerPage / 1_000_000) megapixels; lower the resolution")
        }
        let surface = try Surface.image(
            pixelWidth: Int((page.mediaSize.width * scale).rounded()), pixelHeight: Int((page.mediaSize.height * scale).rounded())
        )
        let canvas = try Canvas(surface: surface)
        // Whole pixels round the page up: paint every pixel, so the edge row is not left black.
        canvas.paint(rgb(page.background))
        canvas.scale(x: scale, y: scale)
        canvas.translate(x: page.bleed, y: page.bleed)
        try drawer.draw(page, on: canvas)
        return try PNGEncoder.rows(of: surface)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, the only form cairo accepts.
    static func pdfDate(_ date: Date) -> String {
        // Clamped to years 1970–9999 (the format has four digits; a huge Date would trap in Int()).
        let interval = date.timeIntervalSince1970
        let seconds = interval.isFinite ? Int(min(max(interval, 0), 253_402_300_799)) : 0
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}

extension PlacedPage {
    /// The page's text in drawing order, one paragraph a line (cards on a sheet included).
    var readingText: String {
        elements.flatMap { element -> [String] in
            switch element {
            case .text(let text): [text.text]
            case .card(let card): [card.card.readingText]
            case .image, .shape: []
            }
        }.joined(separator: "\n")
    }

    /// The alternative texts of the pictures that are drawn as figures, in drawing order (cards on a
    /// sheet included).
    var figureAlternatives: [String] {
        elements.flatMap { element -> [String] in
            switch element {
            case .image(let image): image.alt.map { [$0] } ?? []
            case .card(let card): card.card.figureAlternatives
            // A QR code is a figure too (see PageDrawer): its address is what it shows.
            case .shape(let shape):
                if case .qrCode = shape.kind, let link = shape.link { ["QR code: \(link)"] } else { [] }
            case .text: []
            }
        }
    }
}

extension String {
    /// "STRETCHES" as "Stretches": headings printed in capitals read better as bookmarks.
    var capitalizedSentence: String {
        guard self == uppercased(), let first else { return self }
        return String(first) + dropFirst().lowercased()
    }
}
