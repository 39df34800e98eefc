import Foundation
internal import Graphics

/// What drawing made: finished files, or PNG pages still to compress (which needs no cairo, so it
/// happens after ``CairoLock`` is released).
enum DrawnDocument {
    case files([Data])
    case png([PNGRows], dpi: Double)

    /// The files, compressing PNG pages on the threads a worker may use.
    func files() throws -> [Data] {
        switch self {
        case .files(let files): return files
        case .png(let pages, let dpi):
            let encoder = PNGEncoder(dotsPerInch: dpi, threads: WorkerPool.shared.threadsPerWorker)
            return try pages.map { Data(try encoder.encode($0)) }
        }
    }
}

/// Draws laid-out pages into PDF, SVG or PNG bytes.
struct DocumentWriter {
    let worker: Worker
    let output: OutputOptions

    func write(_ pages: [PlacedPage], title: String, subject: String) throws -> DrawnDocument {
        guard let first = pages.first else { throw RenderError(description: "there is nothing to draw") }
        let drawer = PageDrawer(measurer: worker.measurer, pictures: worker.pictures)
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
            for page in pages {
                try surface.setPDFPageSize(width: page.mediaSize.width, height: page.mediaSize.height)
                canvas.save()
                canvas.translate(x: page.bleed, y: page.bleed)
                try drawer.draw(page, on: canvas)
                canvas.restore()
                try canvas.showPage()
            }
            let pdf = Data(try surface.finishDocument())
            guard first.bleed > 0 else { return .files([pdf]) }
            return .files([try PDFPageBoxes.add(to: pdf, trim: first.size, bleed: first.bleed)])
        case .svg:
            // SVG has no pages: stack them one under the other with a gap.
            let gap = pages.count > 1 ? 18.0 : 0
            let width = pages.map(\.mediaSize.width).max() ?? first.mediaSize.width
            let height = pages.map(\.mediaSize.height).reduce(0, +) + gap * Double(pages.count - 1)
            let surface = try Surface.svg(width: width, height: height)
            let canvas = try Canvas(surface: surface)
            var y = 0.0
            for page in pages {
                canvas.save()
                canvas.translate(x: page.bleed, y: y + page.bleed)
                try drawer.draw(page, on: canvas)
                canvas.restore()
                y += page.mediaSize.height + gap
            }
            try canvas.checkStatus("drawing the SVG")
            return .files([SVGStableIDs.normalize(Data(try surface.finishDocument()))])
        case .png:
            return .png(try pages.map { try png($0, drawer: drawer) }, dpi: output.dpi)
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
