import Foundation
import Testing
import TestSupport
@testable import RoutineCard
@testable import RoutineCardLayout

/// Cards on printer sheets: inside the A4/Letter common area, crop marks, ruler, duplex backs.
struct SheetTests {
    func sheets(_ routine: String = "leg-cramps", template: Template = .fridge, sheet: SheetOptions) throws -> [PlacedPage] {
        var options = CardOptions(template: template)
        options.sheet = sheet
        return try CardRenderer().render([Routine.builtIn(routine)], options: options, output: OutputOptions(format: .pdf)).layoutsOnSheets(options)
    }

    func cards(_ page: PlacedPage) -> [PlacedCard] {
        page.elements.compactMap { if case .card(let card) = $0 { card } else { nil } }
    }

    @Test(arguments: [SheetOptions.Kind.a4, .letter])
    func everythingStaysInsideTheAreaA4AndLetterShare(kind: SheetOptions.Kind) throws {
        // A full-page sheet handout cannot go on a sheet with marks: that is an error, not a shrink.
        let error = #expect(throws: RoutineCardError.self) { try sheets(template: .sheet, sheet: SheetOptions(kind: kind)) }
        #expect(error?.code == .cannotLayOut)
        for template in [Template.fridge, .wallet] {
            for page in try sheets(template: template, sheet: SheetOptions(kind: kind, copies: 3)) {
                let common = SheetImposer.commonArea(on: kind == .a4 ? .a4 : .letter)
                #expect(abs(common.width - Units.mm(210)) < 0.01 && abs(common.height - Units.mm(279.4)) < 0.01)
                for element in page.elements {
                    #expect(common.contains(element.frame), "\(template) \(kind): \(element.frame) leaves \(common)")
                }
                let placed = cards(page)
                for (i, a) in placed.enumerated() { for b in placed[(i + 1)...] { #expect(!a.frame.overlaps(b.frame)) } }
            }
        }
    }

    @Test func theDefaultCardFitsTwoToAnA4SheetWithMarksAndTheRuler() throws {
        // Two copies of the two-card routine: four cards, two to a sheet.
        let pages = try sheets(sheet: SheetOptions(kind: .a4, copies: 2))
        #expect(pages.count == 2)
        #expect(cards(pages[0]).count == 2, "two A6 cards fit the shared 210 × 279.4 mm area; four need all of A4")
        let page = pages[0]
        #expect(page.texts.contains { $0.text.hasPrefix("50 mm") })
        let lines = page.elements.filter { if case .shape(let s) = $0, s.kind == .line { true } else { false } }
        #expect(lines.count >= 2 * 8 + 1 + 11, "8 crop marks per card, the ruler and its ticks")
        // Crop marks sit outside every card.
        for case .shape(let mark) in page.elements where mark.kind == .line {
            for card in cards(page) { #expect(!card.frame.overlaps(mark.frame)) }
        }
    }

    @Test func walletCardsFillALetterSheetAndTheirBacksLineUp() throws {
        // A routine whose wallet card is one front and one back.
        let pages = try sheets("runner-cooldown", template: .wallet, sheet: SheetOptions(kind: .letter, copies: 8))
        #expect(pages.count == 2)
        let fronts = cards(pages[0]), backs = cards(pages[1])
        #expect(fronts.count == 8 && backs.count == 8)
        for (front, back) in zip(fronts, backs) {
            #expect(abs(back.frame.minX - (Paper.letter.width - front.frame.maxX)) < 0.01, "long-edge flip mirrors left and right")
            #expect(abs(back.frame.minY - front.frame.minY) < 0.01)
        }
        let short = try sheets(template: .wallet, sheet: SheetOptions(kind: .letter, copies: 1, flip: .short))
        let (front, back) = (cards(short[0])[0], cards(short[1])[0])
        #expect(abs(back.frame.minY - (Paper.letter.height - front.frame.maxY)) < 0.01)
        #expect(back.quarterTurns == (front.quarterTurns + 2) % 4, "upside down for a short-edge flip")
    }

    @Test func aBackOffsetMovesTheBacksTheOtherWay() throws {
        let plain = try sheets(template: .wallet, sheet: SheetOptions(kind: .a4))
        let offset = try sheets(template: .wallet, sheet: SheetOptions(kind: .a4, backOffsetX: Units.mm(1.5), backOffsetY: Units.mm(-0.5)))
        let a = cards(plain[1])[0].frame, b = cards(offset[1])[0].frame
        #expect(abs((a.minX - b.minX) - Units.mm(1.5)) < 0.01 && abs((a.minY - b.minY) - Units.mm(-0.5)) < 0.01)
        #expect(cards(plain[0])[0].frame == cards(offset[0])[0].frame, "fronts do not move")
    }

    @Test func anySheetFollowsTheLocale() {
        #expect(SheetOptions(kind: .any).paper(environment: ["LANG": "en_US.UTF-8"]) == .letter)
        #expect(SheetOptions(kind: .any).paper(environment: ["LANG": "de_DE.UTF-8"]) == .a4)
        #expect(SheetOptions(kind: .any).paper(environment: ["LC_PAPER": "en_CA.UTF-8", "LANG": "fr_FR.UTF-8"]) == .letter)
    }

    @Test func theSheetPDFIsTheSheetSizeAndItsTextStaysInTheCommonArea() throws {
        var options = CardOptions()
        options.sheet = SheetOptions(kind: .a4, copies: 2)
        let document = try CardRenderer().render([Routine.builtIn("leg-cramps")], options: options)
        let url = try ExternalTool.temporaryFolder().appendingPathComponent("sheet.pdf")
        try document.data.write(to: url)
        let info = try ExternalTool.run("pdfinfo", [url.path]).output
        #expect(ExternalTool.field("Page size", in: info)?.hasPrefix("595.276 x 841.89") == true)
        let bbox = try ExternalTool.run("pdftotext", ["-bbox", url.path, "-"]).output
        let common = SheetImposer.commonArea(on: .a4)
        var words = 0
        for line in bbox.split(separator: "\n") where line.contains("<word") {
            func value(_ key: String) -> Double? {
                guard let range = line.range(of: "\(key)=\"") else { return nil }
                return Double(line[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let x0 = value("xMin"), let y0 = value("yMin"), let x1 = value("xMax"), let y1 = value("yMax") else { continue }
            words += 1
            #expect(common.contains(Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0), tolerance: 0.5), "\(line)")
        }
        #expect(words > 50)
        #expect(bbox.contains(">50</word>") && bbox.contains(">mm</word>"))
    }
}

extension RenderedDocument {
    /// The sheets that were drawn, laid out again for inspection.
    func layoutsOnSheets(_ options: CardOptions) throws -> [PlacedPage] { sheetPages }
}
