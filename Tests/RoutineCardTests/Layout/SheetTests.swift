import Foundation
import Testing
import TestSupport
@testable import RoutineCard
@testable import RoutineCardLayout

/// Cards on printer sheets: tiled edge to edge where the card divides the paper, spaced out with
/// crop marks otherwise, the `any` page, copies, duplex backs.
struct SheetTests {
    func sheets(
        _ routine: String = "leg-cramps", template: Template = .fridge, paper: Paper? = nil, margin: Double? = nil, sheet: SheetOptions
    ) throws -> [PlacedPage] {
        var options = CardOptions(template: template)
        if let paper { options.paper = paper }
        options.margin = margin
        options.sheet = sheet
        return try CardRenderer().render([Routine.builtIn(routine)], options: options, output: OutputOptions(format: .pdf)).sheetPages
    }

    func cards(_ page: PlacedPage) -> [PlacedCard] {
        page.elements.compactMap { if case .card(let card) = $0 { card } else { nil } }
    }

    func lines(_ page: PlacedPage) -> [Rect] {
        page.elements.compactMap { if case .shape(let s) = $0, s.kind == .line { s.frame } else { nil } }
    }

    static let tilings: [(paper: Paper, sheet: SheetOptions.Kind, count: Int)] = [
        (.a6, .a4, 4), (.a7, .a4, 8), (.a5, .a4, 2), (.quarterLetter, .letter, 4), (.halfLetter, .letter, 2),
    ]

