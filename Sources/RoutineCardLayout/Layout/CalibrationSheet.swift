import RoutineCardModel

/// A two-page duplex test: the front has a cross; the back has millimetre scales where the cross
/// should land. Held up to the light, the cross shows through on the scales, and the number it
/// crosses is the back offset (``SheetOptions/backOffset``).
package struct CalibrationSheet {
    let options: SheetOptions
    let theme: Theme
    let measurer: any TextMeasuring
    /// The sentence printed on the back that says where to enter the numbers read (the caller's
    /// option or field).
    let howToApply: String

    package init(options: SheetOptions, theme: Theme, measurer: any TextMeasuring, howToApply: String) {
        self.options = options
        self.theme = theme
        self.measurer = measurer
        self.howToApply = howToApply
    }

    package func pages() throws -> [PlacedPage] {
        let paper = options.paper()
        let size = Size(width: paper.width, height: paper.height)
        let common = SheetImposer.commonArea(on: paper)
        let center = Point(x: common.x + common.width / 2, y: common.y + common.height / 2)
        let arm = Units.mm(20)
        var front: [PlacedElement] = [
            line(x: center.x - arm, y: center.y, width: 2 * arm, height: 0, width: 0.6),
            line(x: center.x, y: center.y - arm, width: 0, height: 2 * arm, width: 0.6),
        ]
        front += try label(
            "Duplex calibration — front. Print this file on both sides (flip on the \(options.flip.rawValue) edge) at actual size.\nThen hold the sheet up to the light and read the back.",
            at: Point(x: common.x + Units.mm(8), y: common.y + Units.mm(8)), width: common.width - Units.mm(16))
        // Where the cross lands on the back, in the back page's own coordinates.
        let target = options.flip == .long ? Point(x: paper.width - center.x, y: center.y) : Point(x: center.x, y: paper.height - center.y)
        var back: [PlacedElement] = []
        let ticks = 10
        for step in -ticks...ticks {
            let offset = Units.mm(Double(step))
            let long = step % 5 == 0
            let length = Units.mm(long ? 4 : 2)
            back.append(line(x: target.x + offset, y: target.y - length, width: 0, height: length, width: 0.4))
            back.append(line(x: target.x - length, y: target.y + offset, width: length, height: 0, width: 0.4))
            if long, step != 0 {
                // The number is the offset to pass: where the cross shows, the back printed that far the other way.
                back += try label("\(-step)", at: Point(x: target.x + offset - Units.mm(2), y: target.y - Units.mm(8)), width: Units.mm(4), size: 6)
                back += try label("\(-step)", at: Point(x: target.x - Units.mm(9), y: target.y + offset - Units.mm(1.2)), width: Units.mm(4), size: 6)
            }
        }
        back.append(line(x: target.x - Units.mm(Double(ticks)), y: target.y, width: Units.mm(2 * Double(ticks)), height: 0, width: 0.3))
        back.append(line(x: target.x, y: target.y - Units.mm(Double(ticks)), width: 0, height: Units.mm(2 * Double(ticks)), width: 0.3))
        back += try label(
            "Duplex calibration — back. Where the front's cross shows through, read the scales (mm):\nthe horizontal number is X, the vertical Y. \(howToApply)",
            at: Point(x: common.x + Units.mm(8), y: common.y + Units.mm(8)), width: common.width - Units.mm(16))
        return [
            PlacedPage(size: size, bleed: 0, safeArea: common, background: .white, elements: front),
            PlacedPage(size: size, bleed: 0, safeArea: common, background: .white, elements: back),
        ]
    }

    private func line(x: Double, y: Double, width w: Double, height h: Double, width stroke: Double) -> PlacedElement {
        .shape(PlacedShape(kind: .line, frame: Rect(x: x, y: y, width: w, height: h), stroke: .black, lineWidth: stroke))
    }

    private func label(_ text: String, at point: Point, width: Double, size: Double = 9) throws -> [PlacedElement] {
        let font = FontStyle(family: theme.fontFamily, size: size)
        let request = TextRequest(text: text, emphasis: [], font: font, alignment: .left, width: width)
        let metrics = try measurer.measure(request)
        return [
            .text(
                PlacedText(
                    frame: Rect(x: point.x, y: point.y, width: width, height: metrics.height), text: text, emphasis: [],
                    font: font, color: .black, alignment: .left, role: .label, lineCount: metrics.lineCount))
        ]
    }
}
