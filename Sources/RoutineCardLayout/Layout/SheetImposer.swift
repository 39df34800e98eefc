import Foundation
import RoutineCardModel

/// How cards go onto printer sheets.
public struct SheetOptions: Hashable, Sendable {
    /// The printer paper.
    public enum Kind: String, Sendable, CaseIterable {
        /// A4 or US Letter.
        case a4, letter
        /// A4 or Letter, whichever the locale uses; the layout prints uncut on both anyway.
        case any
    }

    /// Which way the paper turns for printing the back.
    public enum Flip: String, Sendable, CaseIterable {
        /// Turned over its long edge (most printers' default).
        case long
        /// Turned over its short edge.
        case short
    }

    /// The printer paper.
    public var kind: Kind
    /// How many copies of the whole set of cards (at least one), collated.
    public var copies: Int
    /// How the printer turns the paper for the back.
    public var flip: Flip
    /// How far the back side prints from where it should, measured with `routinecard calibrate`;
    /// backs are moved the other way by this much (points, x to the right, y down).
    package var backOffset: Point

    /// - Parameters:
    ///   - backOffsetX: how far right of where it should the back side prints, in points.
    ///   - backOffsetY: how far below where it should the back side prints, in points.
    public init(kind: Kind = .a4, copies: Int = 1, flip: Flip = .long, backOffsetX: Double = 0, backOffsetY: Double = 0) {
        self.kind = kind
        self.copies = max(1, copies)
        self.flip = flip
        self.backOffset = Point(x: backOffsetX, y: backOffsetY)
    }

