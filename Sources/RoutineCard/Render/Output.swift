import Foundation

/// The file formats a card can be written in.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// A PDF document, one page per card (or per printer sheet).
    case pdf
    /// A PNG image per page, at ``OutputOptions/dpi``.
    case png
    /// One SVG image; several pages are stacked one under the other.
    case svg

    /// The format a file name's extension names, if any.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }
}

/// Document-level settings of the output.
public struct OutputOptions: Hashable, Sendable {
    /// Most pixels of one PNG page: a 100-megapixel page takes 700 MB to draw and encode.
    public static let maximumPixelsPerPage = 100_000_000

    /// The file format.
    public var format: OutputFormat
    /// Pixels per inch for PNG (300 makes an A6 card 1240 × 1748 pixels).
    public var dpi: Double
    /// The PDF creation date. nil leaves it out, so the same input gives the same bytes.
    public var creationDate: Date?
    /// The PDF author field.
    public var author: String?

    /// Output options; the defaults make a PDF without a creation date, so the same card gives the same bytes.
    public init(format: OutputFormat = .pdf, dpi: Double = 300, creationDate: Date? = nil, author: String? = nil) {
        self.format = format
        self.dpi = dpi
        self.creationDate = creationDate
        self.author = author
    }
}

/// A rendered document: a PDF or SVG file, or one PNG file per page.
public struct RenderedDocument: Sendable {
    /// The format of ``files``.
    public let format: OutputFormat
    /// The file's bytes; for PNG, one file per page.
    public let files: [Data]
    /// How many pages (cards) the document has.
    public let pageCount: Int
    /// What the layout had to do to fit, per routine ("shrunk body text to 8.5 pt").
    package let notes: [String]
    /// The laid-out pages that were drawn.
    package let layouts: [CardLayout]
    /// What preflight noticed (an empty list for a clean card).
    public let findings: [Finding]
    /// With ``CardOptions/sheet``: the printer sheets that were drawn (the cards are in ``layouts``).
    package var sheetPages: [PlacedPage] = []
    /// With ``CardOptions/sheet``: the cards placed on them, every copy (a front and its back are one).
    package var sheetCardCount = 0

    /// The whole file (the first page's file for PNG).
    public var data: Data { files.first ?? Data() }

    /// How many cards there are to cut out or hand over: a card per page for the fridge card and the
    /// sheet, a card per front and back for the wallet card, and on printer sheets every copy.
    public var cardCount: Int {
        let perSet = layouts.reduce(0) { $0 + ($1.isWallet ? ($1.pages.count + 1) / 2 : $1.pages.count) }
        return sheetPages.isEmpty ? perSet : sheetCardCount
    }

    /// Whether the cards have a front and a back (the wallet card).
    public var isTwoSided: Bool { layouts.contains { $0.isWallet } }

    /// What was written, in the units a person counts: "2 cards", "1 card, front and back",
    /// "1 sheet, 4 cards", "2 sheets: 8 cards, fronts and backs".
    package var summary: String {
        func cards(_ count: Int) -> String { count == 1 ? "1 card" : "\(count) cards" }
        let sides = isTwoSided ? (cardCount == 1 ? ", front and back" : ", fronts and backs") : ""
        guard !sheetPages.isEmpty else { return cards(cardCount) + sides }
        let sheets = pageCount == 1 ? "1 sheet" : "\(pageCount) sheets"
        return isTwoSided ? "\(sheets): \(cards(cardCount))\(sides)" : "\(sheets), \(cards(cardCount))"
    }

    /// Writes the document atomically: to a temporary file in the same folder, renamed into place
    /// when complete, so a failure never leaves a partial file or replaces a good one. A PNG of
    /// several pages is written as `name-1.png`, `name-2.png`, ….
    /// All pages are written or none.
    /// - Returns: the files written.
    @discardableResult
    public func write(to url: URL) throws(RoutineCardError) -> [URL] {
        let targets = Self.fileURLs(for: url, count: files.count)
        do { try AtomicFile.write(Array(zip(files, targets))) } catch { throw error.routineCardError }
        return targets
    }

    /// The files a document of `count` files writes for `url`: `url` itself for one file, else
    /// `name-1.ext`, `name-2.ext`, ….
    package static func fileURLs(for url: URL, count: Int) -> [URL] {
        guard count > 1 else { return [url] }
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingLastPathComponent()
        return (1...count).map { folder.appendingPathComponent("\(stem)-\($0).\(url.pathExtension)") }
    }
}

/// Something went wrong drawing a card.
package struct RenderError: Error, Sendable, CustomStringConvertible {
    package var description: String
}
