import RoutineCardModel

/// A week of tick boxes: weekday names across, and under each day a box per session of the day.
///
/// The grid (the handout) gives each session a row of large boxes, numbered at the left. The compact
/// form (the fridge card, short of room) carries its own title at the left of the weekday names and
/// sets a day's boxes side by side under its name, wrapping into a second row only when they do not
/// fit, so a week costs about two lines and no heading.
struct TrackerGrid: Block {
    var weekdays: [String]
    var sessions: Int
    var labelSpec: TextSpec
    /// The preferred side of a tick box; narrower columns make it smaller.
    var cell: Double
    var stroke: Color
    var lineWidth: Double
    /// Set for the compact form: the title at the left, in place of a section heading.
    var compactTitle: TextBlock?
    private var compact: Bool { compactTitle != nil }

    private struct Metrics {
        /// The width of the session numbers at the left (0 when there are none).
        var label: Double
        var column: Double
        var side: Double
        /// Space between boxes.
        var gap: Double
        /// The height of the compact title and its gap when it goes above the days (else 0).
        var titleAbove: Double
        /// The height of the compact title when it goes at the left of the days and boxes (else 0).
        var titleBeside: Double
        /// The height of the row of day names.
        var header: Double
        var days: [String]
        /// Boxes side by side under a day, and how many rows of them.
        var perRow: Int
        var rows: Int

        var height: Double { titleAbove + max(titleBeside, header + Double(rows) * (side + gap)) }
    }

    private func metrics(width: Double, in context: LayoutContext) throws -> Metrics {
        guard let compactTitle else {
            // The grid: a row of boxes per session, numbered at the left when there are several.
            let label = sessions > 1 ? cell * 0.9 : 0
            let column = (width - label) / Double(weekdays.count)
            let side = min(cell, column * 0.7)
            let (days, header) = try dayHeadings(column: column, in: context)
            return Metrics(
                label: label, column: column, side: side, gap: side * 0.35, titleAbove: 0, titleBeside: 0, header: header, days: days,
                perRow: 1, rows: sessions)
        }
        // Compact: the boxes of a day side by side within its column, days kept apart, as large
        // as the preferred side allows and never smaller than a pen's tick needs, wrapping into
        // rows. The title goes at the left of the days (on one line or two) or above them,
        // whichever makes the tracker least tall.
        func boxes(column: Double) -> (side: Double, gap: Double, perRow: Int, rows: Int) {
            // A day's boxes close together (about a seventh of a box apart), days further apart.
            let room = column - cell * 0.45
            let side = min(cell, max(room / (Double(sessions) * 1.15 - 0.15), Self.smallestCompactBox))
            let gap = side * 0.15
            let perRow = max(1, min(sessions, Int(((room + gap) / (side + gap) + 0.01).rounded(.down))))
            return (side, gap, perRow, (sessions + perRow - 1) / perRow)
        }
        // Candidates: the title on one line beside the days, wrapped at its widest word beside
        // them, or above them; the least tall wins (the first of equals).
        let oneLine = try compactTitle.metrics(width: 10_000, in: context).width
        let widestWord =
            try compactTitle.content.plain.split(separator: " ").map {
                try TextBlock(plain: String($0), compactTitle.spec).metrics(width: 10_000, in: context).width
            }.max() ?? oneLine
        var best: Metrics?
        for titleWidth in [oneLine, widestWord, nil] {
            let label = titleWidth.map { $0 + cell * 0.6 } ?? 0
            let column = (width - label) / Double(weekdays.count)
            let fit = boxes(column: column)
            let (days, header) = try dayHeadings(column: column, in: context)
            var titleAbove = 0.0
            var titleBeside = 0.0
            if titleWidth != nil {
                titleBeside = try compactTitle.height(width: label, in: context)
            } else {
                titleAbove = try compactTitle.height(width: width, in: context) + fit.gap
            }
            let candidate = Metrics(
                label: label, column: column, side: fit.side, gap: fit.gap, titleAbove: titleAbove, titleBeside: titleBeside,
                header: header, days: days,
                perRow: fit.perRow, rows: fit.rows)
            if best.map({ candidate.height < $0.height - 0.01 }) ?? true { best = candidate }
        }
        guard let best else { throw LayoutError(description: "no tracker layout") }
        return best
    }

