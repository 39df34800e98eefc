import RoutineCardModel

/// The built-in looks of a card.
public enum CardTheme: String, Sendable, CaseIterable, Codable {
    /// Calm teal accents and tinted boxes (the default).
    case color
    /// No large fills, greyscale, thin rules: kind to printer ink.
    case inkSaver = "ink-saver"
    /// Black on white, larger type, for low-vision readers.
    case highContrast = "high-contrast"
}

/// Colours and fonts of a card.
package struct Theme: Hashable, Sendable {
    /// The built-in themes.
    package typealias Name = CardTheme

    package var name: Name
    package var fontFamily: String
    package var text: Color
    package var muted: Color
    package var accent: Color
    /// Text drawn on an accent fill.
    package var onAccent: Color
    /// Fill of the title band; nil draws the title on the page colour.
    package var headerFill: Color?
    package var headerText: Color
    package var heatTint: Color?
    package var coldTint: Color?
    package var contrastTint: Color?
    package var boxStroke: Color?
    package var caution: Color
    package var page: Color
    /// Multiplies every type size (high contrast is larger).
    package var typeScale: Double
    /// The smallest body text the theme allows, in points, whatever the template (0: no rule).
    package var minimumBody: Double

    package static func named(_ name: Name) -> Theme {
        switch name {
        case .color:
            Theme(
                name: name, fontFamily: "Lato, DejaVu Sans", text: Color(hex: 0x1D2A30), muted: Color(hex: 0x4F5F66),
                accent: Color(hex: 0x0F6E74), onAccent: .white, headerFill: Color(hex: 0x0F6E74), headerText: .white,
                heatTint: Color(hex: 0xFCEBDD), coldTint: Color(hex: 0xE1EEF8), contrastTint: Color(hex: 0xECE8F4),
                boxStroke: nil, caution: Color(hex: 0xA3341A), page: .white, typeScale: 1, minimumBody: 0)
        case .inkSaver:
            Theme(
                name: name, fontFamily: "Lato, DejaVu Sans", text: Color(hex: 0x222222), muted: Color(hex: 0x555555),
                accent: Color(hex: 0x333333), onAccent: .white, headerFill: nil, headerText: Color(hex: 0x111111),
                heatTint: nil, coldTint: nil, contrastTint: nil,
                boxStroke: Color(hex: 0x888888), caution: Color(hex: 0x222222), page: .white, typeScale: 1, minimumBody: 0)
        case .highContrast:
            Theme(
                name: name, fontFamily: "DejaVu Sans", text: .black, muted: .black,
                accent: .black, onAccent: .white, headerFill: nil, headerText: .black,
                heatTint: nil, coldTint: nil, contrastTint: nil,
                boxStroke: .black, caution: .black, page: .white, typeScale: 1.5, minimumBody: 14)
        }
    }
}
