import Foundation
import RoutineCardModel

/// A two-page duplex test. The front has a long cross; the back has two ladders of short lines, one
/// line for every half millimetre from −5 to +5 mm, each in a row or column of its own with its
/// number beside it. Held up to the light, the cross's upright arm covers one line of the X ladder
/// and its level arm one line of the Y ladder: their numbers are the back offset
/// (``SheetOptions/backOffset``).
package struct CalibrationSheet {
    let options: SheetOptions
    let theme: Theme
    let measurer: any TextMeasuring
    /// The sentence printed on the sheet that says where to enter the numbers read (the caller's
    /// option or field).
    let howToApply: String

    package init(options: SheetOptions, theme: Theme, measurer: any TextMeasuring, howToApply: String) {
        self.options = options
        self.theme = theme
        self.measurer = measurer
        self.howToApply = howToApply
    }

    /// The offsets the ladders show, in millimetres: −5 to +5 in half-millimetre steps.
    static let values: [Double] = (-10...10).map { Double($0) / 2 }
    /// The X ladder's rows and the Y ladder's columns.
    static let rowHeight = Units.mm(4)
    static let columnWidth = Units.mm(7.5)
    /// The gap between the cross's centre and the start of each ladder (the X ladder's leaves room
    /// for its heading below the Y ladder's lowest line).
    static let ladderGap = Units.mm(12)
    static let xLadderGap = Units.mm(16)
    private static let lineLength = Units.mm(3)

    package func pages() throws -> [PlacedPage] {
        let paper = options.paper
        let size = Size(width: paper.width, height: paper.height)
        let safe = Rect(x: 0, y: 0, width: paper.width, height: paper.height).insetBy(SheetImposer.printerMargin)
        let center = Point(x: paper.width / 2, y: paper.height / 2 - Units.mm(25))
        // Where the cross lands on the back, in the back page's own coordinates.
        let target = options.flip == .long ? Point(x: paper.width - center.x, y: center.y) : Point(x: center.x, y: paper.height - center.y)
        let xLadder = Rect(x: center.x - Units.mm(30), y: center.y + Self.xLadderGap, width: Units.mm(60), height: Double(Self.values.count) * Self.rowHeight)
        var front: [PlacedElement] = [
            line(Rect(x: center.x, y: center.y - Units.mm(16), width: 0, height: xLadder.maxY - center.y + Units.mm(20)), width: 0.7),
            line(Rect(x: safe.minX, y: center.y, width: safe.width, height: 0), width: 0.7),
        ]
        front += try text(
            "Duplex calibration",
            at: Point(x: safe.minX + Units.mm(5), y: safe.minY + Units.mm(5)), width: safe.width - Units.mm(10), size: 14, bold: true)
        front += try text(
            """
            1. Print this file on both sides of one sheet, turned on the \(options.flip.rawValue) edge, at actual size (100 %, no fit to page; \
            lp -o print-scaling=none -o sides=two-sided-\(options.flip.rawValue)-edge). The ruler below must measure 50 mm.
            2. Hold the sheet up to a window or a lamp with this side facing away from you.
            3. The cross's upright line covers one line of the X ladder and its level line one line of the Y ladder: note their numbers.
            4. \(howToApply) If both are 0, your printer lines up: nothing to do.
            """,
            at: Point(x: safe.minX + Units.mm(5), y: safe.minY + Units.mm(14)), width: safe.width - Units.mm(10), size: 9)
        front += try ruler(on: paper)
        var back: [PlacedElement] = []
        back += try text(
            "Duplex calibration — back. Hold the sheet to the light: which line does the cross cover?",
            at: Point(x: safe.minX + Units.mm(5), y: safe.minY + Units.mm(5)), width: safe.width - Units.mm(10), size: 9, bold: true)
        back += try xLadderLines(target: target)
        back += try yLadderLines(target: target)
        return [
            PlacedPage(size: size, bleed: 0, safeArea: safe, background: .white, elements: front),
            PlacedPage(size: size, bleed: 0, safeArea: safe, background: .white, elements: back),
        ]
    }

    /// The printed number for an offset: the value to enter, with its sign.
    static func label(_ value: Double) -> String {
        let magnitude = value.magnitude.truncatingRemainder(dividingBy: 1) == 0 ? String(Int(value.magnitude)) : String(format: "%.1f", value.magnitude)
        return value == 0 ? "0" : (value < 0 ? "\u{2212}" : "+") + magnitude
    }

    /// One row per value below the cross: an upright line where the cross shows when the back
    /// printed `value` mm to the right, and the value to its left, joined by a dotted leader.
    private func xLadderLines(target: Point) throws -> [PlacedElement] {
        var elements = try text(
            "X (mm)", at: Point(x: target.x - Units.mm(30), y: target.y + Self.xLadderGap - Units.mm(5)), width: Units.mm(21), size: 9, bold: true,
            alignment: .right)
        for (row, value) in Self.values.enumerated() {
            let top = target.y + Self.xLadderGap + Double(row) * Self.rowHeight
            // A back printed `value` to the right carries this line onto the cross when it sits `value` to the left.
            let x = target.x - Units.mm(value)
            elements.append(line(Rect(x: x, y: top + (Self.rowHeight - Self.lineLength) / 2, width: 0, height: Self.lineLength), width: value == 0 ? 1.2 : 0.6))
            let labelRight = target.x - Units.mm(9)
            elements += try text(
                Self.label(value), at: Point(x: labelRight - Units.mm(14), y: top + Units.mm(0.4)), width: Units.mm(14), size: 9, bold: value == 0,
                alignment: .right)
            elements.append(
                dotted(from: Point(x: labelRight + Units.mm(1), y: top + Self.rowHeight / 2), to: Point(x: x - Units.mm(1), y: top + Self.rowHeight / 2)))
        }
        return elements
    }

    /// One column per value beside the cross (negative values left of it, the rest right): a level
    /// line where the cross shows when the back printed `value` mm low, its value above.
    private func yLadderLines(target: Point) throws -> [PlacedElement] {
        var elements = try text(
            "Y (mm)", at: Point(x: target.x + Self.ladderGap, y: target.y - Units.mm(19)), width: Units.mm(25), size: 9, bold: true)
        let negatives = Self.values.filter { $0 < 0 }, others = Self.values.filter { $0 >= 0 }
        let labelTop = target.y - Units.mm(12)
        let columns: [(x: Double, value: Double)] =
            negatives.enumerated().map { (target.x - Self.ladderGap - Double(negatives.count - $0.offset) * Self.columnWidth, $0.element) }
            + others.enumerated().map { (target.x + Self.ladderGap + Double($0.offset) * Self.columnWidth, $0.element) }
        for (left, value) in columns {
            let y = target.y - Units.mm(value)
            elements.append(
                line(Rect(x: left + (Self.columnWidth - Self.lineLength) / 2, y: y, width: Self.lineLength, height: 0), width: value == 0 ? 1.2 : 0.6))
            elements += try text(Self.label(value), at: Point(x: left, y: labelTop), width: Self.columnWidth, size: 9, bold: value == 0, alignment: .center)
            elements.append(
                dotted(from: Point(x: left + Self.columnWidth / 2, y: labelTop + Units.mm(4.5)), to: Point(x: left + Self.columnWidth / 2, y: y - Units.mm(1))))
        }
        return elements
    }

    /// A 50 mm ruler at the foot of the front, to check the printer did not scale the page.
    private func ruler(on paper: Paper) throws -> [PlacedElement] {
        let left = SheetImposer.printerMargin + Units.mm(5)
        let baseline = paper.height - SheetImposer.printerMargin - Units.mm(8)
        var elements = [line(Rect(x: left, y: baseline, width: Units.mm(50), height: 0), width: 0.5)]
        for tick in 0...10 {
            let height = Units.mm(tick % 2 == 0 ? 2.5 : 1.2)
            elements.append(line(Rect(x: left + Units.mm(Double(tick) * 5), y: baseline - height, width: 0, height: height), width: 0.4))
        }
        elements += try text("50 mm", at: Point(x: left + Units.mm(53), y: baseline - Units.mm(3)), width: Units.mm(20), size: 8)
        return elements
    }

    private func line(_ frame: Rect, width: Double) -> PlacedElement {
        .shape(PlacedShape(kind: .line, frame: frame, stroke: .black, lineWidth: width))
    }

    /// A thin grey line that leads the eye from a number to its line, stopping short of both.
    private func dotted(from start: Point, to end: Point) -> PlacedElement {
        let frame = Rect(x: min(start.x, end.x), y: min(start.y, end.y), width: abs(end.x - start.x), height: abs(end.y - start.y))
        return .shape(PlacedShape(kind: .line, frame: frame, stroke: Color(red: 0.7, green: 0.7, blue: 0.7), lineWidth: 0.3))
    }

    private func text(
        _ text: String, at point: Point, width: Double, size: Double, bold: Bool = false, alignment: TextAlignment = .left
    ) throws -> [PlacedElement] {
        let font = FontStyle(family: theme.fontFamily, size: size, bold: bold)
        let request = TextRequest(text: text, emphasis: [], font: font, alignment: alignment, width: width)
        let metrics = try measurer.measure(request)
        return [
            .text(
                PlacedText(
                    frame: Rect(x: point.x, y: point.y, width: width, height: metrics.height), text: text, emphasis: [],
                    font: font, color: .black, alignment: alignment, role: .label, lineCount: metrics.lineCount))
        ]
    }
}
