import CPangoCairo
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The six librsvg functions the drawings need, loaded on first use instead of linked.
///
/// Linking librsvg (a large Rust library that brings gio, gdk-pixbuf and libxml2) made every start
/// of the tool about 4.5 ms slower, also for commands that draw no picture; loaded when the first
/// drawing is parsed, it costs only the processes that draw, and a warm-up can load it on a second
/// core. The signatures follow `rsvg.h` of librsvg 2.52 and later.
struct Librsvg: @unchecked Sendable {
    typealias ErrorOut = UnsafeMutablePointer<UnsafeMutablePointer<GError>?>
    let newFromData: @convention(c) (UnsafePointer<UInt8>?, UInt, ErrorOut?) -> OpaquePointer?
    let setStylesheet: @convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, UInt, ErrorOut?) -> Int32
    let setDPI: @convention(c) (OpaquePointer?, Double) -> Void
    let intrinsicSizeInPixels: @convention(c) (OpaquePointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> Int32
    /// (handle, has width, width `RsvgLength`, has height, height, has viewBox, viewBox `RsvgRectangle`)
    let intrinsicDimensions:
        @convention(c) (
            OpaquePointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?,
            UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?
        ) -> Void
    /// (handle, cairo context, viewport `RsvgRectangle`, error)
    let renderDocument: @convention(c) (OpaquePointer?, OpaquePointer?, UnsafeRawPointer?, ErrorOut?) -> Int32

    /// Loaded once per process, on first use from any thread.
    static let shared: Result<Librsvg, GraphicsError> = load()

    static func loaded() throws -> Librsvg { try shared.get() }

    private static func load() -> Result<Librsvg, GraphicsError> {
        let names = ["librsvg-2.so.2", "librsvg-2.so", "librsvg-2.2.dylib", "/opt/homebrew/lib/librsvg-2.2.dylib", "/usr/local/lib/librsvg-2.2.dylib"]
        guard let library = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(GraphicsError("loading librsvg to draw SVG pictures", reason: "\(reason); install librsvg (Debian: librsvg2-2)"))
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(GraphicsError) -> T {
            guard let address = dlsym(library, name) else {
                throw GraphicsError("loading librsvg to draw SVG pictures", reason: "it has no \(name) (librsvg 2.52 or later is needed)")
            }
            return unsafeBitCast(address, to: type)
        }
        do {
            return .success(
                Librsvg(
                    newFromData: try symbol("rsvg_handle_new_from_data", as: (@convention(c) (UnsafePointer<UInt8>?, UInt, ErrorOut?) -> OpaquePointer?).self),
                    setStylesheet: try symbol(
                        "rsvg_handle_set_stylesheet", as: (@convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, UInt, ErrorOut?) -> Int32).self),
                    setDPI: try symbol("rsvg_handle_set_dpi", as: (@convention(c) (OpaquePointer?, Double) -> Void).self),
                    intrinsicSizeInPixels: try symbol(
                        "rsvg_handle_get_intrinsic_size_in_pixels",
                        as: (@convention(c) (OpaquePointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> Int32).self),
                    intrinsicDimensions: try symbol(
                        "rsvg_handle_get_intrinsic_dimensions",
                        as: (@convention(c) (
                            OpaquePointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?,
                            UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?
                        ) -> Void).self),
                    renderDocument: try symbol(
                        "rsvg_handle_render_document", as: (@convention(c) (OpaquePointer?, OpaquePointer?, UnsafeRawPointer?, ErrorOut?) -> Int32).self)
                ))
        } catch {
            return .failure(error)
        }
    }
}