    @Test(arguments: 0..<tilings.count)
    func cardsThatDivideTheSheetTileItEdgeToEdge(index: Int) throws {
        let (paper, kind, count) = Self.tilings[index]
        let pages = try sheets(paper: paper, sheet: SheetOptions(kind: kind, copies: .fill))
        #expect(pages.count == 1)
        let page = pages[0], placed = cards(page)
        #expect(placed.count == count, "\(paper.name) on \(kind)")
        // Edge to edge: the cards touch, never overlap, and cover the sheet to within 1 mm.
        let area = placed.reduce(0) { $0 + $1.frame.width * $1.frame.height }
        #expect(abs(area - page.size.width * page.size.height) <= Units.mm(1) * max(page.size.width, page.size.height) + 1)
        for (i, a) in placed.enumerated() { for b in placed[(i + 1)...] { #expect(!a.frame.overlaps(b.frame)) } }
        let printable = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height).insetBy(Units.mm(5) - 0.01)
        for card in placed {
            let content = card.sheetRect(card.card.safeArea)
            #expect(printable.contains(content), "\(paper.name): content \(content) within 5 mm of the paper's edge")
            // Cut guides and the ruler stay in the blank margins, never over content.
            for line in lines(page) { #expect(!content.overlaps(line), "\(paper.name): \(line) crosses content \(content)") }
            for text in page.texts { #expect(!content.overlaps(text.frame)) }
        }
        #expect(page.texts.contains { $0.text.hasPrefix("50 mm") }, "the ruler sits in the margins between two rows")
        // Guides mark every cut between cards at both sheet edges.
        let cuts = Set(placed.map(\.frame.maxX).filter { $0 < page.size.width - Units.mm(2) }.map { ($0 * 10).rounded() })
        for cut in cuts {
            let x = cut / 10
            #expect(lines(page).contains { abs($0.minX - x) < 0.1 && $0.width == 0 && $0.minY == 0 }, "a guide from the top edge at x = \(x)")
            #expect(lines(page).contains { abs($0.minX - x) < 0.1 && $0.width == 0 && abs($0.maxY - page.size.height) < 0.01 })
        }
    }

    @Test func otherSizesAreSpacedOutWithCropMarksInsideThePrinterMargin() throws {
        for (template, paper, kind) in [
            (Template.fridge, Paper.a6, SheetOptions.Kind.letter), (.fridge, .index4x6, .a4), (.wallet, .wallet, .a4), (.fridge, .a6, .any),
        ] {
            for page in try sheets(template: template, paper: paper, sheet: SheetOptions(kind: kind, copies: 3)) {
                let printable = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height).insetBy(Units.mm(5) - 0.01)
                for element in page.elements { #expect(printable.contains(element.frame), "\(paper.name) on \(kind): \(element.frame)") }
                let placed = cards(page)
                #expect(!placed.isEmpty)
                for (i, a) in placed.enumerated() { for b in placed[(i + 1)...] { #expect(!a.frame.overlaps(b.frame)) } }
                for mark in lines(page) { for card in placed { #expect(!card.frame.overlaps(mark)) } }
            }
        }
        // A full-page handout cannot go on a sheet: that is an error, not a shrink.
        let error = #expect(throws: RoutineCardError.self) { try sheets(template: .sheet, sheet: SheetOptions(kind: .letter)) }
        #expect(error?.code == .cannotLayOut)
    }

    @Test func theAnySheetIsTheAreaA4AndLetterShare() throws {
        let page = try #require(try sheets(sheet: SheetOptions(kind: .any)).first)
        #expect(abs(page.size.width - 595.276) < 0.001 && page.size.height == 792)
        #expect(SheetOptions(kind: .a4).paper == .a4 && SheetOptions(kind: .letter).paper == .letter)
    }

    @Test func fillPutsCopiesInEveryFreePlaceOfTheLastSheet() throws {
        // Two cards to a set, four places: two sets.
        #expect(cards(try sheets(sheet: SheetOptions(kind: .a4, copies: .fill))[0]).count == 4)
        // Three cards to a set on A7 (eight places): the set, then copies in order, one sheet.
        let a7 = try sheets(paper: .a7, sheet: SheetOptions(kind: .a4, copies: .fill))
        #expect(a7.count == 1 && cards(a7[0]).count == 8)
        // A number of copies stays a number: three sets of two is six cards on two sheets.
        let three = try sheets(sheet: SheetOptions(kind: .a4, copies: 3))
        #expect(three.map { cards($0).count } == [4, 2])
        #expect(cards(three[0]).map(\.card) == [cards(three[0])[0].card, cards(three[0])[1].card, cards(three[0])[0].card, cards(three[0])[1].card])
    }

    @Test func tiledCardsNeedAMarginThatKeepsContentWherePrintersPrint() throws {
        let error = #expect(throws: RoutineCardError.self) { try sheets(margin: Units.mm(4), sheet: SheetOptions(kind: .a4)) }
        #expect(error?.description.contains("at least") == true, "\(String(describing: error))")
        #expect(try !sheets(margin: Units.mm(5), sheet: SheetOptions(kind: .a4)).isEmpty)
        #expect(SheetImposer.requiredMargin(for: Size(width: Paper.a6.width, height: Paper.a6.height), on: SheetOptions(kind: .a4)) != nil)
        #expect(SheetImposer.requiredMargin(for: Size(width: Paper.a6.width, height: Paper.a6.height), on: SheetOptions(kind: .letter)) == nil)
    }

    @Test(arguments: [SheetOptions.Flip.long, .short])
    func tiledBacksLineUpBehindTheirFronts(flip: SheetOptions.Flip) throws {
        // Wallet cards made A6: fronts and backs, four to a sheet.
        let pages = try sheets("runner-cooldown", template: .wallet, paper: .a6, margin: Units.mm(6), sheet: SheetOptions(kind: .a4, copies: .fill, flip: flip))
        #expect(pages.count == 2)
        let fronts = cards(pages[0]), backs = cards(pages[1]), paper = Paper.a4
        #expect(fronts.count == 4 && backs.count == 4)
        for (front, back) in zip(fronts, backs) {
            switch flip {
            case .long:
                #expect(abs(back.frame.minX - (paper.width - front.frame.maxX)) < 0.01 && abs(back.frame.minY - front.frame.minY) < 0.01)
            case .short:
                #expect(abs(back.frame.minY - (paper.height - front.frame.maxY)) < 0.01 && abs(back.frame.minX - front.frame.minX) < 0.01)
                #expect(back.quarterTurns == (front.quarterTurns + 2) % 4, "upside down for a short-edge flip")
            }
        }
    }

    @Test func walletCardsFillALetterSheetAndABackOffsetMovesTheBacksTheOtherWay() throws {
        let pages = try sheets("runner-cooldown", template: .wallet, sheet: SheetOptions(kind: .letter, copies: 8))
        #expect(pages.count == 2 && cards(pages[0]).count == 8 && cards(pages[1]).count == 8)
        let plain = try sheets(template: .wallet, sheet: SheetOptions(kind: .a4))
        let offset = try sheets(template: .wallet, sheet: SheetOptions(kind: .a4, backOffsetX: Units.mm(1.5), backOffsetY: Units.mm(-0.5)))
        let a = cards(plain[1])[0].frame, b = cards(offset[1])[0].frame
        #expect(abs((a.minX - b.minX) - Units.mm(1.5)) < 0.01 && abs((a.minY - b.minY) - Units.mm(-0.5)) < 0.01)
        #expect(cards(plain[0])[0].frame == cards(offset[0])[0].frame, "fronts do not move")
    }
}

extension PlacedCard {
    /// A rectangle in the card's own coordinates, where it lands on the sheet (the drawer's turn).
    func sheetRect(_ rect: Rect) -> Rect {
        let size = card.size
        switch quarterTurns % 4 {
        case 1: return Rect(x: origin.x + size.height - rect.maxY, y: origin.y + rect.minX, width: rect.height, height: rect.width)
        case 2: return Rect(x: origin.x + size.width - rect.maxX, y: origin.y + size.height - rect.maxY, width: rect.width, height: rect.height)
        case 3: return Rect(x: origin.x + rect.minY, y: origin.y + size.width - rect.maxX, width: rect.height, height: rect.width)
        default: return Rect(x: origin.x + rect.minX, y: origin.y + rect.minY, width: rect.width, height: rect.height)
        }
    }
}
