/// Fixed-width blocks side by side from the left, wrapping onto further rows when the width runs out.
struct FlowRow: Block {
    var items: [(block: Block, width: Double)]
    var spacing: Double

    /// The items of each row.
    private func rows(width: Double) -> [[(block: Block, width: Double)]] {
        var rows: [[(block: Block, width: Double)]] = [[]]
        var used = 0.0
        for item in items {
            let needed = (rows[rows.count - 1].isEmpty ? 0 : spacing) + item.width
            if !rows[rows.count - 1].isEmpty, used + needed > width + 0.01 {
                rows.append([item])
                used = item.width
            } else {
                rows[rows.count - 1].append(item)
                used += needed
            }
        }
        return rows
    }

    private func rowHeight(_ row: [(block: Block, width: Double)], in context: LayoutContext) throws -> Double {
        try row.map { try $0.block.height(width: $0.width, in: context) }.max() ?? 0
    }

    func height(width: Double, in context: LayoutContext) throws -> Double {
        let rows = rows(width: width)
        return try rows.map { try rowHeight($0, in: context) }.reduce(0, +) + spacing * Double(max(0, rows.count - 1))
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        var y = frame.y
        for row in rows(width: frame.width) {
            let height = try rowHeight(row, in: context)
            var x = frame.x
            for item in row {
                try item.block.place(in: Rect(x: x, y: y, width: item.width, height: height), in: context, into: &elements)
                x += item.width + spacing
            }
            y += height + spacing
        }
    }
}