    /// The paper `kind` stands for; `any` asks the locale (LC_ALL, LC_PAPER, LANG).
    package func paper(environment: [String: String] = ProcessInfo.processInfo.environment) -> Paper {
        switch kind {
        case .a4: return .a4
        case .letter: return .letter
        case .any:
            let locale = ["LC_ALL", "LC_PAPER", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
            let region = locale.split(separator: ".").first?.split(separator: "_").dropFirst().first.map(String.init) ?? ""
            return ["US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "PR"].contains(region) ? .letter : .a4
        }
    }
}

/// Lays cards out on printer sheets: as many as fit inside the area A4 and Letter share
/// (210 × 279.4 mm, centred), with crop marks outside each card, a 50 mm ruler to check the printer
/// did not scale the page, and, for cards with backs, a following sheet of backs that line up in
/// duplex printing.
package struct SheetImposer {
    let options: SheetOptions
    let theme: Theme
    let measurer: any TextMeasuring

    package init(options: SheetOptions, theme: Theme, measurer: any TextMeasuring) {
        self.options = options
        self.theme = theme
        self.measurer = measurer
    }

    /// The area both A4 and Letter hold, centred on the sheet.
    static func commonArea(on paper: Paper) -> Rect {
        let width = Units.mm(210), height = Units.mm(279.4)
        return Rect(x: (paper.width - width) / 2, y: (paper.height - height) / 2, width: width, height: height)
    }

    private static let printerMargin = Units.mm(5)
    private static let gutter = Units.mm(6)
    private static let markOffset = Units.mm(1)
    private static let markLength = Units.mm(4)
    private static let rulerStrip = Units.mm(12)

    /// Where cards may go on a sheet: the common area less the printer margin and the ruler's strip.
    static func workArea(on paper: Paper) -> Rect {
        let common = commonArea(on: paper)
        return Rect(
            x: common.x + printerMargin, y: common.y + printerMargin,
            width: common.width - 2 * printerMargin, height: common.height - 2 * printerMargin - rulerStrip)
    }

    /// Whether at least one card of `size` fits on the sheet, either way round.
    package static func fits(_ size: Size, on sheet: SheetOptions) -> Bool {
        (try? grid(for: size, in: workArea(on: sheet.paper()))) != nil
    }

    /// - Parameter cards: each card's front and, for two-sided cards, its back.
    package func sheets(for cards: [(front: PlacedPage, back: PlacedPage?)]) throws -> [PlacedPage] {
        let paper = options.paper()
        let common = Self.commonArea(on: paper)
        let work = Self.workArea(on: paper)
        // Collated: each copy is the whole set of cards in order (card 1, card 2, card 1, card 2…),
        // so a routine that runs over two cards prints whole sets, not a sheet of card 1 alone.
        let copies = (0..<options.copies).flatMap { _ in cards }
        guard let first = copies.first else { return [] }
        let grid = try Self.grid(for: first.front.size, in: work)
        let perSheet = grid.slots.count
        var sheets: [PlacedPage] = []
        var index = 0
        while index < copies.count {
            let batch = copies[index..<min(index + perSheet, copies.count)]
            var front: [PlacedElement] = []
            var back: [PlacedElement] = []
            for (slot, card) in zip(grid.slots, batch) {
                front.append(.card(PlacedCard(card: card.front, origin: slot, quarterTurns: grid.quarterTurns)))
                front += cropMarks(around: PlacedCard(card: card.front, origin: slot, quarterTurns: grid.quarterTurns).frame)
                if let backPage = card.back {
                    back.append(.card(mirrored(backPage, slot: slot, quarterTurns: grid.quarterTurns, paper: paper)))
                }
            }
            front += try ruler(in: common)
            sheets.append(PlacedPage(size: Size(width: paper.width, height: paper.height), bleed: 0, safeArea: common, background: .white, elements: front))
            if !back.isEmpty {
                sheets.append(PlacedPage(size: Size(width: paper.width, height: paper.height), bleed: 0, safeArea: common, background: .white, elements: back))
            }
            index += perSheet
        }
        return sheets
    }

    /// Card positions: the orientation that fits more cards, the grid centred in the work area.
    static func grid(for card: Size, in work: Rect) throws -> (slots: [Point], quarterTurns: Int) {
        func fit(_ size: Size) -> (columns: Int, rows: Int) {
            (Int(((work.width + gutter) / (size.width + gutter)).rounded(.down)), Int(((work.height + gutter) / (size.height + gutter)).rounded(.down)))
        }
        let upright = fit(card), turned = fit(Size(width: card.height, height: card.width))
        let useTurned = turned.columns * turned.rows > upright.columns * upright.rows
        let (columns, rows) = useTurned ? turned : upright
        let size = useTurned ? Size(width: card.height, height: card.width) : card
        guard columns > 0, rows > 0 else {
            throw LayoutError(
                description:
                    "a \(Int(card.width / Units.pointsPerMillimetre)) × \(Int(card.height / Units.pointsPerMillimetre)) mm card does not fit on the sheet with room for crop marks"
            )
        }
        let totalWidth = Double(columns) * size.width + Double(columns - 1) * gutter
        let totalHeight = Double(rows) * size.height + Double(rows - 1) * gutter
        let x0 = work.x + (work.width - totalWidth) / 2, y0 = work.y + (work.height - totalHeight) / 2
        var slots: [Point] = []
        for row in 0..<rows {
            for column in 0..<columns {
                slots.append(Point(x: x0 + Double(column) * (size.width + gutter), y: y0 + Double(row) * (size.height + gutter)))
            }
        }
        return (slots, useTurned ? 1 : 0)
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

    /// A 50 mm ruler with centimetre ticks and a one-line instruction, at the foot of the common area.
    private func ruler(in common: Rect) throws -> [PlacedElement] {
        let left = common.x + Self.printerMargin
        let baseline = common.maxY - Self.printerMargin - Units.mm(2)
        var elements: [PlacedElement] = [
            .shape(PlacedShape(kind: .line, frame: Rect(x: left, y: baseline, width: Units.mm(50), height: 0), stroke: .black, lineWidth: 0.5))
        ]
        for tick in 0...10 {
            let x = left + Units.mm(Double(tick) * 5)
            let height = Units.mm(tick % 2 == 0 ? 2.5 : 1.2)
            elements.append(.shape(PlacedShape(kind: .line, frame: Rect(x: x, y: baseline - height, width: 0, height: height), stroke: .black, lineWidth: 0.4)))
        }
        let font = FontStyle(family: theme.fontFamily, size: 7)
        let text = "50 mm — if this ruler is not 50 mm long, print at actual size (100%, no fit to page)"
        let request = TextRequest(text: text, emphasis: [], font: font, alignment: .left, width: common.maxX - Self.printerMargin - left - Units.mm(53))
        let metrics = try measurer.measure(request)
        elements.append(
            .text(
                PlacedText(
                    frame: Rect(x: left + Units.mm(53), y: baseline - metrics.height, width: request.width, height: metrics.height),
                    text: text, emphasis: [], font: font, color: .black, alignment: .left, role: .label, lineCount: metrics.lineCount)))
        return elements
    }
}
