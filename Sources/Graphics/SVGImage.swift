import CPangoCairo
import CRsvg

/// A parsed SVG document, drawn as vectors through librsvg.
public final class SVGImage {
    let handle: UnsafeMutablePointer<RsvgHandle>
    /// The drawing's size in its own units (from width/height, or the viewBox).
    public let intrinsicSize: (width: Double, height: Double)

    /// Parses `bytes`; a malformed document throws with librsvg's message.
    public init(bytes: [UInt8], stylesheet: String? = nil) throws {
        var error: UnsafeMutablePointer<GError>?
        let handle = bytes.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let handle else {
            throw GraphicsError("reading an SVG image", reason: SVGImage.consume(error))
        }
        self.handle = handle
        rsvg_handle_set_dpi(handle, 72)
        if let stylesheet {
            let ok = stylesheet.withCString { css in
                css.withMemoryRebound(to: UInt8.self, capacity: stylesheet.utf8.count) {
                    rsvg_handle_set_stylesheet(handle, $0, gsize(stylesheet.utf8.count), &error)
                }
            }
            if ok == 0 { throw GraphicsError("styling an SVG image", reason: SVGImage.consume(error)) }
        }
        var width = 0.0, height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 {
            intrinsicSize = (width, height)
        } else {
            // viewBox-only documents have no intrinsic pixel size: use the viewBox.
            var hasWidth: gboolean = 0, hasHeight: gboolean = 0, hasViewBox: gboolean = 0
            var w = RsvgLength(), h = RsvgLength(), viewBox = RsvgRectangle()
            rsvg_handle_get_intrinsic_dimensions(handle, &hasWidth, &w, &hasHeight, &h, &hasViewBox, &viewBox)
            guard hasViewBox != 0, viewBox.width > 0, viewBox.height > 0 else {
                throw GraphicsError("reading an SVG image", reason: "it has neither a size nor a viewBox")
            }
            intrinsicSize = (viewBox.width, viewBox.height)
        }
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Draws the image scaled to fit inside the rectangle, keeping its proportions, centred.
    public func draw(on canvas: Canvas, x: Double, y: Double, width: Double, height: Double) throws {
        var viewport = RsvgRectangle(x: x, y: y, width: width, height: height)
        var error: UnsafeMutablePointer<GError>?
        if rsvg_handle_render_document(handle, canvas.pointer, &viewport, &error) == 0 {
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
