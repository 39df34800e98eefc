import Foundation
import RoutineCardModel

/// An sRGB colour, components from 0 to 1.
package struct Color: Hashable, Sendable, Codable {
    package var red: Double, green: Double, blue: Double

    package init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a 24-bit value such as `0x1F6F8B`.
    package init(hex: UInt32) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255, blue: Double(hex & 0xFF) / 255)
    }

    package static let black = Color(hex: 0x000000)
    package static let white = Color(hex: 0xFFFFFF)

    /// WCAG relative luminance, for contrast checks.
    package var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    package func contrast(with other: Color) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}

/// A font choice for a run of text.
package struct FontStyle: Hashable, Sendable, Codable {
    package var family: String
    /// Size in points.
    package var size: Double
    package var bold: Bool
    package var italic: Bool
    /// Line height as a multiple of the font's own.
    package var lineSpacing: Double

    @inlinable package static func == (a: FontStyle, b: FontStyle) -> Bool {
        a.size == b.size && a.bold == b.bold && a.italic == b.italic && a.lineSpacing == b.lineSpacing && a.family == b.family
    }

    @inlinable package func hash(into hasher: inout Hasher) {
        hasher.combine(family)
        hasher.combine(size)
        hasher.combine(bold)
        hasher.combine(italic)
        hasher.combine(lineSpacing)
    }

    package init(family: String, size: Double, bold: Bool = false, italic: Bool = false, lineSpacing: Double = 1) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
        self.lineSpacing = lineSpacing
    }
}

/// What a piece of text is for; preflight and tests treat roles differently (body has a size floor).
package enum TextRole: String, Hashable, Sendable, Codable {
    case title, subtitle, heading, name, dose, body, caution, label, footer
}

/// Horizontal alignment of text in its frame.
package enum TextAlignment: String, Hashable, Sendable, Codable { case left, center, right }

/// A paragraph placed on a page. Its frame is exactly the measured text: drawing never exceeds it.
package struct PlacedText: Hashable, Sendable, Codable {
    package var frame: Rect
    /// The text as printed (emphasis markers already removed).
    package var text: String
    /// Bold and italic stretches, in UTF-8 byte offsets into `text`.
    package var emphasis: [EmphasizedText.Run]
    package var font: FontStyle
    package var color: Color
    package var alignment: TextAlignment
    package var role: TextRole
    /// How many lines Pango broke the text into.
    package var lineCount: Int
    /// The language it is hyphenated in (the routine's), or nil for labels.
    package var language: String? = nil
    /// A web address the text links to: a clickable area over it in a PDF.
    package var link: String? = nil
    /// The list item (an exercise) the text belongs to, for a tagged PDF's structure; nil: none.
    package var listItem: Int? = nil
}

/// A filled and/or stroked shape.
package struct PlacedShape: Hashable, Sendable, Codable {
    package enum Kind: Hashable, Sendable, Codable {
        case rectangle(cornerRadius: Double)
        case circle
        case line
        /// An empty box to tick by hand.
        case checkCell
        /// A QR code: `fill` is its quiet zone, the modules are drawn in black.
        case qrCode(QRMatrix)
    }

    package var kind: Kind
    /// The shape's bounds; for a line, from the top-left to the bottom-right corner.
    package var frame: Rect
    package var fill: Color?
    package var stroke: Color?
    package var lineWidth: Double
    /// A background fill that may run past the safe area into the margins and the bleed.
    package var isBackground: Bool
    /// A web address the shape links to (a QR code's): a clickable area over it in a PDF.
    package var link: String? = nil

    package init(kind: Kind, frame: Rect, fill: Color? = nil, stroke: Color? = nil, lineWidth: Double = 0, isBackground: Bool = false) {
        self.kind = kind
        self.frame = frame
        self.fill = fill
        self.stroke = stroke
        self.lineWidth = lineWidth
        self.isBackground = isBackground
    }
}

/// A picture placed on a page, scaled to fit its frame.
package struct PlacedImage: Hashable, Sendable, Codable {
    package var frame: Rect
    /// A built-in picture name, or an absolute file path (SVG or PNG).
    package var source: String
    /// The theme whose colours a built-in drawing takes.
    package var theme: Theme.Name
    /// What the picture shows, for readers who cannot see it (a tagged PDF's alternative text);
    /// nil for a decoration that the text beside it already says.
    package var alt: String? = nil
    /// The list item (an exercise) the picture belongs to; nil: none.
    package var listItem: Int? = nil
}

/// A whole card placed on a printer sheet, turned by quarter turns.
package struct PlacedCard: Hashable, Sendable, Codable {
    package var card: PlacedPage
    /// The top-left corner of the card's box on the sheet.
    package var origin: Point
    /// Clockwise quarter turns (0 to 3): 1 sets a portrait card sideways.
    package var quarterTurns: Int

    /// The box the card covers on the sheet.
    package var frame: Rect {
        let turned = quarterTurns % 2 == 1
        return Rect(
            x: origin.x, y: origin.y, width: turned ? card.size.height : card.size.width,
            height: turned ? card.size.width : card.size.height)
    }
}

/// Anything drawn on a page.
package indirect enum PlacedElement: Hashable, Sendable, Codable {
    case text(PlacedText)
    case shape(PlacedShape)
    case image(PlacedImage)
    /// A card on a printer sheet.
    case card(PlacedCard)

    package var frame: Rect {
        switch self {
        case .text(let text): text.frame
        case .shape(let shape): shape.frame
        case .image(let image): image.frame
        case .card(let card): card.frame
        }
    }
}

/// One laid-out page: plain data that tests inspect and the renderer draws.
package struct PlacedPage: Hashable, Sendable, Codable {
    /// The trimmed page size, in points.
    package var size: Size
    /// Extra paper printed around the trimmed page on every side, in points (0 for none).
    package var bleed: Double
    /// The area inside the margins where all content must stay.
    package var safeArea: Rect
    /// Fill for the whole page (behind everything).
    package var background: Color
    /// In drawing order.
    package var elements: [PlacedElement]

    /// The paper as printed: the trimmed size plus the bleed on every side.
    package var mediaSize: Size { Size(width: size.width + 2 * bleed, height: size.height + 2 * bleed) }

    /// Whether the element is a background that may bleed past the safe area.
    package static func isBackground(_ element: PlacedElement) -> Bool {
        if case .shape(let shape) = element { return shape.isBackground }
        return false
    }

    /// The texts on the page, in drawing order.
    package var texts: [PlacedText] {
        elements.compactMap { if case .text(let text) = $0 { text } else { nil } }
    }

    /// How much of the page's height holds content: from the top of the safe area down to the
    /// lowest text, picture, tick box or ruled line (the notes area fills a handout on purpose), as a
    /// share of the height down to the footer's first line. Boxes, backgrounds and the footer (its
    /// rule included) do not count.
    package var fill: Double {
        let footerTop = texts.filter { $0.role == .footer }.map(\.frame.minY).min() ?? safeArea.maxY
        let bottoms = elements.compactMap { element -> Double? in
            switch element {
            case .text(let text): text.role == .footer ? nil : text.frame.maxY
            case .image(let image): image.frame.maxY
            case .shape(let shape) where shape.kind == .checkCell || shape.kind == .line: shape.frame.maxY
            default: nil
            }
        }
        let used = bottoms.max() ?? safeArea.minY
        return (used - safeArea.minY) / max(1, footerTop - safeArea.minY)
    }
}
