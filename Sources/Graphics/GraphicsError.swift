import CPangoCairo

/// A failure reported by cairo, Pango or librsvg, turned into a readable Swift error.
public struct GraphicsError: Error, CustomStringConvertible, Sendable {
    /// What we were doing when the library failed ("creating a PDF surface").
    public let operation: String
    /// The library's own explanation.
    public let reason: String

    public init(_ operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(operation) failed: \(reason)" }

    /// Throws when `status` is not `CAIRO_STATUS_SUCCESS`.
    static func check(_ status: cairo_status_t, _ operation: @autoclosure () -> String) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw GraphicsError(operation(), reason: cairoMessage(status))
    }

    static func cairoMessage(_ status: cairo_status_t) -> String {
        guard let text = cairo_status_to_string(status) else { return "cairo status \(status.rawValue)" }
        return String(cString: text)
    }
}
