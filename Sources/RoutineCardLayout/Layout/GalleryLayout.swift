import RoutineCardModel

/// A review sheet of drawings with their names, in a grid on A4 pages.
package struct GalleryLayout {
    let measurer: any TextMeasuring
    let theme: Theme
    /// The drawings to show (the built-in ones), in order.
    let names: [String]

    package init(measurer: any TextMeasuring, theme: Theme, names: [String]) {
        self.measurer = measurer
        self.theme = theme
        self.names = names
    }

    /// The grid on as few pages as it takes: four drawings across, or up to six (smaller) when
    /// that puts them all on one page rather than leaving a few on a second.
    package func pages(columns: Int? = nil) throws -> [PlacedPage] {
        let size = Size(width: Paper.a4.width, height: Paper.a4.height)
        let safeArea = Rect(x: 0, y: 0, width: size.width, height: size.height).insetBy(Units.mm(12))
        let context = LayoutContext(measurer: measurer, theme: theme, bodyFloor: 8)
        let title = TextBlock(
            plain: "RoutineCard illustrations (\(names.count), theme \(theme.name.rawValue))",
            TextSpec(size: 14, bold: true, color: theme.accent, role: .title))
        let titleHeight = try title.height(width: safeArea.width, in: context)
        func grid(_ columns: Int) -> (cellWidth: Double, picture: Double, cellHeight: Double, rows: Int) {
            let cellWidth = safeArea.width / Double(columns)
            let picture = min(cellWidth - 20, 90)
            let cellHeight = picture + 26
            return (cellWidth, picture, cellHeight, max(1, Int((safeArea.height - titleHeight - 12) / cellHeight)))
        }
        let columns = columns ?? (4...6).first { grid($0).rows * $0 >= names.count } ?? 4
        let (cellWidth, picture, cellHeight, rowsPerPage) = grid(columns)
        let labelSpec = TextSpec(size: 9, color: theme.text, role: .label, alignment: .center)
        var pages: [PlacedPage] = []
        for start in stride(from: 0, to: names.count, by: rowsPerPage * columns) {
            var elements: [PlacedElement] = []
            try title.place(in: Rect(x: safeArea.x, y: safeArea.y, width: safeArea.width, height: titleHeight), in: context, into: &elements)
            for (offset, name) in names[start..<min(names.count, start + rowsPerPage * columns)].enumerated() {
                let x = safeArea.x + Double(offset % columns) * cellWidth
                let y = safeArea.y + titleHeight + 12 + Double(offset / columns) * cellHeight
                elements.append(
                    .shape(
                        PlacedShape(
                            kind: .rectangle(cornerRadius: 4), frame: Rect(x: x + 4, y: y, width: cellWidth - 8, height: picture + 4),
                            stroke: theme.muted.mixed(with: theme.page, 0.7), lineWidth: 0.5)))
                elements.append(
                    .image(
                        PlacedImage(frame: Rect(x: x + (cellWidth - picture) / 2, y: y + 2, width: picture, height: picture), source: name, theme: theme.name)))
                // A name on one line, smaller where it is long: it is what a routine file types.
                var spec = labelSpec
                let natural = try TextBlock(plain: name, spec).metrics(width: 10_000, in: context).width
                if natural > cellWidth - 4 { spec.size = max(6.5, (spec.size * (cellWidth - 4) / natural * 4).rounded(.down) / 4) }
                try TextBlock(plain: name, spec).place(in: Rect(x: x, y: y + picture + 8, width: cellWidth, height: 20), in: context, into: &elements)
            }
            pages.append(PlacedPage(size: size, bleed: 0, safeArea: safeArea, background: theme.page, elements: elements))
        }
        return pages
    }
}
