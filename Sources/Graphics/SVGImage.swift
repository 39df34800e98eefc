import CPangoCairo

/// A parsed SVG document, drawn as vectors through librsvg.
public final class SVGImage {
    /// Owns the librsvg handle from the moment it exists, so a failure later in `init` releases it.
    private final class Handle {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
    }

    private let library: Librsvg
    private let owner: Handle
    private var handle: OpaquePointer { owner.pointer }
    /// The drawing's size in its own units (from width/height, or the viewBox).
    public let intrinsicSize: (width: Double, height: Double)

    /// Parses `bytes`; a malformed document throws with librsvg's message.
    public init(bytes: [UInt8], stylesheet: String? = nil) throws {
        let library = try Librsvg.loaded()
        var error: UnsafeMutablePointer<GError>?
        let handle = bytes.withUnsafeBufferPointer { buffer in
            library.newFromData(buffer.baseAddress, UInt(buffer.count), &error)
        }
        guard let handle else {
            throw GraphicsError("reading an SVG image", reason: SVGImage.consume(error))
        }
        let owner = Handle(handle)
        self.library = library
        self.owner = owner
        library.setDPI(handle, 72)
        if let stylesheet {
            let css = Array(stylesheet.utf8)
            let ok = css.withUnsafeBufferPointer { library.setStylesheet(handle, $0.baseAddress, UInt($0.count), &error) }
            if ok == 0 { throw GraphicsError("styling an SVG image", reason: SVGImage.consume(error)) }
        }
        var width = 0.0, height = 0.0
        if library.intrinsicSizeInPixels(handle, &width, &height) != 0, width > 0, height > 0 {
            intrinsicSize = (width, height)
        } else {
            // viewBox-only documents have no intrinsic pixel size: use the viewBox.
            var hasWidth: Int32 = 0, hasHeight: Int32 = 0, hasViewBox: Int32 = 0
            // RsvgLength is a double and an enum (16 bytes); RsvgRectangle is four doubles.
            var widthLength = (0.0, 0.0), heightLength = (0.0, 0.0)
            var viewBox = (x: 0.0, y: 0.0, width: 0.0, height: 0.0)
            withUnsafeMutableBytes(of: &widthLength) { w in
                withUnsafeMutableBytes(of: &heightLength) { h in
                    withUnsafeMutableBytes(of: &viewBox) { box in
                        library.intrinsicDimensions(handle, &hasWidth, w.baseAddress, &hasHeight, h.baseAddress, &hasViewBox, box.baseAddress)
                    }
                }
            }
            guard hasViewBox != 0, viewBox.width > 0, viewBox.height > 0 else {
                throw GraphicsError("reading an SVG image", reason: "it has neither a size nor a viewBox")
            }
            intrinsicSize = (viewBox.width, viewBox.height)
        }
    }

    /// Loads librsvg and lets it set itself up by parsing and drawing a tiny drawing with the
    /// shapes and attributes the built-in drawings use (librsvg initialises its parsers on first
    /// use), so the first real drawing does not pay for that. Failures are left for the first real
    /// drawing to report.
    public static func preload() {
        let sample =
            ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g fill="none" stroke="#1D2A30" stroke-width="2" "##
            + ##"stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.5"><path d="M1 1L9 9H1ZM2 2C3 3 4 4 5 5"/>"##
            + ##"<circle cx="5" cy="5" r="2" fill="#E3E9EB" fill-opacity="0.6"/><rect x="1" y="1" width="3" height="2" rx="1"/></g></svg>"##
        // Loading the library and parsing touch no cairo state, so they run beside a card being laid
        // out; only drawing takes the lock.
        guard let image = try? SVGImage(bytes: Array(sample.utf8)) else { return }
        CairoLock.run {
            guard let surface = try? Surface.image(pixelWidth: 4, pixelHeight: 4), let canvas = try? Canvas(surface: surface) else { return }
            try? image.draw(on: canvas, x: 0, y: 0, width: 4, height: 4)
        }
    }

    /// Draws the image scaled to fit inside the rectangle, keeping its proportions, centred.
    public func draw(on canvas: Canvas, x: Double, y: Double, width: Double, height: Double) throws {
        var viewport = (x, y, width, height)
        var error: UnsafeMutablePointer<GError>?
        let ok = withUnsafeBytes(of: &viewport) { library.renderDocument(handle, canvas.pointer, $0.baseAddress, &error) }
        if ok == 0 {
            throw GraphicsError("drawing an SVG image", reason: SVGImage.consume(error))
        }
        try canvas.checkStatus("drawing an SVG image")
    }

    static func consume(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "unknown error" }
        defer { g_error_free(error) }
        guard let message = error.pointee.message else { return "unknown error" }
        return String(cString: message)
    }
}
