import CPangoCairo

/// A cairo drawing context on a ``Surface``. Coordinates are in points unless scaled.
public final class Canvas {
    let pointer: OpaquePointer
    private let surface: Surface

    public init(surface: Surface) throws {
        guard let pointer = cairo_create(surface.pointer) else {
            throw GraphicsError("creating a drawing context", reason: "cairo returned no context")
        }
        self.pointer = pointer
        self.surface = surface
        try checkStatus("creating a drawing context")
    }

    deinit { cairo_destroy(pointer) }

    /// Throws if cairo has recorded an error on this context.
    public func checkStatus(_ operation: @autoclosure () -> String) throws {
        try GraphicsError.check(cairo_status(pointer), operation())
    }

    /// Opens a PDF structure element ("H1", "P", "Figure") or a link (`Link`, `uri='…'`) around what is
    /// drawn until ``endTag(_:)``; surfaces other than PDF ignore tags.
    public func beginTag(_ name: String, attributes: String = "") { cairo_tag_begin(pointer, name, attributes) }
    public func endTag(_ name: String) { cairo_tag_end(pointer, name) }

    public func save() { cairo_save(pointer) }
    public func restore() { cairo_restore(pointer) }
    public func translate(x: Double, y: Double) { cairo_translate(pointer, x, y) }
    public func scale(x: Double, y: Double) { cairo_scale(pointer, x, y) }
    public func rotate(radians: Double) { cairo_rotate(pointer, radians) }

    public func setColor(_ color: RGBColor) {
        cairo_set_source_rgba(pointer, color.red, color.green, color.blue, color.alpha)
    }

    /// Fills the whole clip area (the page) with `color`.
    public func paint(_ color: RGBColor) {
        setColor(color)
        cairo_paint(pointer)
    }

    /// Adds a rectangle with corners rounded by `radius` to the current path.
    public func addRectangle(x: Double, y: Double, width: Double, height: Double, radius: Double = 0) {
        let r = min(max(radius, 0), width / 2, height / 2)
        guard r > 0 else {
            cairo_rectangle(pointer, x, y, width, height)
            return
        }
        cairo_new_sub_path(pointer)
        cairo_arc(pointer, x + width - r, y + r, r, -Double.pi / 2, 0)
        cairo_arc(pointer, x + width - r, y + height - r, r, 0, Double.pi / 2)
        cairo_arc(pointer, x + r, y + height - r, r, Double.pi / 2, Double.pi)
        cairo_arc(pointer, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(pointer)
    }

    public func addCircle(centerX: Double, centerY: Double, radius: Double) {
        cairo_new_sub_path(pointer)
        cairo_arc(pointer, centerX, centerY, radius, 0, 2 * Double.pi)
        cairo_close_path(pointer)
    }

    /// Limits drawing to a rectangle until the next `restore()`.
    public func clip(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(pointer, x, y, width, height)
        cairo_clip(pointer)
    }

    public func move(x: Double, y: Double) { cairo_move_to(pointer, x, y) }
    public func line(x: Double, y: Double) { cairo_line_to(pointer, x, y) }

    public func fill(_ color: RGBColor) {
        setColor(color)
        cairo_fill(pointer)
    }

    public func stroke(_ color: RGBColor, lineWidth: Double, dash: [Double] = []) {
        setColor(color)
        cairo_set_line_width(pointer, lineWidth)
        dash.withUnsafeBufferPointer { cairo_set_dash(pointer, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(pointer)
        cairo_set_dash(pointer, nil, 0, 0)
    }

    /// Draws `layout` with its top-left corner at (`x`, `y`) in `color`.
    public func draw(_ layout: TextLayout, x: Double, y: Double, color: RGBColor) {
        setColor(color)
        cairo_move_to(pointer, x, y)
        pango_cairo_show_layout(pointer, layout.pointer)
    }

    /// Ends the page: PDF moves to a new page, SVG and images are left as drawn.
    public func showPage() throws {
        cairo_show_page(pointer)
        try checkStatus("finishing a page")
    }
}
