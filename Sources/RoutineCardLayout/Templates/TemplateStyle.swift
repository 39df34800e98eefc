import RoutineCardModel

/// The sizes and choices that make a template: type sizes in points before scaling, how steps are
/// shown, how many columns. The fridge and sheet templates share one builder and differ here.
struct TemplateStyle {
    /// Multiplies every size: a template designed for one paper grows or shrinks with another.
    var scale: Double
    var title: Double
    var subtitle: Double
    var frequency: Double
    var heading: Double
    var name: Double
    var dose: Double
    var body: Double
    var therapyName: Double
    var footer: Double
    var badge: Double
    /// The smallest body text the fitter may use, in points.
    var bodyFloor: Double
    /// Steps one per line with numbers (the sheet), or run together as one paragraph (the fridge).
    var numberedSteps: Bool
    var columns: Int
    var columnGap: Double
    /// How much the type may grow to fill a page with room to spare.
    var maxGrowth = 1.0
    /// How much the exercise drawings may grow after the type (a handout's drawings can be large).
    var maxPictureGrowth = 1.0
    /// Whether room left at the end is ruled for handwritten notes (the clinician's handout).
    var notesArea = false
    /// Whether the personal note is a line in the title band (the fridge card, short of room)
    /// rather than a box at the top of the flow.
    var noteInHeader = false
    /// Whether the week's tick boxes sit side by side under each day (about two lines) rather than
    /// in a row per session.
    var compactTracker = false
    /// The side of an exercise illustration, and of an icon.
    var picture: Double = 44
    var icon: Double = 16

    func s(_ value: Double) -> Double { value * scale }

    /// The fridge card, designed for A6 and scaled for other sizes.
    static func fridge(options: CardOptions) -> TemplateStyle {
        let page = options.pageSize
        let scale = min(max(min(page.width / Paper.a6.width, page.height / Paper.a6.height), 0.75), 2.2)
        let contentWidth = page.width - 2 * options.effectiveMargin
        // A wide card (A6 landscape) reads better in two columns than in long lines.
        let columns = contentWidth >= 2 * 190 * scale ? 2 : 1
        return TemplateStyle(
            scale: scale, title: 16, subtitle: 9, frequency: 10, heading: 10, name: 11.5, dose: 10,
            body: 9, therapyName: 9, footer: 8, badge: 18, bodyFloor: 9, numberedSteps: false,
            columns: columns, columnGap: 14 * scale, maxGrowth: 1.25, noteInHeader: true, compactTracker: true, picture: 44, icon: 13)
    }

    /// The full-page handout, designed for A4 and Letter.
    static func sheet(options: CardOptions) -> TemplateStyle {
        let page = options.pageSize
        let scale = min(max(min(page.width / Paper.a4.width, page.height / Paper.letter.height), 0.7), 1.6)
        let contentWidth = page.width - 2 * options.effectiveMargin
        let columns = contentWidth >= 400 * scale ? 2 : 1
        return TemplateStyle(
            scale: scale, title: 24, subtitle: 11.5, frequency: 12, heading: 12, name: 13, dose: 11.5,
            body: 10.5, therapyName: 10.5, footer: 8.5, badge: 22, bodyFloor: 9, numberedSteps: true,
            columns: columns, columnGap: 22 * scale, maxGrowth: 1.35, maxPictureGrowth: 1.7, notesArea: true, picture: 62, icon: 18)
    }
}
