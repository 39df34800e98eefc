import CPangoCairo
import CPangoFT2

/// A Pango font map and context set up so that one layout breaks lines identically on PDF, SVG and
/// image surfaces: 72 units per inch, no metric hinting, no glyph-position rounding.
///
/// Pango font maps are not thread-safe: use one engine from one thread at a time.
public final class TextEngine {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private var descriptions: [FontKey: OpaquePointer] = [:]
    /// The private font set, or nil for the system's fonts.
    public let fonts: FontSet?

    /// - Parameter fonts: a private font set to use instead of the system's fonts.
    public init(fonts: FontSet? = nil) throws {
        guard let fontMap = pango_cairo_font_map_new() else {
            throw GraphicsError("creating a font map", reason: "Pango returned no font map")
        }
        self.fontMap = fontMap
        // pango_cairo_font_map_new() makes a fontconfig-backed map on Linux (on macOS it is CoreText,
        // which has no fontconfig to replace): set its configuration before anything is looked up.
        let isFontconfig =
            g_type_check_instance_is_a(
                UnsafeMutableRawPointer(fontMap).assumingMemoryBound(to: GTypeInstance.self),
                pango_fc_font_map_get_type()) != 0
        if let fonts, isFontconfig {
            pango_fc_font_map_set_config(OpaquePointer(fontMap), fonts.config)
            self.fonts = fonts
        } else {
            self.fonts = nil
        }
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
        guard let context = pango_font_map_create_context(fontMap) else {
            g_object_unref(UnsafeMutableRawPointer(fontMap))
            throw GraphicsError("creating a text context", reason: "Pango returned no context")
        }
        self.context = context
        pango_context_set_round_glyph_positions(context, 0)
        guard let options = cairo_font_options_create() else {
            throw GraphicsError("creating font options", reason: "cairo returned none")
        }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        try GraphicsError.check(cairo_font_options_status(options), "setting font options")
        pango_cairo_context_set_font_options(context, options)
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    struct FontKey: Hashable {
        var family: String
        var size: Double
        var bold: Bool
        var italic: Bool
    }

    /// A cached font description; freed with the engine.
    func fontDescription(_ key: FontKey) -> OpaquePointer? {
        if let cached = descriptions[key] { return cached }
        guard let description = pango_font_description_new() else { return nil }
        pango_font_description_set_family(description, key.family)
        pango_font_description_set_absolute_size(description, key.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, key.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, key.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        descriptions[key] = description
        return description
    }

    /// The family fontconfig actually picks for `family` (which differs when it is not installed).
    public func resolvedFamily(for family: String) -> String? {
        guard let description = fontDescription(FontKey(family: family, size: 10, bold: false, italic: false)),
            let font = pango_font_map_load_font(fontMap, context, description)
        else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        guard let described = pango_font_describe(font) else { return nil }
        defer { pango_font_description_free(described) }
        guard let name = pango_font_description_get_family(described) else { return nil }
        return String(cString: name)
    }
}
