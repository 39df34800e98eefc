/// Something preflight noticed about a card before it is printed.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The card will print, but may not be what was meant.
        case warning
        /// The card will not print right.
        case error
    }

    public var severity: Severity
    /// A stable name for scripts: `text-shrunk`, `continued`, `missing-glyph`, `low-resolution`,
    /// `outside-safe-area`, `low-contrast`, `text-too-small`.
    public var code: String
    /// What is wrong, in words a non-expert understands.
    public var message: String
    /// Where: the routine's id, and when known the section, the item and the page (1-based).
    public var routine: String
    public var section: String?
    public var item: String?
    public var page: Int?

    public var description: String {
        var place = routine
        if let section { place += "#\(section)" }
        if let item { place += ", \(item)" }
        if let page { place += ", page \(page)" }
        return "\(severity.rawValue): \(place): \(message) [\(code)]"
    }
}
