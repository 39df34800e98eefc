import Foundation
import Testing
import TestSupport
@testable import RoutineCard
@testable import RoutineCardLayout
@testable import Graphics

/// The duplex calibration sheet: ladders of half-millimetre lines whose numbers never collide, and
/// the instructions on the sheet itself.
struct CalibrationSheetTests {
    func pages(_ kind: SheetOptions.Kind = .a4, flip: SheetOptions.Flip = .long) throws -> [PlacedPage] {
        try CalibrationSheet(
            options: SheetOptions(kind: kind, flip: flip), theme: Theme.named(.color), measurer: PangoMeasurer(engine: TextEngine()),
            howToApply: "Pass them as --back-offset Xmm,Ymm."
        ).pages()
    }

    /// The page's lines: all of them, or only the black ones (not the grey leaders).
    func lines(_ page: PlacedPage, blackOnly: Bool = true) -> [Rect] {
        page.elements.compactMap { if case .shape(let s) = $0, s.kind == .line, !blackOnly || s.stroke == .black { s.frame } else { nil } }
    }

    @Test(arguments: [SheetOptions.Kind.a4, .letter, .any], [SheetOptions.Flip.long, .short])
    func noNumberOrWordCollidesWithAnotherOrWithALine(kind: SheetOptions.Kind, flip: SheetOptions.Flip) throws {
        for page in try pages(kind, flip: flip) {
            let texts = page.texts
            for (i, a) in texts.enumerated() {
                #expect(page.safeArea.contains(a.frame), "\(a.text) leaves the printable area")
                if a.text.count < 8 { #expect(a.lineCount == 1, "'\(a.text)' fits its place on one line") }
                for b in texts[(i + 1)...] { #expect(!a.frame.overlaps(b.frame), "'\(a.text)' meets '\(b.text)'") }
                for line in lines(page, blackOnly: false) { #expect(!a.frame.overlaps(line), "'\(a.text)' meets a line at \(line)") }
            }
            for line in lines(page) { #expect(page.safeArea.contains(line)) }
        }
    }

    @Test func eachLadderHasALineEveryHalfMillimetreFromMinusFiveToFiveWithItsNumber() throws {
        let back = try pages()[1]
        let expected = (-10...10).map { CalibrationSheet.label(Double($0) / 2) }
        #expect(expected.first == "\u{2212}5" && expected[10] == "0" && expected.last == "+5" && expected[11] == "+0.5")
        for label in expected { #expect(back.texts.filter { $0.text == label }.count == 2, "\(label): once in X, once in Y") }
        #expect(back.texts.first { $0.text == "0" }?.font.bold == true, "a clear 0")
        // The X ladder's upright lines: 21 of them, half a millimetre apart.
        let upright = lines(back).filter { $0.width == 0 && abs($0.height - Units.mm(3)) < 0.01 }.map(\.minX).sorted()
        #expect(upright.count == 21)
        for (a, b) in zip(upright, upright.dropFirst()) { #expect(abs((b - a) - Units.mm(0.5)) < 0.001) }
        let level = lines(back).filter { $0.height == 0 && abs($0.width - Units.mm(3)) < 0.01 }.map(\.minY).sorted()
        #expect(level.count == 21)
        for (a, b) in zip(level, level.dropFirst()) { #expect(abs((b - a) - Units.mm(0.5)) < 0.001) }
    }

    @Test func theLineNumberedNIsWhereTheCrossShowsWhenTheBackPrintedNMillimetresOff() throws {
        let sheet = try pages()
        let front = sheet[0], back = sheet[1], paper = Paper.a4
        // The cross's upright arm on the front, and where it shows on the back (turned over the long edge).
        let upright = try #require(lines(front).filter { $0.width == 0 }.max { $0.height < $1.height })
        let seenX = paper.width - upright.minX
        // A back printed 1.5 mm right carries every back line 1.5 mm right: the line numbered +1.5 lands on the cross.
        let row = try #require(back.texts.filter { $0.text == "+1.5" }.min { $0.frame.minX < $1.frame.minX })
        let tick = try #require(
            lines(back).first { $0.width == 0 && abs($0.height - Units.mm(3)) < 0.01 && $0.minY > row.frame.minY && $0.maxY < row.frame.maxY + 2 })
        #expect(abs(tick.minX + Units.mm(1.5) - seenX) < 0.01)
    }

    @Test func theInstructionsAreOnTheSheet() throws {
        let front = try pages()[0].texts.map(\.text).joined(separator: " ")
        #expect(front.contains("actual size") && front.contains("print-scaling=none") && front.contains("--back-offset"))
        #expect(front.contains("50 mm"), "a ruler to check the scale")
    }
}
