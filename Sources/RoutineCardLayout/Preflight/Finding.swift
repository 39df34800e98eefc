/// Something preflight noticed about a card before it is printed.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How much a finding matters.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Worth knowing, nothing wrong: the routine runs over several well-filled cards.
        case note
        /// The card will print, but may not be what was meant.
        case warning
        /// The card will not print right.
        case error
    }

    /// How much it matters.
    public var severity: Severity
    /// A stable name for scripts: `text-shrunk`, `continued`, `card-underfilled`, `overlap`,
    /// `text-dropped`, `missing-glyph`, `low-resolution`, `outside-safe-area`, `low-contrast`,
    /// `text-too-small`, `font-substituted`, `therapy-without-caution`.
    public var code: String
    /// What is wrong, in words a non-expert understands.
    public var message: String
    /// Where: the routine's id, and when known the section, the item and the page (1-based).
    public var routine: String
    /// The section's id, when the finding concerns one.
    public var section: String?
    /// The item within the section ("exercise 2 (Calf raise)"), when known.
    public var item: String?
    /// The page, counting from 1, when known.
    public var page: Int?

    /// `severity: place: message [code]`, one line.
    public var description: String {
        var place = routine
        if let section { place += "#\(section)" }
        if let item { place += ", \(item)" }
        if let page { place += ", page \(page)" }
        return "\(severity.rawValue): \(place): \(message) [\(code)]"
    }
}
