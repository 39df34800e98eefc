import CPangoCairo

/// A PNG image decoded by cairo, drawn scaled into a rectangle.
public final class RasterImage {
    let surface: OpaquePointer
    public let pixelWidth: Int
    public let pixelHeight: Int

    /// Decodes PNG bytes; anything else throws with cairo's reason.
    public init(pngBytes: [UInt8]) throws {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(pngBytes)
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                data.update(from: base + reader.offset, count: count)
            }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let pointer = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
        }
        guard let pointer else { throw GraphicsError("reading a PNG image", reason: "cairo returned no image") }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw GraphicsError("reading a PNG image", reason: GraphicsError.cairoMessage(status))
        }
        surface = pointer
        pixelWidth = Int(cairo_image_surface_get_width(pointer))
        pixelHeight = Int(cairo_image_surface_get_height(pointer))
    }

    deinit { cairo_surface_destroy(surface) }

    /// Draws the image scaled to fit the rectangle, keeping its proportions, centred.
    public func draw(on canvas: Canvas, x: Double, y: Double, width: Double, height: Double) throws {
        guard pixelWidth > 0, pixelHeight > 0 else { return }
        let scale = min(width / Double(pixelWidth), height / Double(pixelHeight))
        let drawnWidth = Double(pixelWidth) * scale, drawnHeight = Double(pixelHeight) * scale
        canvas.save()
        canvas.translate(x: x + (width - drawnWidth) / 2, y: y + (height - drawnHeight) / 2)
        canvas.scale(x: scale, y: scale)
        cairo_set_source_surface(canvas.pointer, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(canvas.pointer), CAIRO_FILTER_GOOD)
        cairo_rectangle(canvas.pointer, 0, 0, Double(pixelWidth), Double(pixelHeight))
        cairo_fill(canvas.pointer)
        canvas.restore()
        try canvas.checkStatus("drawing a PNG image")
    }
}
