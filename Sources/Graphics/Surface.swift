import CPangoCairo

/// A cairo surface: a PDF or SVG document streamed into memory, or an RGB image.
///
/// The surface owns its `cairo_surface_t` and the buffer cairo writes into; both are released with it.
public final class Surface {
    /// What the surface produces.
    public enum Kind: Sendable { case pdf, svg, image }

    /// Keys of the PDF document information dictionary.
    public enum PDFMetadataKey: Sendable {
        case title, author, subject, keywords, creator, createDate, modifyDate

        var cValue: cairo_pdf_metadata_t {
            switch self {
            case .title: CAIRO_PDF_METADATA_TITLE
            case .author: CAIRO_PDF_METADATA_AUTHOR
            case .subject: CAIRO_PDF_METADATA_SUBJECT
            case .keywords: CAIRO_PDF_METADATA_KEYWORDS
            case .creator: CAIRO_PDF_METADATA_CREATOR
            case .createDate: CAIRO_PDF_METADATA_CREATE_DATE
            case .modifyDate: CAIRO_PDF_METADATA_MOD_DATE
            }
        }
    }

    public let kind: Kind
    let pointer: OpaquePointer
    private let sink: ByteSink?
    private var finished = false

    private init(kind: Kind, pointer: OpaquePointer, sink: ByteSink?) {
        self.kind = kind
        self.pointer = pointer
        self.sink = sink
    }

    deinit { cairo_surface_destroy(pointer) }

    /// A PDF document whose first page is `width` × `height` points.
    public static func pdf(width: Double, height: Double) throws -> Surface {
        let sink = ByteSink()
        guard let pointer = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.opaque, width, height) else {
            throw GraphicsError("creating a PDF surface", reason: "cairo returned no surface")
        }
        let surface = Surface(kind: .pdf, pointer: pointer, sink: sink)
        try GraphicsError.check(cairo_surface_status(pointer), "creating a PDF surface")
        return surface
    }

    /// An SVG document of `width` × `height` points.
    public static func svg(width: Double, height: Double) throws -> Surface {
        let sink = ByteSink()
        guard let pointer = cairo_svg_surface_create_for_stream(ByteSink.write, sink.opaque, width, height) else {
            throw GraphicsError("creating an SVG surface", reason: "cairo returned no surface")
        }
        let surface = Surface(kind: .svg, pointer: pointer, sink: sink)
        try GraphicsError.check(cairo_surface_status(pointer), "creating an SVG surface")
        cairo_svg_surface_set_document_unit(pointer, CAIRO_SVG_UNIT_PT)
        return surface
    }

    /// An opaque RGB image of whole pixels (no alpha channel: cards are printed on white).
    public static func image(pixelWidth: Int, pixelHeight: Int) throws -> Surface {
        guard pixelWidth > 0, pixelHeight > 0, pixelWidth <= 32_767, pixelHeight <= 32_767 else {
            throw GraphicsError(
                "creating a \(pixelWidth) × \(pixelHeight) image",
                reason: "each side must be between 1 and 32767 pixels"
            )
        }
        guard let pointer = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw GraphicsError("creating an image surface", reason: "cairo returned no surface")
        }
        let surface = Surface(kind: .image, pointer: pointer, sink: nil)
        try GraphicsError.check(cairo_surface_status(pointer), "creating a \(pixelWidth) × \(pixelHeight) image")
        return surface
    }

    /// Sets one entry of the PDF information dictionary. Dates must read `YYYY-MM-DDTHH:MM:SSZ`.
    public func setPDFMetadata(_ key: PDFMetadataKey, _ value: String) {
        guard kind == .pdf else { return }
        cairo_pdf_surface_set_metadata(pointer, key.cValue, value)
    }

    /// Sets the size of the next PDF page (call before drawing on it).
    public func setPDFPageSize(width: Double, height: Double) throws {
        guard kind == .pdf else { return }
        cairo_pdf_surface_set_size(pointer, width, height)
        try GraphicsError.check(cairo_surface_status(pointer), "setting the PDF page size")
    }

    /// Adds a bookmark to a PDF's outline pointing at `page` (from 1), `y` points from its top, under
    /// `parent` (nil: the top level).
    /// - Returns: the bookmark's id, to nest others under it.
    @discardableResult
    public func addPDFOutline(_ title: String, page: Int, y: Double, parent: Int32? = nil) throws -> Int32 {
        guard kind == .pdf else { return 0 }
        // cairo reads the numbers with the C locale's decimal point only in the "C" locale; whole numbers avoid it.
        let id = cairo_pdf_surface_add_outline(pointer, parent ?? 0, title, "page=\(page) pos=[0 \(Int(y.rounded()))]", cairo_pdf_outline_flags_t(0))
        try GraphicsError.check(cairo_surface_status(pointer), "adding a bookmark")
        return id
    }

    /// Names the current PDF page for viewers ("Card 2 of 3") in place of its number.
    public func setPDFPageLabel(_ label: String) {
        guard kind == .pdf else { return }
        cairo_pdf_surface_set_page_label(pointer, label)
    }

    /// Finishes a PDF or SVG document and returns its bytes.
    public func finishDocument() throws -> [UInt8] {
        guard let sink, kind != .image else {
            throw GraphicsError("finishing a document", reason: "an image surface has no document to finish")
        }
        if !finished {
            cairo_surface_flush(pointer)
            cairo_surface_finish(pointer)
            finished = true
        }
        try GraphicsError.check(cairo_surface_status(pointer), "writing the \(kind == .pdf ? "PDF" : "SVG")")
        return sink.bytes
    }
}
