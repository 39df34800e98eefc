import Foundation
import RoutineCardModel

/// Lays cards out on printer sheets. When the card size divides the paper (A6 and A7 on A4, quarter-
/// and half-Letter on Letter) the cards tile it edge to edge, with cut guides in their blank margins;
/// otherwise they are spaced out with crop marks between them, inside the paper less a printer margin.
/// Every sheet carries a 50 mm ruler to check the printer did not scale the page; cards with backs
/// get a following sheet of backs that line up in duplex printing.
package struct SheetImposer {
    let options: SheetOptions
    let theme: Theme
    let measurer: any TextMeasuring

    package init(options: SheetOptions, theme: Theme, measurer: any TextMeasuring) {
        self.options = options
        self.theme = theme
        self.measurer = measurer
    }

    /// How near the paper's edge home printers print: nothing of a card's content comes nearer.
    package static let printerMargin = Units.mm(5)
    private static let gutter = Units.mm(6)
    private static let markOffset = Units.mm(1)
    private static let markLength = Units.mm(4)
    private static let rulerStrip = Units.mm(12)

    /// Where spaced-out cards may go: the page less the printer margin, room for the crop marks
    /// outside the cards, and the ruler's strip.
    static func workArea(on paper: Paper) -> Rect {
        let inset = printerMargin + markOffset + markLength
        return Rect(x: inset, y: inset, width: paper.width - 2 * inset, height: paper.height - 2 * inset - rulerStrip)
    }

    /// How the cards of `size` lie on the sheet, or nil when not even one fits.
    static func grid(for size: Size, on paper: Paper) -> SheetGrid? {
        SheetGrid.tiling(of: size, on: Size(width: paper.width, height: paper.height))
            ?? SheetGrid.spaced(size, gutter: gutter, in: workArea(on: paper))
    }

    /// Whether at least one card of `size` fits on the sheet, either way round.
    package static func fits(_ size: Size, on sheet: SheetOptions) -> Bool {
        grid(for: size, on: sheet.paper) != nil
    }

    /// The smallest card margin that keeps content ``printerMargin`` from the paper's edge when
    /// cards of `size` tile the sheet edge to edge; nil when they do not tile it.
    package static func requiredMargin(for size: Size, on sheet: SheetOptions) -> Double? {
        let paper = sheet.paper
        guard let grid = SheetGrid.tiling(of: size, on: Size(width: paper.width, height: paper.height)) else { return nil }
        return printerMargin - slack(of: grid, on: paper)
    }

    /// The narrowest strip of paper left around tiled cards.
    private static func slack(of grid: SheetGrid, on paper: Paper) -> Double {
        let bounds = grid.bounds
        return min(bounds.minX, bounds.minY, paper.width - bounds.maxX, paper.height - bounds.maxY)
    }

    /// How many cards of `size` one sheet holds (0: none fit).
    package static func cardsPerSheet(_ size: Size, on sheet: SheetOptions) -> Int {
        grid(for: size, on: sheet.paper)?.slots.count ?? 0
    }

    /// - Parameter cards: each card's front and, for two-sided cards, its back.
    /// - Returns: the sheets, each sheet of fronts followed by its sheet of backs, and how many cards
    ///   they hold (every copy; a front and its back are one card).
    package func sheets(for cards: [(front: PlacedPage, back: PlacedPage?)]) throws -> (pages: [PlacedPage], cardCount: Int) {
        let paper = options.paper
        guard let first = cards.first else { return ([], 0) }
        guard let grid = Self.grid(for: first.front.size, on: paper) else {
            let size = first.front.size
            throw LayoutError(
                description:
                    "a \(Int((size.width / Units.pointsPerMillimetre).rounded())) × \(Int((size.height / Units.pointsPerMillimetre).rounded())) mm card does not fit on the sheet with room for crop marks"
            )
        }
        let blank = cards.flatMap { [$0.front] + ($0.back.map { [$0] } ?? []) }.map(Self.blankMargin).min() ?? 0
        if grid.isTiled { try Self.requirePrinterMargin(blank: blank, grid: grid, paper: paper) }
        let perSheet = grid.slots.count
        // Collated: each copy is the whole set of cards in order (card 1, card 2, card 1, card 2…),
        // so a routine that runs over two cards prints whole sets, not a sheet of card 1 alone.
        let copies: [(front: PlacedPage, back: PlacedPage?)]
        switch options.copies {
        case .count(let count): copies = (0..<max(1, count)).flatMap { _ in cards }
        case .fill:
            let places = (cards.count + perSheet - 1) / perSheet * perSheet
            copies = (0..<places).map { cards[$0 % cards.count] }
        }
        let page = Size(width: paper.width, height: paper.height)
        let safe = Rect(x: 0, y: 0, width: paper.width, height: paper.height).insetBy(Self.printerMargin)
        let marks = grid.isTiled ? cutGuides(grid, paper: paper, blank: blank) : []
        let ruler = grid.isTiled ? try rulerBetweenRows(grid, blank: blank) : try ruler(on: paper)
        var sheets: [PlacedPage] = []
        var index = 0
        while index < copies.count {
            let batch = copies[index..<min(index + perSheet, copies.count)]
            var front: [PlacedElement] = []
            var back: [PlacedElement] = []
            for (slot, card) in zip(grid.slots, batch) {
                let placed = PlacedCard(card: card.front, origin: slot, quarterTurns: grid.quarterTurns)
                front.append(.card(placed))
                if !grid.isTiled { front += cropMarks(around: placed.frame) }
                if let backPage = card.back {
                    back.append(.card(mirrored(backPage, slot: slot, quarterTurns: grid.quarterTurns, paper: paper)))
                }
            }
            front += marks + ruler
            sheets.append(PlacedPage(size: page, bleed: 0, safeArea: safe, background: .white, elements: front))
            if !back.isEmpty {
                sheets.append(PlacedPage(size: page, bleed: 0, safeArea: safe, background: .white, elements: back))
            }
            index += perSheet
        }
        return (sheets, copies.count)
    }

    /// The blank space between a card's edge and its content (its safe area), on its narrowest side.
    static func blankMargin(_ card: PlacedPage) -> Double {
        let safe = card.safeArea
        return min(safe.minX, safe.minY, card.size.width - safe.maxX, card.size.height - safe.maxY)
    }

    /// Tiled cards reach the paper's edge, so their own margin must keep content where printers print.
    private static func requirePrinterMargin(blank: Double, grid: SheetGrid, paper: Paper) throws {
        let slack = slack(of: grid, on: paper)
        guard blank + slack < printerMargin - 0.01 else { return }
        func mm(_ points: Double) -> String { String(format: "%.1f", points / Units.pointsPerMillimetre) }
        throw LayoutError(
            description:
                "cards tiled edge to edge on \(paper.name) paper need a margin of at least \(mm(printerMargin - slack)) mm, so that nothing is printed "
                + "where home printers cannot reach; these have \(mm(blank)) mm: raise the margin, or leave out the sheet"
        )
    }

    /// Short lines where the cuts between tiled cards run: from each sheet edge into the cards'
    /// blank margins, and a cross where two cuts meet; never over content.
    private func cutGuides(_ grid: SheetGrid, paper: Paper, blank: Double) -> [PlacedElement] {
        let reach = max(Units.mm(1), min(blank - Units.mm(1.5), Units.mm(5)))
        let bounds = grid.bounds, cuts = grid.innerCuts
        var lines: [Rect] = []
        for x in cuts.x {
            lines.append(Rect(x: x, y: 0, width: 0, height: bounds.minY + reach))
            lines.append(Rect(x: x, y: bounds.maxY - reach, width: 0, height: paper.height - bounds.maxY + reach))
            for y in cuts.y { lines.append(Rect(x: x, y: y - reach, width: 0, height: 2 * reach)) }
        }
        for y in cuts.y {
            lines.append(Rect(x: 0, y: y, width: bounds.minX + reach, height: 0))
            lines.append(Rect(x: bounds.maxX - reach, y: y, width: paper.width - bounds.maxX + reach, height: 0))
            for x in cuts.x { lines.append(Rect(x: x - reach, y: y, width: 2 * reach, height: 0)) }
        }
        return lines.map { .shape(PlacedShape(kind: .line, frame: $0, stroke: .black, lineWidth: 0.4)) }
    }

    /// The 50 mm ruler of a tiled sheet: in the blank margins either side of the middle cut between
    /// rows, ticks above the cut and the words below, left of any cross.
    private func rulerBetweenRows(_ grid: SheetGrid, blank: Double) throws -> [PlacedElement] {
        let cuts = grid.innerCuts.y
        guard !cuts.isEmpty else { return [] }
        let cut = cuts[(cuts.count - 1) / 2]
        let left = grid.bounds.minX + blank
        let right = (grid.innerCuts.x.first ?? grid.bounds.maxX) - blank
        return try ruler(left: left, baseline: cut - Units.mm(1), textTop: cut + Units.mm(0.8), textWidth: right - left, size: 6)
    }

    /// The ruler of a spaced-out sheet, at the foot of the printable area.
    private func ruler(on paper: Paper) throws -> [PlacedElement] {
        let work = Rect(x: 0, y: 0, width: paper.width, height: paper.height).insetBy(Self.printerMargin)
        let left = work.minX
        let baseline = paper.height - Self.printerMargin - Units.mm(2)
        var elements = try ruler(left: left, baseline: baseline, textTop: nil, textWidth: 0, size: 7)
        let font = FontStyle(family: theme.fontFamily, size: 7)
        let text = Self.rulerWords
        let request = TextRequest(text: text, emphasis: [], font: font, alignment: .left, width: work.maxX - left - Units.mm(53))
        let metrics = try measurer.measure(request)
        elements.append(
            .text(
                PlacedText(
                    frame: Rect(x: left + Units.mm(53), y: baseline - metrics.height, width: request.width, height: metrics.height),
                    text: text, emphasis: [], font: font, color: .black, alignment: .left, role: .label, lineCount: metrics.lineCount)))
        return elements
    }

    static let rulerWords = "50 mm — if this ruler is not 50 mm long, print at actual size (100 %, no fit to page)"

    /// A 50 mm line with ticks every 5 mm rising from `baseline`; with `textTop`, the words below it.
    private func ruler(left: Double, baseline: Double, textTop: Double?, textWidth: Double, size: Double) throws -> [PlacedElement] {
        var elements: [PlacedElement] = [
            .shape(PlacedShape(kind: .line, frame: Rect(x: left, y: baseline, width: Units.mm(50), height: 0), stroke: .black, lineWidth: 0.5))
        ]
        for tick in 0...10 {
            let x = left + Units.mm(Double(tick) * 5)
            let height = Units.mm(tick % 2 == 0 ? 2.5 : 1.2)
            elements.append(.shape(PlacedShape(kind: .line, frame: Rect(x: x, y: baseline - height, width: 0, height: height), stroke: .black, lineWidth: 0.4)))
        }
        guard let textTop else { return elements }
        let font = FontStyle(family: theme.fontFamily, size: size)
        let request = TextRequest(text: Self.rulerWords, emphasis: [], font: font, alignment: .left, width: textWidth)
        let metrics = try measurer.measure(request)
        elements.append(
            .text(
                PlacedText(
                    frame: Rect(x: left, y: textTop, width: textWidth, height: metrics.height),
                    text: Self.rulerWords, emphasis: [], font: font, color: .black, alignment: .left, role: .label, lineCount: metrics.lineCount)))
        return elements
    }

    /// The back of the card at `slot`, placed where it lands behind its front once the sheet is turned.
    private func mirrored(_ back: PlacedPage, slot: Point, quarterTurns: Int, paper: Paper) -> PlacedCard {
        let frame = PlacedCard(card: back, origin: slot, quarterTurns: quarterTurns).frame
        switch options.flip {
        case .long:
            // Turned over the long (vertical) edge: left and right swap.
            let x = paper.width - frame.maxX - options.backOffset.x
            return PlacedCard(card: back, origin: Point(x: x, y: frame.y - options.backOffset.y), quarterTurns: quarterTurns)
        case .short:
            // Turned over the short edge: top and bottom swap, and the back is upside down.
            let y = paper.height - frame.maxY - options.backOffset.y
            return PlacedCard(card: back, origin: Point(x: frame.x - options.backOffset.x, y: y), quarterTurns: (quarterTurns + 2) % 4)
        }
    }

    /// Short lines at each corner, outside the card, where the cuts go.
    private func cropMarks(around frame: Rect) -> [PlacedElement] {
        let ink = Color.black, width = 0.4
        var marks: [PlacedElement] = []
        for (x, y, dx, dy) in [
            (frame.minX, frame.minY, -1.0, -1.0), (frame.maxX, frame.minY, 1.0, -1.0),
            (frame.minX, frame.maxY, -1.0, 1.0), (frame.maxX, frame.maxY, 1.0, 1.0),
        ] {
            // Horizontal mark along the top or bottom edge, vertical mark along the side.
            let hx = dx < 0 ? x - Self.markOffset - Self.markLength : x + Self.markOffset
            marks.append(.shape(PlacedShape(kind: .line, frame: Rect(x: hx, y: y, width: Self.markLength, height: 0), stroke: ink, lineWidth: width)))
            let vy = dy < 0 ? y - Self.markOffset - Self.markLength : y + Self.markOffset
            marks.append(.shape(PlacedShape(kind: .line, frame: Rect(x: x, y: vy, width: 0, height: Self.markLength), stroke: ink, lineWidth: width)))
        }
        return marks
    }
}
