import RoutineCardModel

/// Where cards sit on a printer sheet: either tiled edge to edge, when the card size divides the
/// sheet, or spaced out with gutters for crop marks.
struct SheetGrid: Equatable {
    /// Each card's top-left corner on the sheet, row by row.
    var slots: [Point]
    /// Clockwise quarter turns of every card (1: a portrait card set sideways).
    var quarterTurns: Int
    /// The card's size as it lies on the sheet (turned when `quarterTurns` is odd).
    var cell: Size
    var columns: Int
    var rows: Int
    /// Cards touch each other and the sheet's edges; cut guides go in their margins.
    var isTiled: Bool

    /// How far from a whole number of cards a sheet may be and still count as tiled.
    static let tilingTolerance = Units.mm(1) + 0.01

    /// The tiling of `card` over `sheet` with the most cards, when the card size divides the sheet
    /// within ``tilingTolerance`` either way round (A6 or A7 on A4, quarter- or half-Letter on
    /// Letter); nil for other sizes and for a card as large as the sheet.
    static func tiling(of card: Size, on sheet: Size) -> SheetGrid? {
        var best: SheetGrid?
        for turns in [0, 1] {
            let cell = turns == 0 ? card : Size(width: card.height, height: card.width)
            let columns = Int((sheet.width / cell.width).rounded()), rows = Int((sheet.height / cell.height).rounded())
            guard columns >= 1, rows >= 1, columns * rows >= 2,
                abs(Double(columns) * cell.width - sheet.width) <= tilingTolerance,
                abs(Double(rows) * cell.height - sheet.height) <= tilingTolerance
            else { continue }
            if let best, best.slots.count >= columns * rows { continue }
            best = make(
                cell: cell, columns: columns, rows: rows, gutter: 0, in: Rect(x: 0, y: 0, width: sheet.width, height: sheet.height), quarterTurns: turns,
                tiled: true)
        }
        return best
    }

    /// Cards with `gutter` between them, as many as fit in `work` either way round, centred.
    static func spaced(_ card: Size, gutter: Double, in work: Rect) -> SheetGrid? {
        func fit(_ size: Size) -> (columns: Int, rows: Int) {
            (Int(((work.width + gutter) / (size.width + gutter)).rounded(.down)), Int(((work.height + gutter) / (size.height + gutter)).rounded(.down)))
        }
        let upright = fit(card), turned = fit(Size(width: card.height, height: card.width))
        let useTurned = turned.columns * turned.rows > upright.columns * upright.rows
        let (columns, rows) = useTurned ? turned : upright
        guard columns > 0, rows > 0 else { return nil }
        let cell = useTurned ? Size(width: card.height, height: card.width) : card
        return make(cell: cell, columns: columns, rows: rows, gutter: gutter, in: work, quarterTurns: useTurned ? 1 : 0, tiled: false)
    }

    private static func make(cell: Size, columns: Int, rows: Int, gutter: Double, in area: Rect, quarterTurns: Int, tiled: Bool) -> SheetGrid {
        let totalWidth = Double(columns) * cell.width + Double(columns - 1) * gutter
        let totalHeight = Double(rows) * cell.height + Double(rows - 1) * gutter
        let x0 = area.x + (area.width - totalWidth) / 2, y0 = area.y + (area.height - totalHeight) / 2
        var slots: [Point] = []
        for row in 0..<rows {
            for column in 0..<columns {
                slots.append(Point(x: x0 + Double(column) * (cell.width + gutter), y: y0 + Double(row) * (cell.height + gutter)))
            }
        }
        return SheetGrid(slots: slots, quarterTurns: quarterTurns, cell: cell, columns: columns, rows: rows, isTiled: tiled)
    }

    /// The cards' outer frame.
    var bounds: Rect {
        guard let first = slots.first, let last = slots.last else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: first.x, y: first.y, width: last.x + cell.width - first.x, height: last.y + cell.height - first.y)
    }

    /// Where the cuts between tiled cards run: x of each cut between columns, y between rows.
    var innerCuts: (x: [Double], y: [Double]) {
        let b = bounds
        return ((1..<max(1, columns)).map { b.x + Double($0) * cell.width }, (1..<max(1, rows)).map { b.y + Double($0) * cell.height })
    }
}
