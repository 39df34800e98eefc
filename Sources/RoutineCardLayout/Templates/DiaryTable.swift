import RoutineCardModel

/// A week's symptom diary: a row per day, a column per thing to note, ruled cells to write in, and
/// the warning for a long cramp under it.
struct DiaryTable: Block {
    var columns: [DiaryColumn]
    var weekdays: [String]
    var labels: HandoutLabels
    var labelSpec: TextSpec
    /// The muted "Y / N" in the sleep cells.
    var hintSpec: TextSpec
    var warningSpec: TextSpec
    /// A writing row's height.
    var rowHeight: Double
    var stroke: Color
    var lineWidth: Double

    private func dayWidth(in context: LayoutContext) throws -> Double {
        try weekdays.map { try TextBlock(plain: $0, labelSpec).metrics(width: 10_000, in: context).width }.max() ?? 0
    }

    /// The column titles, each set smaller where its longest word would not fit the column (a
    /// title wraps between words, never inside one: "Longes-" / "t").
    private func headers(column: Double, in context: LayoutContext) throws -> [TextBlock] {
        try columns.map {
            let title = labels.title(of: $0)
            var spec = labelSpec
            spec.alignment = .center
            let widest = try title.split(separator: " ").map { try TextBlock(plain: String($0), spec).metrics(width: 10_000, in: context).width }.max() ?? 0
            if widest > column - 2 { spec.size = max(5, spec.size * (column - 2) / widest * 0.97) }
            return TextBlock(plain: title, spec)
        }
    }

    private func metrics(width: Double, in context: LayoutContext) throws -> (day: Double, column: Double, header: Double, warning: Double) {
        let day = try dayWidth(in: context) + labelSpec.size * 0.6
        let column = (width - day) / Double(max(1, columns.count))
        let header = try headers(column: column, in: context).map { try $0.height(width: column - 2, in: context) }.max() ?? 0
        let warning = columns.contains(.longest) ? try TextBlock(plain: labels.longWarning, warningSpec).height(width: width, in: context) : 0
        return (day, column, header + labelSpec.size * 0.3, warning)
    }

    func height(width: Double, in context: LayoutContext) throws -> Double {
        let m = try metrics(width: width, in: context)
        return m.header + Double(weekdays.count) * rowHeight + (m.warning > 0 ? m.warning + labelSpec.size * 0.4 : 0)
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let m = try metrics(width: frame.width, in: context)
        for (index, header) in try headers(column: m.column, in: context).enumerated() {
            let height = try header.height(width: m.column - 2, in: context)
            let x = frame.x + m.day + Double(index) * m.column + 1
            // Headers sit on the grid, the shorter ones level with the foot of the tallest.
            try header.place(
                in: Rect(x: x, y: frame.y + m.header - labelSpec.size * 0.3 - height, width: m.column - 2, height: height), in: context, into: &elements)
        }
        let top = frame.y + m.header
        let gridWidth = frame.width - m.day
        for (row, day) in weekdays.enumerated() {
            let y = top + Double(row) * rowHeight
            let label = TextBlock(plain: day, labelSpec)
            let height = try label.height(width: m.day, in: context)
            try label.place(in: Rect(x: frame.x, y: y + (rowHeight - height) / 2, width: m.day, height: height), in: context, into: &elements)
            for (index, column) in columns.enumerated() where column == .sleep {
                var spec = hintSpec
                spec.alignment = .center
                let hint = TextBlock(plain: labels.yesNo, spec)
                let hintHeight = try hint.height(width: m.column, in: context)
                try hint.place(
                    in: Rect(x: frame.x + m.day + Double(index) * m.column, y: y + (rowHeight - hintHeight) / 2, width: m.column, height: hintHeight),
                    in: context, into: &elements)
            }
        }
        // The ruling: the grid's outline, a line under each day, and between the columns.
        let grid = Rect(x: frame.x + m.day, y: top, width: gridWidth, height: Double(weekdays.count) * rowHeight)
        elements.append(.shape(PlacedShape(kind: .rectangle(cornerRadius: 0), frame: grid, stroke: stroke, lineWidth: lineWidth)))
        for row in 1..<weekdays.count {
            let y = top + Double(row) * rowHeight
            elements.append(
                .shape(PlacedShape(kind: .line, frame: Rect(x: grid.minX, y: y, width: grid.width, height: 0), stroke: stroke, lineWidth: lineWidth * 0.6)))
        }
        for index in 1..<max(1, columns.count) {
            let x = grid.minX + Double(index) * m.column
            elements.append(.shape(PlacedShape(kind: .line, frame: Rect(x: x, y: top, width: 0, height: grid.height), stroke: stroke, lineWidth: lineWidth)))
        }
        if m.warning > 0 {
            let warning = TextBlock(plain: labels.longWarning, warningSpec)
            try warning.place(in: Rect(x: frame.x, y: grid.maxY + labelSpec.size * 0.4, width: frame.width, height: m.warning), in: context, into: &elements)
        }
    }
}