    /// The smallest compact tick box, in points (2.8 mm).
    static let smallestCompactBox = 8.0

    private func dayHeadings(column: Double, in context: LayoutContext) throws -> (days: [String], height: Double) {
        let days = try headings(column: column, in: context)
        var height = 0.0
        for day in days {
            let request = TextRequest(text: day, emphasis: [], font: context.font(labelSpec), alignment: .center, width: column)
            height = max(height, try context.measurer.measure(request).height)
        }
        return (days, height)
    }

    /// The weekday names as long as every one fits its column on one line: whole ("Wed"), then
    /// shortened to two letters, then one. A name is never broken inside ("We-" / "d").
    private func headings(column: Double, in context: LayoutContext) throws -> [String] {
        let font = context.font(labelSpec)
        for length in [Int.max, 2, 1] {
            let days = weekdays.map { String($0.prefix(length)) }
            let widest =
                try days.map { day in
                    try context.measurer.measure(TextRequest(text: day, emphasis: [], font: font, alignment: .left, width: 10_000)).width
                }.max() ?? 0
            if widest <= column { return days }
        }
        return weekdays.map { String($0.prefix(1)) }
    }

    func height(width: Double, in context: LayoutContext) throws -> Double {
        let m = try metrics(width: width, in: context)
        return m.height
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let m = try metrics(width: frame.width, in: context)
        let font = context.font(labelSpec)
        if let compactTitle {
            if m.titleAbove > 0 {
                let height = try compactTitle.height(width: frame.width, in: context)
                try compactTitle.place(in: Rect(x: frame.x, y: frame.y, width: frame.width, height: height), in: context, into: &elements)
            } else {
                try compactTitle.place(in: Rect(x: frame.x, y: frame.y, width: m.label, height: m.titleBeside), in: context, into: &elements)
            }
        }
        let frame = Rect(x: frame.x, y: frame.y + m.titleAbove, width: frame.width, height: frame.height - m.titleAbove)
        for (index, day) in m.days.enumerated() {
            let x = frame.x + m.label + Double(index) * m.column
            let request = TextRequest(text: day, emphasis: [], font: font, alignment: .center, width: m.column)
            let measured = try context.measurer.measure(request)
            elements.append(
                .text(
                    PlacedText(
                        frame: Rect(x: x, y: frame.y + m.header - measured.height, width: m.column, height: measured.height), text: day, emphasis: [],
                        font: font, color: labelSpec.color, alignment: .center, role: .label, lineCount: measured.lineCount)))
        }
        for row in 0..<m.rows {
            let y = frame.y + m.header + m.gap + Double(row) * (m.side + m.gap)
            if m.label > 0, !compact {
                let label = "\(row + 1)"
                let request = TextRequest(text: label, emphasis: [], font: font, alignment: .left, width: m.label)
                let measured = try context.measurer.measure(request)
                elements.append(
                    .text(
                        PlacedText(
                            frame: Rect(x: frame.x, y: y + (m.side - measured.height) / 2, width: m.label, height: measured.height),
                            text: label, emphasis: [], font: font, color: labelSpec.color, alignment: .left, role: .label,
                            lineCount: measured.lineCount)))
            }
            // The boxes of this row under each day, centred in the day's column.
            let count = min(m.perRow, sessions - row * m.perRow)
            let groupWidth = Double(count) * m.side + Double(count - 1) * m.gap
            for index in weekdays.indices {
                let left = frame.x + m.label + Double(index) * m.column + (m.column - groupWidth) / 2
                for box in 0..<count {
                    let x = left + Double(box) * (m.side + m.gap)
                    elements.append(
                        .shape(
                            PlacedShape(
                                kind: .checkCell, frame: Rect(x: x, y: y, width: m.side, height: m.side).insetBy(lineWidth / 2),
                                stroke: stroke, lineWidth: lineWidth)))
                }
            }
        }
    }
}
