import RoutineCardModel

/// A week grid to tick off sessions: weekday names across, one row of boxes per session of the day.
struct TrackerGrid: Block {
    var weekdays: [String]
    var sessions: Int
    var labelSpec: TextSpec
    /// The preferred side of a tick box; narrower columns make it smaller.
    var cell: Double
    var stroke: Color
    var lineWidth: Double

    private func metrics(
        width: Double, in context: LayoutContext
    ) throws -> (label: Double, column: Double, side: Double, header: Double, days: [String]) {
        let label = sessions > 1 ? cell * 0.9 : 0
        let column = (width - label) / Double(weekdays.count)
        let side = min(cell, column * 0.7)
        let days = try headings(column: column, in: context)
        var header = 0.0
        for day in days {
            let request = TextRequest(text: day, emphasis: [], font: context.font(labelSpec), alignment: .center, width: column)
            header = max(header, try context.measurer.measure(request).height)
        }
        return (label, column, side, header, days)
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
        return m.header + Double(sessions) * (m.side + m.side * 0.35)
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let m = try metrics(width: frame.width, in: context)
        let font = context.font(labelSpec)
        for (index, day) in m.days.enumerated() {
            let x = frame.x + m.label + Double(index) * m.column
            let request = TextRequest(text: day, emphasis: [], font: font, alignment: .center, width: m.column)
            let measured = try context.measurer.measure(request)
            elements.append(
                .text(
                    PlacedText(
                        frame: Rect(x: x, y: frame.y, width: m.column, height: measured.height), text: day, emphasis: [],
                        font: font, color: labelSpec.color, alignment: .center, role: .label, lineCount: measured.lineCount)))
        }
        for session in 0..<sessions {
            let y = frame.y + m.header + m.side * 0.35 + Double(session) * (m.side * 1.35)
            if sessions > 1 {
                let label = "\(session + 1)"
                let request = TextRequest(text: label, emphasis: [], font: font, alignment: .left, width: m.label)
                let measured = try context.measurer.measure(request)
                elements.append(
                    .text(
                        PlacedText(
                            frame: Rect(x: frame.x, y: y + (m.side - measured.height) / 2, width: m.label, height: measured.height),
                            text: label, emphasis: [], font: font, color: labelSpec.color, alignment: .left, role: .label,
                            lineCount: measured.lineCount)))
            }
            for index in weekdays.indices {
                let x = frame.x + m.label + Double(index) * m.column + (m.column - m.side) / 2
                elements.append(
                    .shape(
                        PlacedShape(
                            kind: .checkCell, frame: Rect(x: x, y: y, width: m.side, height: m.side).insetBy(lineWidth / 2),
                            stroke: stroke, lineWidth: lineWidth)))
            }
        }
    }
}
