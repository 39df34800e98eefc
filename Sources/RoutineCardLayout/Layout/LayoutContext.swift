import RoutineCardModel

/// Space between blocks that may shrink to a minimum when content is tight (TeX's glue).
struct Glue: Hashable, Sendable {
    var natural: Double
    var minimum: Double

    init(_ natural: Double, min minimum: Double? = nil) {
        self.natural = natural
        self.minimum = minimum ?? natural * 0.4
    }

    static let zero = Glue(0, min: 0)
}

/// How a piece of text should look before the fitting knobs are applied.
struct TextSpec: Hashable, Sendable {
    var size: Double
    var bold = false
    var italic = false
    var color: Color
    var role: TextRole
    var alignment: TextAlignment = .left
    var lineSpacing = 1.0
    /// A web address the text links to (in a PDF).
    var link: String? = nil
}

/// What blocks need while measuring and placing: the measurer, the theme and the fitting knobs.
/// The knobs are fixed for a context; the fitter tries others with ``scaled(type:spacing:)``.
final class LayoutContext {
    let measurer: any TextMeasuring
    let theme: Theme
    /// Multiplies type sizes; the fitter lowers it to make content fit.
    let typeScale: Double
    /// 1 uses natural spacing, 0 the minimum.
    let spacingScale: Double
    /// The smallest body text allowed: the template's legibility floor, or the theme's if larger.
    let bodyFloor: Double
    /// Multiplies the exercise drawings that may grow (on a large page with room to spare).
    let pictureScale: Double
    /// The fewest lines of a paragraph left on either side of a break: 2, or 1 where something
    /// taller than a whole column must break somewhere.
    let splitLines: Int
    /// The routine's language: paragraphs hyphenate a word too wide for their line in it.
    let language: String?

    init(
        measurer: any TextMeasuring, theme: Theme, bodyFloor: Double, typeScale: Double = 1, spacingScale: Double = 1,
        pictureScale: Double = 1, splitLines: Int = 2, language: String? = nil
    ) {
        self.measurer = measurer
        self.theme = theme
        self.bodyFloor = max(bodyFloor, theme.minimumBody)
        self.typeScale = typeScale
        self.spacingScale = spacingScale
        self.pictureScale = pictureScale
        self.splitLines = splitLines
        self.language = language
    }

    /// The same measurer, theme and floor with other knobs.
    func scaled(type: Double, spacing: Double, pictures: Double = 1) -> LayoutContext {
        LayoutContext(
            measurer: measurer, theme: theme, bodyFloor: bodyFloor, typeScale: type, spacingScale: spacing, pictureScale: pictures,
            language: language)
    }

    /// The same knobs, allowing a break that leaves a single line (for what cannot fit otherwise).
    func allowingSingleLineSplits() -> LayoutContext {
        LayoutContext(
            measurer: measurer, theme: theme, bodyFloor: bodyFloor, typeScale: typeScale, spacingScale: spacingScale,
            pictureScale: pictureScale, splitLines: 1, language: language)
    }

    /// The font for `spec` under the current knobs, never below the floor for its role.
    func font(_ spec: TextSpec) -> FontStyle {
        let base = spec.size * theme.typeScale
        let scaled = (base * typeScale * 4).rounded() / 4
        // Body text never goes below the floor; other text never shrinks below 8 pt (or its design size).
        let size = spec.role == .body || spec.role == .caution ? max(bodyFloor, scaled) : max(min(base, 8), scaled)
        return FontStyle(family: theme.fontFamily, size: size, bold: spec.bold, italic: spec.italic, lineSpacing: spec.lineSpacing)
    }

    func space(_ glue: Glue) -> Double {
        glue.minimum + (glue.natural - glue.minimum) * spacingScale
    }
}
